#include "session/Evaluation.h"

namespace packscope {

std::uint64_t SessionMeasures::value(LimitMeasure measure) const
{
    switch (measure) {
    case LimitMeasure::FunctionZipped:
        return functionZipped;
    case LimitMeasure::FunctionUnzipped:
        return functionUnzipped;
    case LimitMeasure::TotalUnzipped:
        return totalUnzipped;
    case LimitMeasure::LayerCount:
        return layerCount;
    }
    return 0;
}

const LimitResult *Evaluation::limit(const QString &id) const
{
    for (const LimitResult &result : limits) {
        if (result.rule.id == id)
            return &result;
    }
    return nullptr;
}

std::vector<NodeRef> Evaluation::culprits() const
{
    std::vector<NodeRef> refs;
    for (const LimitResult &result : limits) {
        for (const Culprit &c : result.culprits)
            refs.push_back({c.package, c.node});
    }
    return refs;
}

double Evaluation::shareOfUnzippedLimit(std::uint64_t unzipped) const
{
    return unzippedLimit > 0 ? double(unzipped) / double(unzippedLimit) : 0.0;
}

std::vector<LimitShare> Evaluation::sharesOf(int package, const SizeTotals &kept) const
{
    std::vector<LimitShare> shares;
    for (const LimitResult &result : limits) {
        const LimitRule &rule = result.rule;
        if (rule.isCount() || rule.limit == 0)
            continue;
        if (rule.measure != LimitMeasure::TotalUnzipped && package != 0)
            continue;
        const std::uint64_t value = rule.measure == LimitMeasure::FunctionZipped ? kept.footprint : kept.unzipped;
        shares.push_back({&rule, value, double(value) / double(rule.limit)});
    }
    return shares;
}

} // namespace packscope
