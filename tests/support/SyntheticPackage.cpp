#include "SyntheticPackage.h"

#include "model/PackageTreeBuilder.h"
#include "readers/PackageReader.h"

namespace fixtures {

packscope::PackagePtr syntheticPackage(const QString &name, const std::vector<SyntheticFile> &files,
                                       std::uint64_t fixedZipBytes)
{
    auto package = std::make_shared<packscope::Package>();
    package->path = name;
    packscope::PackageTreeBuilder builder(&package->warnings);
    for (const SyntheticFile &file : files) {
        packscope::EntryData entry;
        entry.unzipped = file.unzipped;
        entry.compressed = file.footprint;
        entry.footprint = file.footprint;
        entry.mode = 0100644;
        builder.addEntry(file.path.toUtf8(), entry);
    }
    package->tree = builder.finish();
    package->fixedZipBytes = fixedZipBytes;
    return package;
}

bool openPackage(packscope::Session &session, const QString &path)
{
    packscope::LoadResult loaded = packscope::PackageReader::read(path);
    if (!loaded.ok()) {
        qWarning("%s", qPrintable(loaded.error));
        return false;
    }
    session.setFunction(std::move(loaded.package));
    return true;
}

packscope::NodeId nodeAt(const packscope::PackageTree &tree, const QString &path)
{
    const packscope::NodeId id = path.isEmpty() ? packscope::kNoNode : tree.findPath(path.toUtf8());
    if (id == packscope::kNoNode)
        qFatal("no node %s", qPrintable(path));
    return id;
}

packscope::LimitResult resultFor(const std::vector<packscope::LimitResult> &results, const QString &id)
{
    for (const packscope::LimitResult &r : results) {
        if (r.rule.id == id)
            return r;
    }
    qFatal("no limit %s", qPrintable(id));
}

} // namespace fixtures
