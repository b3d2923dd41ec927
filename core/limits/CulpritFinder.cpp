#include "limits/CulpritFinder.h"

#include <algorithm>

namespace packscope {

std::vector<Culprit> CulpritFinder::find(const std::vector<const ExclusionSet *> &packages, LimitMeasure measure,
                                         std::uint64_t need, bool *suffice)
{
    *suffice = true;
    if (need == 0 || measure == LimitMeasure::LayerCount || packages.empty() || !packages.front()
        || !packages.front()->tree())
        return {};
    const bool zipped = measure == LimitMeasure::FunctionZipped;
    const int count = measure == LimitMeasure::TotalUnzipped ? int(packages.size()) : 1;

    std::vector<Culprit> candidates;
    for (int p = 0; p < count; ++p) {
        if (!packages[std::size_t(p)] || !packages[std::size_t(p)]->tree())
            continue;
        const ExclusionSet &exclusions = *packages[std::size_t(p)];
        const PackageTree &tree = *exclusions.tree();
        const std::vector<std::uint8_t> excluded = exclusions.excludedMask();
        for (NodeId id = 1; id < tree.nodeCount(); ++id) {
            const PackageNode &node = tree.node(id);
            if (node.kind == NodeKind::Folder || (!excluded.empty() && excluded[id]))
                continue;
            const std::uint64_t bytes = zipped ? node.totals.footprint : node.totals.unzipped;
            if (bytes > 0)
                candidates.push_back({p, id, bytes});
        }
    }
    auto larger = [](const Culprit &a, const Culprit &b) {
        if (a.bytes != b.bytes)
            return a.bytes > b.bytes;
        if (a.package != b.package)
            return a.package < b.package;
        return a.node < b.node;
    };
    // A heap gives the k largest in O(n + k log n); k is usually tiny.
    auto heapOrder = [&](const Culprit &a, const Culprit &b) { return larger(b, a); };
    std::make_heap(candidates.begin(), candidates.end(), heapOrder);
    std::vector<Culprit> culprits;
    std::uint64_t removed = 0;
    auto end = candidates.end();
    while (removed < need && end != candidates.begin()) {
        std::pop_heap(candidates.begin(), end, heapOrder);
        --end;
        removed += end->bytes;
        culprits.push_back(*end);
    }
    *suffice = removed >= need;
    return culprits;
}

} // namespace packscope
