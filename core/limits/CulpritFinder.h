#pragma once

#include "limits/LimitResult.h"
#include "whatif/ExclusionSet.h"

#include <vector>

namespace packscope {

// Finds the files to blame for a failing limit: the fewest files (largest
// first) whose exclusion lowers the limit's measure by at least `need` bytes.
// Taking the largest first is optimal for "fewest". Ties are broken by package
// and node id, so results are stable. Excluded files are never culprits.
class CulpritFinder
{
public:
    // `packages` are the exclusions each package is measured with (the
    // function first, then the layers; each set knows its tree): the
    // session's own, or a what-if on them such as a plan tried before it is
    // applied. `suffice` is set to false when all candidate files together
    // are not enough; the whole candidate list is returned then.
    static std::vector<Culprit> find(const std::vector<const ExclusionSet *> &packages, LimitMeasure measure,
                                     std::uint64_t need, bool *suffice);
};

} // namespace packscope
