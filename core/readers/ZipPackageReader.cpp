#include "readers/ZipPackageReader.h"
#include "model/EntryWarnings.h"
#include "model/PackageTreeBuilder.h"
#include "readers/ZipEndRecords.h"
#include "readers/ZipFormat.h"
#include "readers/ZipLocalRecord.h"
#include "readers/ZipRecovery.h"
#include "text/Cp437.h"

#include <QFile>
#include <QLocale>

#include <sys/stat.h>
#include <zlib.h>

#include <algorithm>
#include <numeric>

using namespace Qt::StringLiterals;

namespace packscope {

namespace {

// One central-directory record, parsed; names point into the mapped file.
struct CentralRecord : CentralEntryFacts {
    const unsigned char *unicodeName = nullptr;  // Info-ZIP Unicode Path, when it matches
    std::uint64_t localOffset = 0;  // absolute position in the file
    std::uint64_t centralOffset = 0;
    std::uint64_t localLength = 0;
    std::uint32_t centralLength = 0;
    std::uint32_t externalAttributes = 0;
    std::uint16_t unicodeNameLength = 0;
    std::uint8_t host = 0;
    bool localOffsetValid = true;
    bool sizeWithoutZip64 = false;
};

// Reads the zip64 extra field: only fields whose central value is all-ones are
// present, in the order uncompressed, compressed, offset (APPNOTE 4.5.3).
void applyZip64Extra(CentralRecord &rec, const unsigned char *p, std::uint16_t size, bool needUnzipped,
                     bool needCompressed, bool needOffset)
{
    std::uint16_t at = 0;
    auto take = [&](std::uint64_t *field) {
        if (at + 8 <= size) {
            *field = zip::u64(p + at);
            at += 8;
            return true;
        }
        return false;
    };
    if (needUnzipped && !take(&rec.unzipped))
        rec.sizeWithoutZip64 = true;
    if (needCompressed && !take(&rec.compressed))
        rec.sizeWithoutZip64 = true;
    if (needOffset && !take(&rec.localOffset))
        rec.sizeWithoutZip64 = true;
}

void parseExtras(CentralRecord &rec, const unsigned char *extra, std::uint16_t extraLength, bool needUnzipped,
                 bool needCompressed, bool needOffset)
{
    bool zip64Seen = false;
    for (std::uint32_t at = 0; at + 4 <= extraLength;) {
        const std::uint16_t id = zip::u16(extra + at);
        const std::uint16_t size = zip::u16(extra + at + 2);
        if (at + 4 + size > extraLength)
            break;
        const unsigned char *body = extra + at + 4;
        if (id == zip::kZip64ExtraId) {
            zip64Seen = true;
            applyZip64Extra(rec, body, size, needUnzipped, needCompressed, needOffset);
        } else if (id == zip::kUnicodePathExtraId && size > 5 && body[0] == 1) {
            // Trust it only if it was written for this very name.
            const auto nameCrc = std::uint32_t(crc32(0, rec.name, rec.nameLength));
            if (zip::u32(body + 1) == nameCrc) {
                rec.unicodeName = body + 5;
                rec.unicodeNameLength = std::uint16_t(size - 5);
            }
        }
        at += 4 + size;
    }
    if (!zip64Seen && (needUnzipped || needCompressed || needOffset))
        rec.sizeWithoutZip64 = true;
}

enum class RecordStatus { Ok, BadSignature, Overrun };

// Parses the central record at `pos` (which must leave room for its fixed part).
RecordStatus parseRecord(const unsigned char *data, std::uint64_t pos, std::uint64_t stop, std::uint64_t shift,
                         CentralRecord &rec)
{
    const unsigned char *h = data + pos;
    if (zip::u32(h) != zip::kCentralHeaderSignature)
        return RecordStatus::BadSignature;
    rec = CentralRecord();
    rec.host = h[5];
    rec.flags = zip::u16(h + 8);
    rec.method = zip::u16(h + 10);
    rec.crc = zip::u32(h + 16);
    rec.compressed = zip::u32(h + 20);
    rec.unzipped = zip::u32(h + 24);
    rec.nameLength = zip::u16(h + 28);
    const std::uint16_t extraLength = zip::u16(h + 30);
    const std::uint16_t commentLength = zip::u16(h + 32);
    rec.externalAttributes = zip::u32(h + 38);
    rec.localOffset = zip::u32(h + 42);
    rec.centralOffset = pos;
    rec.centralLength = zip::kCentralHeaderSize + rec.nameLength + extraLength + commentLength;
    if (pos + rec.centralLength > stop)
        return RecordStatus::Overrun;
    rec.name = h + zip::kCentralHeaderSize;
    const bool needUnzipped = rec.unzipped == 0xFFFFFFFFu;
    const bool needCompressed = rec.compressed == 0xFFFFFFFFu;
    const bool needOffset = rec.localOffset == 0xFFFFFFFFu;
    if (extraLength > 0 || needUnzipped || needCompressed || needOffset)
        parseExtras(rec, rec.name + rec.nameLength, extraLength, needUnzipped, needCompressed, needOffset);
    rec.localOffset += shift;
    return RecordStatus::Ok;
}

bool isUnixHost(std::uint8_t host)
{
    return host == zip::kHostUnix || host == zip::kHostMacOsX;
}

NodeKind kindOf(const CentralRecord &rec, std::uint32_t *mode, bool *modeKnown)
{
    const bool unixHost = isUnixHost(rec.host);
    *mode = unixHost ? (rec.externalAttributes >> 16) : 0;
    *modeKnown = unixHost && *mode != 0;
    const bool slash = rec.nameLength > 0
        && (rec.name[rec.nameLength - 1] == '/' || rec.name[rec.nameLength - 1] == '\\');
    if (slash || (*modeKnown && S_ISDIR(*mode))
        || (!*modeKnown && (rec.externalAttributes & zip::kDosDirectoryAttribute) && rec.unzipped == 0))
        return NodeKind::Folder;
    if (*modeKnown && S_ISLNK(*mode))
        return NodeKind::Symlink;
    return NodeKind::File;
}

// Symlink targets longer than this are not read (PATH_MAX on Linux).
constexpr std::uint32_t kMaxSymlinkTarget = 4096;

void warnLocalRecordProblem(PackageWarnings &warnings, ZipLocalRecord::Problem problem, QByteArrayView name)
{
    using Problem = ZipLocalRecord::Problem;
    switch (problem) {
    case Problem::None:
        return;
    case Problem::Missing:
        warnings.add(u"bad-local-header"_s, [&] {
            return std::pair{QString::fromUtf8(name),
                             u"no local header where the central directory says this entry starts"_s};
        });
        return;
    case Problem::NameDiffers:
        warnings.add(u"local-header-mismatch"_s, [&] {
            return std::pair{QString::fromUtf8(name),
                             u"the local header names a different file than the central directory"_s};
        });
        return;
    case Problem::SizesDiffer:
        warnings.add(u"local-header-mismatch"_s, [&] {
            return std::pair{QString::fromUtf8(name),
                             u"the local header's CRC or sizes differ from the central directory's; "
                             u"the central directory's are counted"_s};
        });
        return;
    case Problem::DataOverruns:
        warnings.add(u"overlapping-entries"_s, [&] {
            return std::pair{QString::fromUtf8(name),
                             u"its data runs into the next entry's record (zip-bomb construction?)"_s};
        });
        return;
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

    auto package = std::make_shared<Package>();
    package->path = path;
    package->format = PackageFormat::Zip;
    package->fileSize = fileSize;
    PackageWarnings &warnings = package->warnings;

    // Pass 1: walk the central directory into the table of entry locations
    // the tree keeps (40 bytes an entry).
    const std::uint64_t stop = end.centralStart + end.centralSize;
    std::vector<ZipEntryLocation> locations;
    locations.reserve(std::min<std::uint64_t>(end.declaredEntries, end.centralSize / zip::kCentralHeaderSize));
    std::uint64_t pos = end.centralStart;
    CentralRecord rec;
    std::size_t nameBytes = 0;
    while (pos + zip::kCentralHeaderSize <= stop) {
        switch (parseRecord(data, pos, stop, end.offsetShift, rec)) {
        case RecordStatus::BadSignature:
            return damaged(
                u"central directory record %1 (offset %2) is corrupted"_s.arg(locations.size() + 1).arg(pos));
        case RecordStatus::Overrun:
            return damaged(u"central directory record %1 runs past the end of the central directory"_s.arg(
                locations.size() + 1));
        case RecordStatus::Ok:
            break;
        }
        ZipEntryLocation &location = locations.emplace_back();
        location.localOffset = rec.localOffset;
        location.centralOffset = rec.centralOffset;
        location.centralLength = rec.centralLength;
        location.crc32 = rec.crc;
        location.method = rec.method;
        location.generalFlags = rec.flags;
        nameBytes += rec.unicodeName ? rec.unicodeNameLength : rec.nameLength * 3;  // CP437 may triple
        pos += rec.centralLength;
    }
    if (pos != stop)
        warnings.push_back({u"central-directory-slack"_s, {},
                            u"%1 bytes at the end of the central directory belong to no record"_s.arg(stop - pos)});
    const std::uint64_t declaredMask = end.entryCountFromZip64 ? ~std::uint64_t(0) : 0xFFFF;
    if ((locations.size() & declaredMask) != end.declaredEntries)
        warnings.push_back({u"entry-count-mismatch"_s, {},
                            u"end record declares %1 entries, central directory holds %2"_s.arg(end.declaredEntries)
                                .arg(locations.size())});
    if (end.trailingBytes > 0)
        warnings.push_back({u"trailing-data"_s, {},
                            u"%1 bytes follow the end-of-central-directory record"_s.arg(end.trailingBytes)});

    // Pass 2: each local record extends to the next one (or the central
    // directory), which covers data descriptors and any gap. Until pass 3,
    // localLength may hold one of these markers instead.
    constexpr std::uint64_t kInvalidOffset = ~std::uint64_t(0);
    constexpr std::uint64_t kSharedRecord = ~std::uint64_t(0) - 1;
    std::vector<std::uint32_t> order;
    const auto byOffset = [&](std::uint32_t a, std::uint32_t b) {
        return locations[a].localOffset < locations[b].localOffset;
    };
    const bool sorted = std::is_sorted(locations.begin(), locations.end(),
                                       [](const ZipEntryLocation &a, const ZipEntryLocation &b) {
                                           return a.localOffset < b.localOffset;
                                       });
    if (!sorted) {
        order.resize(locations.size());
        std::iota(order.begin(), order.end(), 0u);
        std::stable_sort(order.begin(), order.end(), byOffset);
    }
    std::uint64_t firstLocal = end.centralStart;
    std::uint64_t previousOffset = kInvalidOffset;
    ZipEntryLocation *previous = nullptr;
    for (std::size_t k = 0; k < locations.size(); ++k) {
        ZipEntryLocation &location = locations[order.empty() ? k : order[k]];
        const std::uint64_t offset = location.localOffset;
        if (offset > end.centralStart || end.centralStart - offset < zip::kLocalHeaderSize
            || offset < end.offsetShift) {
            location.localLength = kInvalidOffset;
            continue;
        }
        if (offset == previousOffset) {
            location.localLength = kSharedRecord;
            continue;
        }
        if (previous)
            previous->localLength = offset - previousOffset;
        else
            firstLocal = offset;
        previousOffset = offset;
        previous = &location;
    }
    if (previous)
        previous->localLength = end.centralStart - previousOffset;
    if (firstLocal > 0 && !locations.empty())
        warnings.push_back({u"prefix-data"_s, {},
                            u"%1 bytes precede the first entry (self-extracting stub or other prepended data)"_s.arg(
                                firstLocal)});
    order = {};

    // Pass 3: the tree, parsing the records again (they are hot in cache).
    PackageTreeBuilder builder(&warnings, locations.size(), nameBytes);
    std::uint64_t footprints = 0;
    pos = end.centralStart;
    for (std::size_t index = 0; index < locations.size(); ++index) {
        parseRecord(data, pos, stop, end.offsetShift, rec);
        pos += rec.centralLength;
        ZipEntryLocation &location = locations[index];
        const bool sharedRecord = location.localLength == kSharedRecord;
        rec.localOffsetValid = location.localLength != kInvalidOffset;
        if (sharedRecord || !rec.localOffsetValid)
            location.localLength = 0;
        rec.localLength = location.localLength;
        QByteArray decoded;
        QByteArrayView name;
        if (rec.unicodeName) {
            name = QByteArrayView(rec.unicodeName, rec.unicodeNameLength);
        } else if ((rec.flags & zip::kFlagUtf8) || isAscii({rec.name, rec.nameLength})
                   || (isUnixHost(rec.host) && isValidUtf8({rec.name, rec.nameLength}))) {
            // Unix zip tools store the file system's bytes without the flag;
            // when those are valid UTF-8 that is what Lambda extracts.
            name = QByteArrayView(rec.name, rec.nameLength);
        } else {
            decoded = cp437ToUtf8({rec.name, rec.nameLength});
            name = decoded;
        }
        EntryData entry;
        bool modeKnown = false;
        entry.kind = kindOf(rec, &entry.mode, &modeKnown);
        entry.unzipped = entry.kind == NodeKind::Folder ? 0 : rec.unzipped;
        entry.compressed = rec.compressed;
        entry.footprint = rec.localLength + rec.centralLength;
        footprints += entry.footprint;
        const bool encrypted = (rec.flags & (zip::kFlagEncrypted | zip::kFlagStrongEncryption))
            || rec.method == zip::kMethodAes;
        entry.flags = std::uint8_t((encrypted ? NodeEncrypted : 0)
                                   | ((rec.flags & zip::kFlagDataDescriptor) ? NodeDataDescriptor : 0)
                                   | (modeKnown ? NodeModeKnown : 0));
        entry.entryIndex = std::uint32_t(index);
        const NodeId node = builder.addEntry(name, entry);
        std::optional<QByteArray> symlinkTarget;
        if (rec.localOffsetValid && !sharedRecord) {
            const ZipLocalRecord local(data, rec.localOffset, rec.localLength, rec);
            warnLocalRecordProblem(warnings, local.problem(), name);
            if (entry.kind == NodeKind::Symlink)
                symlinkTarget = local.smallContents(kMaxSymlinkTarget);
        }

        if (sharedRecord)
            warnings.push_back({u"overlapping-entries"_s, QString::fromUtf8(name),
                                u"shares its local record with another entry (zip-bomb construction?)"_s});
        if (!rec.localOffsetValid)
            warnings.push_back({u"bad-local-offset"_s, QString::fromUtf8(name),
                                u"local header offset %1 lies outside the entries' area"_s.arg(rec.localOffset)});
        if (rec.sizeWithoutZip64)
            warnings.push_back({u"zip64-missing"_s, QString::fromUtf8(name),
                                u"size or offset field is 0xFFFFFFFF but no zip64 value follows; "
                                u"counted as 4294967295"_s});
        if (encrypted)
            warnings.add(u"encrypted"_s, [&] {
                return std::pair{QString::fromUtf8(name),
                                 u"entry is encrypted: its sizes are counted, its contents cannot be inspected"_s};
            });
        if (entry.kind == NodeKind::Symlink
            && warnSymlink(warnings, name, rec.unzipped,
                           symlinkTarget ? std::optional<QByteArrayView>(*symlinkTarget) : std::nullopt))
            builder.addFlags(node, NodeEscapingLink);
        else if (entry.kind == NodeKind::File)
            warnIfNotWorldReadable(warnings, name, entry.mode);
    }
    const bool empty = locations.empty();
    builder.adoptZipLocations(std::move(locations));
    package->tree = builder.finish();
    package->fixedZipBytes = fileSize - std::min(fileSize, footprints);
    if (empty)
        warnings.push_back({u"empty-package"_s, {}, u"the zip holds no entries"_s});
    return LoadResult{std::move(package), {}, {}};
}

} // namespace packscope
