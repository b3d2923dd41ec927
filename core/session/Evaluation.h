#pragma once

#include "limits/LimitResult.h"
#include "model/SizeTotals.h"
#include "session/NodeRef.h"

#include <QString>

#include <cstdint>
#include <vector>

namespace packscope {

// Sizes of a session after exclusion, the inputs of every limit.
struct SessionMeasures {
    std::uint64_t functionZipped = 0;
    std::uint64_t functionUnzipped = 0;
    std::uint64_t layersUnzipped = 0;
    std::uint64_t totalUnzipped = 0;
    std::uint32_t layerCount = 0;

    std::uint64_t value(LimitMeasure measure) const;
};

// One package of the session after exclusion: what it keeps, what its
// exclusions take out, and its zip's size (exact for zips, an estimate for
// other formats: zippedEstimated).
struct PackageMeasures {
    SizeTotals kept;
    SizeTotals excluded;
    std::uint64_t zippedBytes = 0;
    bool zippedEstimated = false;
};

// One item's size measured against one size limit of the profile: what a
// tooltip says as "12.3 % of Unzipped size".
struct LimitShare {
    const LimitRule *rule;
    std::uint64_t value;  // the item's bytes this limit counts (zipped or unzipped)
    double fraction;      // value / limit
};

// Everything derived from a session's state at one edit, made once by
// Session::evaluation() and read by every view and report: the measures,
// each limit with its value, headroom, culprits and the function's budget,
// what the exclusions take out, and the shares items have of the limits.
// Views display it; they do not work these numbers out themselves.
struct Evaluation {
    std::uint64_t revision = 0;  // Session::revision() it was made at
    SessionMeasures measures;
    // Per session package, in order (a missing package's are zeros).
    std::vector<PackageMeasures> packages;
    // Unzipped bytes the function may still use given its layers (see
    // Session::functionUnzippedBudget()).
    std::uint64_t functionUnzippedBudget = 0;
    std::vector<LimitResult> limits;  // one per limit of the profile, in order
    // What every exclusion takes out, counted as the CLI's report counts
    // (see Session::excludedTotals()).
    SizeTotals excluded;
    // The total-unzipped limit (Lambda's 250 MiB), against which the tree
    // shows shares; 0 when the profile has none.
    std::uint64_t unzippedLimit = 0;

    const LimitResult *limit(const QString &id) const;
    // The culprits of every failing limit, the largest first per limit.
    std::vector<NodeRef> culprits() const;
    // `unzipped` bytes as a share of unzippedLimit (0 without one).
    double shareOfUnzippedLimit(std::uint64_t unzipped) const;
    // An item of package `package` whose kept bytes are `kept`, against each
    // size limit that counts it: the zipped limit counts the function only.
    std::vector<LimitShare> sharesOf(int package, const SizeTotals &kept) const;
};

} // namespace packscope
