#include "limits/CulpritFinder.h"
#include "session/Session.h"

#include <algorithm>

namespace packscope {

namespace {

// `exclusionsOf(p)`: the exclusions package p is measured with.
template <typename ExclusionsOf>
std::vector<Culprit> findCulprits(const Session &session, ExclusionsOf exclusionsOf, LimitMeasure measure,
                                  std::uint64_t need, bool *suffice)
{
    *suffice = true;
    if (need == 0 || measure == LimitMeasure::LayerCount || !session.hasFunction())
        return {};
    const bool zipped = measure == LimitMeasure::FunctionZipped;
    const int packages = measure == LimitMeasure::TotalUnzipped ? session.packageCount() : 1;

    std::vector<Culprit> candidates;
    for (int p = 0; p < packages; ++p) {
        const PackageTree &tree = session.package(p)->tree;
        const ExclusionSet &exclusions = exclusionsOf(p);
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

} // namespace

std::vector<Culprit> CulpritFinder::find(const Session &session, LimitMeasure measure, std::uint64_t need,
                                         bool *suffice)
{
    return findCulprits(
        session, [&session](int p) -> const ExclusionSet & { return session.exclusions(p); }, measure, need, suffice);
}

std::vector<Culprit> CulpritFinder::find(const Session &session, const std::vector<ExclusionSet> &exclusions,
                                         LimitMeasure measure, std::uint64_t need, bool *suffice)
{
    return findCulprits(
        session, [&exclusions](int p) -> const ExclusionSet & { return exclusions[std::size_t(p)]; }, measure, need,
        suffice);
}

} // namespace packscope
