#pragma once

#include "limits/LimitProfile.h"
#include "model/PackageTree.h"

#include <cstdint>
#include <vector>

namespace packscope {

// A file that pushes a package past a limit: which package (0 = function,
// 1.. = layers), which node, and the bytes it adds to the limit's measure.
struct Culprit {
    int package = 0;
    NodeId node = kNoNode;
    std::uint64_t bytes = 0;
};

// A limit checked against the session: the value, the verdict and, for a
// failing limit, the fewest files whose exclusion would make it pass.
struct LimitResult {
    LimitRule rule;
    std::uint64_t value = 0;
    bool pass = true;
    std::int64_t headroom = 0;  // limit - value (negative when over)
    std::vector<Culprit> culprits;
    // False when excluding every file still would not pass (for example a
    // limit smaller than the zip's own end records): culprits then lists all.
    bool culpritsSuffice = true;
    // For a limit on the function plus its layers, with layers attached: the
    // unzipped bytes the layers use and the budget left for the function
    // (limit - layers), the number AWS quotes in its error then.
    bool hasFunctionBudget = false;
    std::uint64_t layersBytes = 0;
    std::uint64_t functionBudget = 0;
    // What AWS prints when this limit fails for this session: the profile's
    // text, with the function's budget in place of the limit when layers are
    // attached. Empty when the profile gives none.
    QString errorText;

    // `rule` checked against `value`: the verdict and headroom, no culprits.
    static LimitResult checked(const LimitRule &rule, std::uint64_t value)
    {
        LimitResult result;
        result.rule = rule;
        result.value = value;
        result.pass = rule.holds(value);
        result.headroom = std::int64_t(rule.limit) - std::int64_t(value);
        return result;
    }

    // A passing limit whose value is past this share of it is "near".
    static constexpr double kNearFraction = 0.8;

    // value / limit (0 for a limit of 0).
    double fractionOfLimit() const { return rule.limit ? double(value) / double(rule.limit) : 0.0; }
    bool isNear() const { return pass && rule.limit > 0 && fractionOfLimit() > kNearFraction; }
    // What must go for a failing limit to pass: with a strict "<" rule,
    // reaching the limit exactly already fails. 0 when it passes.
    std::uint64_t over() const { return pass ? 0 : value - rule.largestPassing(); }
    // The distance to the limit either way (headroom, or how far past it).
    std::uint64_t gap() const { return std::uint64_t(headroom < 0 ? -headroom : headroom); }
};

} // namespace packscope
