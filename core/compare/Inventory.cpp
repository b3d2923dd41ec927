#include "compare/Inventory.h"

#include "session/Session.h"
#include "text/Cp437.h"
#include "whatif/KeptPathWalk.h"

using namespace Qt::StringLiterals;

namespace packscope {

void Inventory::addFile(QByteArrayView path, File file)
{
    // A name that is not UTF-8 is shown, and written into reports, with
    // replacement characters; keeping it that way here lets a package match
    // the report written from it.
    const QByteArray cleaned = isValidUtf8(path) ? QByteArray() : QString::fromUtf8(path).toUtf8();
    const QByteArrayView stored = cleaned.isNull() ? path : QByteArrayView(cleaned);
    file.pathOffset = std::uint32_t(paths.size());
    file.pathLength = std::uint32_t(stored.size());
    paths += stored;
    files.push_back(file);
}

std::uint64_t Inventory::zippedTotal() const
{
    std::uint64_t total = 0;
    for (const PackageSummary &p : packages)
        total += p.zippedBytes;
    return total;
}

bool Inventory::zippedEstimated() const
{
    for (const PackageSummary &p : packages) {
        if (p.zippedEstimated)
            return true;
    }
    return false;
}

Inventory Inventory::fromSession(const Session &session, const std::vector<std::vector<Dependency>> &found)
{
    Inventory inventory;
    const Evaluation &evaluation = session.evaluation();
    std::size_t expected = 0;
    for (const PackageMeasures &m : evaluation.packages)
        expected += m.kept.files;
    inventory.files.reserve(expected);
    inventory.paths.reserve(qsizetype(expected) * 64);
    for (int p = 0; p < session.packageCount(); ++p) {
        const PackagePtr &package = session.package(p);
        if (!package)
            continue;
        const PackageMeasures &measured = evaluation.packages[std::size_t(p)];
        PackageSummary summary;
        summary.path = package->path;
        summary.role = p == 0 ? u"function"_s : u"layer"_s;
        summary.format = formatName(package->format);
        summary.zippedBytes = measured.zippedBytes;
        summary.unzippedBytes = measured.kept.unzipped;
        summary.zippedEstimated = measured.zippedEstimated;
        summary.firstFile = std::uint32_t(inventory.files.size());
        const PackageTree &tree = package->tree;
        walkKeptPaths(tree, session.exclusions(p), [&](NodeId node, const QByteArray &path, bool folder) {
            if (folder)
                return true;
            const PackageNode &n = tree.node(node);
            File file;
            file.zipped = n.totals.footprint;
            file.unzipped = n.totals.unzipped;
            file.package = std::uint16_t(inventory.packages.size());
            if (const ZipEntryLocation *location = tree.zipLocation(node)) {
                file.crc32 = location->crc32;
                file.hasCrc = true;
            }
            inventory.addFile(path, file);
            return false;
        });
        summary.fileCount = std::uint32_t(inventory.files.size()) - summary.firstFile;
        inventory.packages.push_back(std::move(summary));
    }
    for (const DependencySize &d : rankDependencies(session, found)) {
        inventory.dependencies.push_back({d.package, d.dependency->ecosystem, d.dependency->name, d.dependency->version,
                                          d.kept.footprint, d.kept.unzipped, d.kept.files});
    }
    // As a report's inventory gets them, so that the two agree to the byte.
    inventory.measures = measuresOf(inventory.packages);
    return inventory;
}

SessionMeasures Inventory::measuresOf(const std::vector<PackageSummary> &packages)
{
    SessionMeasures m;
    for (std::size_t p = 0; p < packages.size(); ++p) {
        if (p == 0) {
            m.functionZipped = packages[p].zippedBytes;
            m.functionUnzipped = packages[p].unzippedBytes;
        } else {
            m.layersUnzipped += packages[p].unzippedBytes;
        }
    }
    m.totalUnzipped = m.functionUnzipped + m.layersUnzipped;
    m.layerCount = packages.empty() ? 0 : std::uint32_t(packages.size() - 1);
    return m;
}

} // namespace packscope
