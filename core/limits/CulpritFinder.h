#pragma once

#include "limits/LimitResult.h"

namespace packscope {

class Session;

// Finds the files to blame for a failing limit: the fewest files (largest
// first) whose exclusion lowers the limit's measure by at least `need` bytes.
// Taking the largest first is optimal for "fewest". Ties are broken by package
// and node id, so results are stable. Excluded files are never culprits.
class CulpritFinder
{
public:
    // `suffice` is set to false when all candidate files together are not
    // enough; the whole candidate list is returned then.
    static std::vector<Culprit> find(const Session &session, LimitMeasure measure, std::uint64_t need,
                                     bool *suffice);
};

} // namespace packscope
