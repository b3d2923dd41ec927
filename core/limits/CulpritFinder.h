#pragma once

#include "limits/LimitResult.h"
#include "whatif/ExclusionSet.h"

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
    // The same, as if each package's exclusions were `exclusions[p]` (a
    // what-if on a what-if, such as a plan tried before it is applied).
    static std::vector<Culprit> find(const Session &session, const std::vector<ExclusionSet> &exclusions,
                                     LimitMeasure measure, std::uint64_t need, bool *suffice);
};

} // namespace packscope
