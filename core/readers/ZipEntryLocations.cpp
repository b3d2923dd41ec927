#include "readers/ZipEntryLocations.h"
#include "readers/ZipCentralRecord.h"
#include "readers/ZipFormat.h"

#include <algorithm>
#include <limits>
#include <numeric>

using namespace Qt::StringLiterals;

namespace packscope {

namespace {

// localLength markers until the local records are measured.
constexpr std::uint64_t kInvalidOffset = ~std::uint64_t(0);
constexpr std::uint64_t kSharedRecord = ~std::uint64_t(0) - 1;

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
        if (!isInEntriesArea(offset, end)) {
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

bool isInEntriesArea(std::uint64_t localOffset, const ZipEndRecords &end)
{
    return localOffset <= end.centralStart && end.centralStart - localOffset >= zip::local::kSize
        && localOffset >= end.offsetShift;
}

ZipEntryLocations locateZipEntries(const unsigned char *data, const ZipEndRecords &end,
                                   const std::function<void(const ZipCentralRecord &, std::size_t)> &seen)
{
    ZipEntryLocations result;
    LargeVector<ZipEntryLocation> &locations = result.locations;
    PackageWarnings &warnings = result.warnings;

    // The locations (40 bytes an entry, kept by the tree for exports).
    const std::uint64_t stop = end.centralStart + end.centralSize;
    locations.reserve(std::min<std::uint64_t>(end.declaredEntries, end.centralSize / zip::central::kSize));
    std::uint64_t pos = end.centralStart;
    ZipCentralRecord rec;
    while (pos + zip::central::kSize <= stop) {
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
    // The classic end record holds the count in 16 bits.
    const std::uint64_t declaredMask =
        end.entryCountFromZip64 ? ~std::uint64_t(0) : std::numeric_limits<std::uint16_t>::max();
    if ((locations.size() & declaredMask) != end.declaredEntries)
        warnings.push_back({u"entry-count-mismatch"_s, {},
                            u"end record declares %1 entries, central directory holds %2"_s.arg(end.declaredEntries)
                                .arg(locations.size())});
    if (end.trailingBytes > 0)
        warnings.push_back({u"trailing-data"_s, {},
                            u"%1 bytes follow the end-of-central-directory record"_s.arg(end.trailingBytes)});

    measureLocalRecords(locations, end, warnings);

    // Shared and misplaced records count for nothing; the local checks say why.
    for (ZipEntryLocation &location : locations) {
        if (location.localLength == kSharedRecord || location.localLength == kInvalidOffset)
            location.localLength = 0;
        result.footprints += location.localLength + location.centralLength;
    }
    return result;
}

} // namespace packscope
