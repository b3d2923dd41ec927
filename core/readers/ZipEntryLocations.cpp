#include "readers/ZipEntryLocations.h"
#include "model/EntryWarnings.h"
#include "readers/ZipCentralRecord.h"
#include "readers/ZipFormat.h"
#include "readers/ZipLocalRecord.h"

#include <algorithm>
#include <numeric>
#include <optional>

using namespace Qt::StringLiterals;

namespace packscope {

namespace {

// Symlink targets longer than this are not read (PATH_MAX on Linux).
constexpr std::uint32_t kMaxSymlinkTarget = 4096;

// localLength markers until the local records are measured.
constexpr std::uint64_t kInvalidOffset = ~std::uint64_t(0);
constexpr std::uint64_t kSharedRecord = ~std::uint64_t(0) - 1;

void warnLocalRecordProblem(PackageWarnings &warnings, ZipLocalRecord::Problem problem, QByteArrayView name)
{
    using Problem = ZipLocalRecord::Problem;
    QString code, message;
    switch (problem) {
    case Problem::None:
        return;
    case Problem::Missing:
        code = u"bad-local-header"_s;
        message = u"no local header where the central directory says this entry starts"_s;
        break;
    case Problem::NameDiffers:
        code = u"local-header-mismatch"_s;
        message = u"the local header names a different file than the central directory"_s;
        break;
    case Problem::SizesDiffer:
        code = u"local-header-mismatch"_s;
        message = u"the local header's CRC or sizes differ from the central directory's; "
                  u"the central directory's are counted"_s;
        break;
    case Problem::DataOverruns:
        code = u"overlapping-entries"_s;
        message = u"its data runs into the next entry's record (zip-bomb construction?)"_s;
        break;
    }
    warnings.add(code, [&] { return std::pair{QString::fromUtf8(name), message}; });
}

// Each local record extends to the next one in file order (or to the central
// directory). Offsets outside the entries' area, and records two entries
// share, are marked instead.
void measureLocalRecords(LargeVector<ZipEntryLocation> &locations, const ZipEndRecords &end,
                         PackageWarnings &warnings)
{
    std::vector<std::uint32_t> order;
    const bool sorted = std::is_sorted(locations.begin(), locations.end(),
                                       [](const ZipEntryLocation &a, const ZipEntryLocation &b) {
                                           return a.localOffset < b.localOffset;
                                       });
    if (!sorted) {
        order.resize(locations.size());
        std::iota(order.begin(), order.end(), 0u);
        std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
            return locations[a].localOffset < locations[b].localOffset;
        });
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
}

} // namespace

ZipEntryLocations locateZipEntries(const unsigned char *data, const ZipEndRecords &end,
                                   const std::function<void(const ZipCentralRecord &, std::size_t)> &seen)
{
    ZipEntryLocations result;
    LargeVector<ZipEntryLocation> &locations = result.locations;
    PackageWarnings &warnings = result.warnings;

    // The locations (40 bytes an entry, kept by the tree for exports).
    const std::uint64_t stop = end.centralStart + end.centralSize;
    locations.reserve(std::min<std::uint64_t>(end.declaredEntries, end.centralSize / zip::kCentralHeaderSize));
    std::uint64_t pos = end.centralStart;
    ZipCentralRecord rec;
    while (pos + zip::kCentralHeaderSize <= stop) {
        switch (rec.parse(data, pos, stop, end.offsetShift)) {
        case ZipCentralRecord::Status::BadSignature:
            result.damage = u"central directory record %1 (offset %2) is corrupted"_s.arg(locations.size() + 1)
                                .arg(pos);
            return result;
        case ZipCentralRecord::Status::Overrun:
            result.damage = u"central directory record %1 runs past the end of the central directory"_s.arg(
                locations.size() + 1);
            return result;
        case ZipCentralRecord::Status::Ok:
            break;
        }
        ZipEntryLocation &location = locations.emplace_back();
        location.localOffset = rec.localOffset;
        location.centralOffset = rec.centralOffset;
        location.centralLength = rec.centralLength;
        location.crc32 = rec.crc;
        location.method = rec.method;
        location.generalFlags = rec.flags;
        pos += rec.centralLength;
        if (seen)
            seen(rec, locations.size() - 1);
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

    measureLocalRecords(locations, end, warnings);

    // Each local record against its central record.
    pos = end.centralStart;
    for (std::size_t index = 0; index < locations.size(); ++index) {
        rec.parse(data, pos, stop, end.offsetShift);
        pos += rec.centralLength;
        ZipEntryLocation &location = locations[index];
        const bool shared = location.localLength == kSharedRecord;
        const bool validOffset = location.localLength != kInvalidOffset;
        if (shared || !validOffset)
            location.localLength = 0;
        result.footprints += location.localLength + location.centralLength;
        std::uint32_t mode = 0;
        bool modeKnown = false;
        const bool symlink = rec.kind(&mode, &modeKnown) == NodeKind::Symlink;
        std::optional<ZipLocalRecord> local;
        if (validOffset && !shared) {
            local.emplace(data, rec.localOffset, location.localLength, rec);
            if (local->problem() == ZipLocalRecord::Problem::None && !symlink)
                continue;
        }
        // Something to say about this entry: its name is needed.
        QByteArray decoded;
        const QByteArrayView name = rec.decodedName(decoded);
        if (local)
            warnLocalRecordProblem(warnings, local->problem(), name);
        if (shared)
            warnings.push_back({u"overlapping-entries"_s, QString::fromUtf8(name),
                                u"shares its local record with another entry (zip-bomb construction?)"_s});
        if (!validOffset)
            warnings.push_back({u"bad-local-offset"_s, QString::fromUtf8(name),
                                u"local header offset %1 lies outside the entries' area"_s.arg(rec.localOffset)});
        if (symlink) {
            const std::optional<QByteArray> target =
                local ? local->smallContents(kMaxSymlinkTarget) : std::nullopt;
            if (warnSymlink(warnings, name, rec.unzipped,
                            target ? std::optional<QByteArrayView>(*target) : std::nullopt))
                result.escapingLinks.push_back(std::uint32_t(index));
        }
    }
    return result;
}

} // namespace packscope
