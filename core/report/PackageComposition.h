#pragma once

#include "session/NodeRef.h"

#include <QString>

#include <vector>

namespace packscope {

class Session;

// One part of what a session's packages are made of.
struct CompositionPart {
    QString label;            // "node_modules/aws-sdk", "layer 1: python/numpy", "other (212 items)"
    NodeRef ref;              // invalid for the "other" part
    std::uint64_t unzipped = 0;  // after exclusion
    std::uint64_t zipped = 0;    // zip footprint after exclusion
};

// The largest parts of the session's packages, largest unzipped first: the
// top-level items, with dependency folders (node_modules, site-packages,
// python, lib, vendor, @scope) opened up so that packages are the parts.
// At most `maxParts` parts; the rest are summed into a last "other" part.
std::vector<CompositionPart> packageComposition(const Session &session, int maxParts);

// What the parts add up to: the length of each stacked bar.
struct CompositionTotals {
    std::uint64_t unzipped = 0;
    std::uint64_t zipped = 0;
};
CompositionTotals compositionTotals(const std::vector<CompositionPart> &parts);

} // namespace packscope
