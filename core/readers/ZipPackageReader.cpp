#include "readers/ZipPackageReader.h"
#include "model/EntryWarnings.h"
#include "model/PackageTreeBuilder.h"
#include "readers/ZipCentralRecord.h"
#include "readers/ZipEndRecords.h"
#include "readers/ZipEntryLocations.h"
#include "readers/OtherCoreThread.h"
#include "readers/ZipFormat.h"
#include "readers/ZipRecovery.h"

#include <QFile>
#include <QThread>

#include <optional>
#include <system_error>
#include <utility>

using namespace Qt::StringLiterals;

namespace packscope {

namespace {

// Below this size the central directory is walked on one thread: starting
// another costs more than it saves.
constexpr std::uint64_t kParallelCentralBytes = 256 * 1024;

// Builds the size tree from the central directory: names, sizes, kinds and
// each entry's central record in its footprint (the local record's share is
// added once the locations are known). Stops at a damaged record, which the
// location walk reports.
void buildTree(PackageTreeBuilder &builder, const unsigned char *data, const ZipEndRecords &end,
               PackageWarnings &warnings)
{
    const std::uint64_t stop = end.centralStart + end.centralSize;
    std::uint64_t pos = end.centralStart;
    ZipCentralRecord rec;
    QByteArray decoded;
    for (std::uint32_t index = 0; pos + zip::kCentralHeaderSize <= stop; ++index) {
        if (rec.parse(data, pos, stop, end.offsetShift) != ZipCentralRecord::Status::Ok)
            return;
        pos += rec.centralLength;
        const QByteArrayView name = rec.decodedName(decoded);
        EntryData entry;
        bool modeKnown = false;
        entry.kind = rec.kind(&entry.mode, &modeKnown);
        entry.unzipped = entry.kind == NodeKind::Folder ? 0 : rec.unzipped;
        entry.compressed = rec.compressed;
        entry.footprint = rec.centralLength;
        const bool encrypted = rec.encrypted();
        entry.flags = std::uint8_t((encrypted ? NodeEncrypted : 0)
                                   | ((rec.flags & zip::kFlagDataDescriptor) ? NodeDataDescriptor : 0)
                                   | (modeKnown ? NodeModeKnown : 0));
        entry.entryIndex = index;
        builder.addEntry(name, entry);
        if (rec.sizeWithoutZip64)
            warnings.push_back({u"zip64-missing"_s, QString::fromUtf8(name),
                                u"size or offset field is 0xFFFFFFFF but no zip64 value follows; "
                                u"counted as 4294967295"_s});
        if (encrypted)
            warnings.add(u"encrypted"_s, [&] {
                return std::pair{QString::fromUtf8(name),
                                 u"entry is encrypted: its sizes are counted, its contents cannot be inspected"_s};
            });
        if (entry.kind == NodeKind::File)
            warnIfNotWorldReadable(warnings, name, entry.mode);
    }
}

} // namespace

LoadResult ZipPackageReader::read(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return LoadResult::failure(path, file.errorString());
    const auto fileSize = std::uint64_t(file.size());
    if (fileSize == 0)
        return LoadResult::failure(path, u"empty file (0 bytes), not a zip archive"_s);
    const unsigned char *data = file.map(0, qint64(fileSize));
    if (!data)
        return LoadResult::failure(path, u"cannot map the file: "_s + file.errorString());
    LoadResult result = readBytes(data, fileSize, path);
    file.unmap(const_cast<unsigned char *>(data));
    return result;
}

LoadResult ZipPackageReader::readBytes(const unsigned char *data, std::uint64_t fileSize, const QString &path)
{
    if (fileSize == 0)
        return LoadResult::failure(path, u"empty file (0 bytes), not a zip archive"_s);
    // A damaged central directory: say what a scan of the local headers
    // still finds, and keep that for inspection.
    auto damaged = [&](const QString &reason) {
        ZipRecovery recovery = ZipRecovery::scan(data, fileSize, path);
        LoadResult r = LoadResult::failure(
            path, reason + u"; a scan of local headers recovers %1 entries"_s.arg(recovery.entries));
        r.partial = std::move(recovery.partial);
        return r;
    };

    const ZipEndRecordsResult located = locateZipEndRecords(data, fileSize);
    if (!located.ok()) {
        if (located.error.contains(u"multi-disk"_s))
            return LoadResult::failure(path, located.error);
        return damaged(located.error);
    }
    const ZipEndRecords &end = located.records;

    // The entries' locations and the tree are two walks of the central
    // directory that need nothing from each other: on a large zip they run
    // at once. Every name lies inside the central directory, so its size
    // bounds the name storage (CP437 names may grow it later).
    const auto expectedEntries =
        std::size_t(std::min<std::uint64_t>(end.declaredEntries, end.centralSize / zip::kCentralHeaderSize));
    PackageWarnings treeWarnings;
    PackageTreeBuilder builder(&treeWarnings, expectedEntries, std::size_t(end.centralSize));
    ZipEntryLocations entries;
    {
        // The location walk is the shorter one: as it finds records sound it
        // maps the tree's storage for them, which saves the tree build its
        // page faults (never for records a damaged directory does not hold).
        const auto locate = [&](bool mapAhead) {
            std::size_t mapped = 0;
            entries = locateZipEntries(data, end, [&](std::size_t walked) {
                if (mapAhead)
                    builder.mapStorageAhead(std::exchange(mapped, walked), walked);
            });
        };
        std::optional<OtherCoreThread> locator;
        if (end.centralSize >= kParallelCentralBytes && QThread::idealThreadCount() > 1) {
            try {
                locator.emplace([&] { locate(true); });
            } catch (const std::system_error &) {
                // No thread to be had: one walk after the other.
            }
        }
        if (!locator)
            locate(false);
        buildTree(builder, data, end, treeWarnings);
        if (locator)
            locator->join();  // rethrows what the location walk threw
    }
    if (!entries.damage.isEmpty())
        return damaged(entries.damage);

    for (std::size_t index = 0; index < entries.locations.size(); ++index)
        builder.addFootprint(std::uint32_t(index), entries.locations[index].localLength);
    for (const std::uint32_t index : entries.escapingLinks)
        builder.addEntryFlags(index, NodeEscapingLink);
    const bool empty = entries.locations.empty();
    builder.adoptZipLocations(std::move(entries.locations));

    auto package = std::make_shared<Package>();
    package->path = path;
    package->format = PackageFormat::Zip;
    package->fileSize = fileSize;
    package->tree = builder.finish();
    package->fixedZipBytes = fileSize - std::min(fileSize, entries.footprints);
    package->warnings = std::move(entries.warnings);
    package->warnings.append(treeWarnings);
    if (empty)
        package->warnings.push_back({u"empty-package"_s, {}, u"the zip holds no entries"_s});
    return LoadResult{std::move(package), {}, {}};
}

} // namespace packscope
