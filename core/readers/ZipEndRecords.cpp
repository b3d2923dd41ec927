#include "readers/ZipEndRecords.h"
#include "readers/ZipFormat.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace packscope {

namespace {

// Candidate end records, newest first: the last one whose comment reaches
// exactly to the end of the file wins; failing that the last one whose comment
// fits (the file then has trailing bytes).
std::int64_t findEndRecord(const unsigned char *data, std::uint64_t size, std::uint64_t *trailing)
{
    if (size < zip::end::kSize)
        return -1;
    const std::uint64_t lowest = size > zip::end::kSize + zip::end::kMaxCommentLength
        ? size - zip::end::kSize - zip::end::kMaxCommentLength
        : 0;
    std::int64_t fallback = -1;
    for (std::uint64_t pos = size - zip::end::kSize + 1; pos-- > lowest;) {
        if (data[pos] != 'P' || zip::u32(data + pos) != zip::end::kSignature)
            continue;
        const std::uint64_t end = pos + zip::end::kSize + zip::u16(data + pos + zip::end::kCommentLength);
        if (end == size) {
            *trailing = 0;
            return std::int64_t(pos);
        }
        if (end < size && fallback < 0)
            fallback = std::int64_t(pos);
    }
    if (fallback >= 0)
        *trailing = size
            - (std::uint64_t(fallback) + zip::end::kSize + zip::u16(data + fallback + zip::end::kCommentLength));
    return fallback;
}

} // namespace

bool hasZipEndRecord(const unsigned char *data, std::uint64_t size)
{
    std::uint64_t trailing = 0;
    return findEndRecord(data, size, &trailing) >= 0;
}

ZipEndRecordsResult locateZipEndRecords(const unsigned char *data, std::uint64_t size, std::uint64_t readFrom)
{
    ZipEndRecordsResult result;
    ZipEndRecords &r = result.records;
    result.reach = size - std::min<std::uint64_t>(size, zip::end::kSize + zip::end::kMaxCommentLength);
    const std::int64_t found = findEndRecord(data, size, &r.trailingBytes);
    if (found < 0) {
        result.error = u"no end-of-central-directory record (not a zip, or truncated)"_s;
        return result;
    }
    const unsigned char *end = data + found;
    r.endOffset = std::uint64_t(found);
    r.endLength = zip::end::kSize + zip::u16(end + zip::end::kCommentLength);
    const std::uint16_t disk = zip::u16(end + zip::end::kDisk);
    const std::uint16_t centralDisk = zip::u16(end + zip::end::kCentralDisk);
    std::uint64_t entriesOnDisk = zip::u16(end + zip::end::kEntriesOnDisk);
    r.declaredEntries = zip::u16(end + zip::end::kEntries);
    r.centralSize = zip::u32(end + zip::end::kCentralSize);
    std::uint64_t declaredCentralOffset = zip::u32(end + zip::end::kCentralOffset);
    std::uint64_t centralEnd = r.endOffset;

    // zip64: a locator sits right before the classic end record.
    if (r.endOffset >= zip::zip64Locator::kSize)
        result.reach = std::min(result.reach, r.endOffset - zip::zip64Locator::kSize);
    if (r.endOffset >= zip::zip64Locator::kSize
        && zip::u32(end - zip::zip64Locator::kSize) == zip::zip64Locator::kSignature) {
        const unsigned char *locator = end - zip::zip64Locator::kSize;
        const std::uint32_t totalDisks = zip::u32(locator + zip::zip64Locator::kTotalDisks);
        if (zip::u32(locator + zip::zip64Locator::kZip64EndDisk) != 0 || totalDisks > 1) {
            result.error = u"multi-disk (split or spanned) zip archives are not supported"_s;
            return result;
        }
        const std::uint64_t declared = zip::u64(locator + zip::zip64Locator::kZip64EndOffset);
        const std::uint64_t locatorPos = r.endOffset - zip::zip64Locator::kSize;
        // Prefer the declared position; with prepended data the record is
        // found right before the locator instead.
        std::uint64_t recordPos = declared;
        auto isRecord = [&](std::uint64_t pos) {
            if (pos > locatorPos || locatorPos - pos < zip::zip64End::kMinSize || pos < readFrom)
                return false;
            result.reach = std::min(result.reach, pos);
            return zip::u32(data + pos) == zip::zip64End::kSignature
                && pos + zip::zip64End::kLeadingBytes + zip::u64(data + pos + zip::zip64End::kRecordSize) == locatorPos;
        };
        if (!isRecord(recordPos)) {
            recordPos = locatorPos >= zip::zip64End::kMinSize ? locatorPos - zip::zip64End::kMinSize : 0;
            if (!isRecord(recordPos)) {
                // Declared where nothing was read: worth reading after all.
                if (declared < readFrom && declared <= locatorPos && locatorPos - declared >= zip::zip64End::kMinSize)
                    result.reach = std::min(result.reach, declared);
                result.error = u"zip64 end-of-central-directory record missing or corrupted"_s;
                return result;
            }
        }
        const unsigned char *rec = data + recordPos;
        if (zip::u32(rec + zip::zip64End::kDisk) != 0 || zip::u32(rec + zip::zip64End::kCentralDisk) != 0) {
            result.error = u"multi-disk (split or spanned) zip archives are not supported"_s;
            return result;
        }
        r.zip64 = true;
        r.zip64RecordOffset = recordPos;
        r.zip64Length = r.endOffset - recordPos;
        entriesOnDisk = zip::u64(rec + zip::zip64End::kEntriesOnDisk);
        r.declaredEntries = zip::u64(rec + zip::zip64End::kEntries);
        r.entryCountFromZip64 = true;
        r.centralSize = zip::u64(rec + zip::zip64End::kCentralSize);
        declaredCentralOffset = zip::u64(rec + zip::zip64End::kCentralOffset);
        centralEnd = recordPos;
    } else if (disk != 0 || centralDisk != 0 || entriesOnDisk != r.declaredEntries) {
        result.error = u"multi-disk (split or spanned) zip archives are not supported"_s;
        return result;
    }
    (void)entriesOnDisk;

    if (r.centralSize > centralEnd) {
        result.error = u"central directory size (%1 bytes) is larger than the file before the end record; "
                       u"the file is truncated or corrupted"_s.arg(r.centralSize);
        return result;
    }
    r.centralStart = centralEnd - r.centralSize;
    result.reach = std::min(result.reach, r.centralStart);
    if (declaredCentralOffset > r.centralStart) {
        result.error = u"central directory offset %1 points past where the central directory ends "
                       u"(file truncated or corrupted)"_s.arg(declaredCentralOffset);
        return result;
    }
    r.offsetShift = r.centralStart - declaredCentralOffset;
    if (r.declaredEntries > 0 && r.centralSize > 0
        && (r.centralSize < zip::central::kSize
            || zip::u32(data + r.centralStart) != zip::central::kSignature)) {
        result.error = u"central directory is damaged: no record at offset %1"_s.arg(r.centralStart);
        return result;
    }
    return result;
}

} // namespace packscope
