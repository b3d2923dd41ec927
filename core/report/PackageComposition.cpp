#include "report/PackageComposition.h"
#include "session/Session.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>

namespace packscope {

namespace {

// Folders that hold packages rather than being one.
bool isDependencyContainer(QByteArrayView name)
{
    static constexpr std::array<QByteArrayView, 8> names = {
        "node_modules", "site-packages", "dist-packages", "python", "lib", "vendor", "packages", "nodejs"};
    if (name.startsWith('@'))
        return true;
    if (name.startsWith("python3"))  // python/lib/python3.12/site-packages
        return true;
    return std::find(names.begin(), names.end(), name) != names.end();
}

} // namespace

std::vector<CompositionPart> packageComposition(const Session &session, int maxParts)
{
    std::vector<CompositionPart> parts;
    for (int p = 0; p < session.packageCount(); ++p) {
        const PackagePtr &package = session.package(p);
        if (!package)
            continue;
        const PackageTree &tree = package->tree;
        const ExclusionSet &exclusions = session.exclusions(p);
        const QString prefix = p == 0 ? QString() : QCoreApplication::translate("Composition", "layer %1: ").arg(p);
        std::vector<NodeId> pending(tree.children(tree.root()).begin(), tree.children(tree.root()).end());
        while (!pending.empty()) {
            const NodeId node = pending.back();
            pending.pop_back();
            const SizeTotals kept = exclusions.keptTotals(node);
            if (kept.unzipped == 0 && kept.footprint == 0)
                continue;
            if (tree.isFolder(node) && isDependencyContainer(tree.nameBytes(node)) && !tree.children(node).empty()) {
                pending.insert(pending.end(), tree.children(node).begin(), tree.children(node).end());
                continue;
            }
            parts.push_back({prefix + tree.path(node), {p, node}, kept.unzipped, kept.footprint});
        }
    }
    std::sort(parts.begin(), parts.end(), [](const CompositionPart &a, const CompositionPart &b) {
        if (a.unzipped != b.unzipped)
            return a.unzipped > b.unzipped;
        return a.label < b.label;
    });
    const auto keep = std::size_t(std::max(1, maxParts));
    if (parts.size() > keep) {
        CompositionPart other;
        const std::size_t rest = parts.size() - (keep - 1);
        for (std::size_t i = keep - 1; i < parts.size(); ++i) {
            other.unzipped += parts[i].unzipped;
            other.zipped += parts[i].zipped;
        }
        other.label = QCoreApplication::translate("Composition", "other (%n items)", nullptr, int(rest));
        parts.resize(keep - 1);
        parts.push_back(other);
    }
    return parts;
}

CompositionTotals compositionTotals(const std::vector<CompositionPart> &parts)
{
    CompositionTotals totals;
    for (const CompositionPart &part : parts) {
        totals.unzipped += part.unzipped;
        totals.zipped += part.zipped;
    }
    return totals;
}

} // namespace packscope
