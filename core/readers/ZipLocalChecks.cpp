#include "readers/ZipLocalChecks.h"
#include "model/EntryWarnings.h"
#include "readers/ZipCentralRecord.h"
#include "readers/ZipEntryLocations.h"
#include "readers/ZipFormat.h"
#include "readers/ZipLocalBytes.h"
#include "readers/ZipLocalRecord.h"

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace packscope {

namespace {

// Symlink targets longer than this are not read (PATH_MAX on Linux).
constexpr std::uint32_t kMaxSymlinkTarget = 4096;
// Nor those stored in more than this: 4096 bytes deflate to far less, so a
// longer stream is made to have the check read a lot.
constexpr std::uint64_t kMaxSymlinkData = 64 * 1024;

// How the local records are read from a file: a read takes in the records
// of the entries that follow while each starts within kReadGap of the
// previous one's end and all fit in kReadSpan. Copying a few KiB more costs
// about what one more read does.
constexpr std::uint64_t kReadGap = 8 * 1024;
constexpr std::uint64_t kReadSpan = 256 * 1024;

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

// What the check of a local record is likely to read: the fixed header,
// then a name and extra field about as long as the central record's (which
// has 16 bytes more of fixed fields for a local extra field to grow into).
std::uint64_t usualLocalLength(const ZipEntryLocation &location)
{
    return std::min<std::uint64_t>(location.localLength, zip::local::kSize + location.centralLength);
}

// Where a read of `index`'s local record up to `end` may stop so that it
// takes in the records of the entries right after it in the file.
std::uint64_t readAhead(std::span<const ZipEntryLocation> locations, std::size_t index, std::uint64_t end)
{
    const std::uint64_t start = locations[index].localOffset;
    for (std::size_t next = index + 1; next < locations.size(); ++next) {
        const ZipEntryLocation &n = locations[next];
        if (n.localOffset < start || n.localOffset > end + kReadGap)
            break;
        const std::uint64_t nextEnd = n.localOffset + usualLocalLength(n);
        if (nextEnd - start > kReadSpan)
            break;
        end = std::max(end, nextEnd);
    }
    return end;
}

// The local record of entry `index` with `body` bytes of its data after
// the header; null when it cannot be read (`local` says why).
const unsigned char *localRecordBytes(ZipLocalBytes &local, std::span<const ZipEntryLocation> locations,
                                      std::size_t index, std::uint64_t body)
{
    const ZipEntryLocation &location = locations[index];
    const std::uint64_t offset = location.localOffset;
    auto bytes = [&](std::uint64_t length) {
        const unsigned char *held = local.held(offset, length);
        return held ? held : local.read(offset, length, readAhead(locations, index, offset + length));
    };
    const std::uint64_t guess = usualLocalLength(location);
    const unsigned char *h = bytes(guess);
    if (!h || guess < zip::local::kSize)
        return h;
    const std::uint64_t needed = std::min<std::uint64_t>(location.localLength, zip::local::headerLength(h) + body);
    return needed > guess ? bytes(needed) : h;
}

} // namespace

ZipLocalChecks checkLocalRecords(const unsigned char *data, const ZipEndRecords &end,
                                 std::span<const ZipEntryLocation> locations, ZipLocalBytes &local,
                                 const std::atomic<bool> *cancelled)
{
    ZipLocalChecks result;
    PackageWarnings &warnings = result.warnings;
    const std::uint64_t stop = end.centralStart + end.centralSize;
    ZipCentralRecord rec;
    for (std::size_t index = 0; index < locations.size(); ++index) {
        constexpr std::size_t kStopCheckStep = 1024;
        if (cancelled && index % kStopCheckStep == 0 && cancelled->load(std::memory_order_relaxed))
            return result;
        const ZipEntryLocation &location = locations[index];
        rec.parse(data, location.centralOffset, stop, end.offsetShift);
        const bool validOffset = isInEntriesArea(location.localOffset, end);
        const bool shared = validOffset && location.localLength == 0;
        std::uint32_t mode = 0;
        bool modeKnown = false;
        const bool symlink = rec.kind(&mode, &modeKnown) == NodeKind::Symlink;
        const bool readsTarget = symlink && rec.unzipped <= kMaxSymlinkTarget && rec.compressed <= kMaxSymlinkData;
        std::optional<ZipLocalRecord> record;
        if (validOffset && !shared) {
            const unsigned char *header = localRecordBytes(local, locations, index, readsTarget ? rec.compressed : 0);
            if (!header) {
                result.readError = local.error();
                return result;
            }
            record.emplace(header, location.localLength, rec);
            if (record->problem() == ZipLocalRecord::Problem::None && !symlink)
                continue;
        }
        // Something to say about this entry: its name is needed.
        QByteArray decoded;
        const QByteArrayView name = rec.decodedName(decoded);
        if (record)
            warnLocalRecordProblem(warnings, record->problem(), name);
        if (shared)
            warnings.push_back({u"overlapping-entries"_s, QString::fromUtf8(name),
                                u"shares its local record with another entry (zip-bomb construction?)"_s});
        if (!validOffset)
            warnings.push_back({u"bad-local-offset"_s, QString::fromUtf8(name),
                                u"local header offset %1 lies outside the entries' area"_s.arg(rec.localOffset)});
        if (symlink) {
            const std::optional<QByteArray> target =
                record && readsTarget ? record->smallContents(kMaxSymlinkTarget) : std::nullopt;
            if (warnSymlink(warnings, name, rec.unzipped,
                            target ? std::optional<QByteArrayView>(*target) : std::nullopt))
                result.escapingLinks.push_back(std::uint32_t(index));
        }
    }
    return result;
}

} // namespace packscope
