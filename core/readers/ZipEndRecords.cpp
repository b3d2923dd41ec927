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
    if (size < zip::kEndSize)
        return -1;
    const std::uint64_t lowest = size > zip::kEndSize + zip::kMaxCommentLength
        ? size - zip::kEndSize - zip::kMaxCommentLength
        : 0;
    std::int64_t fallback = -1;
    for (std::uint64_t pos = size - zip::kEndSize + 1; pos-- > lowest;) {
        if (data[pos] != 'P' || zip::u32(data + pos) != zip::kEndSignature)
            continue;
        const std::uint64_t end = pos + zip::kEndSize + zip::u16(data + pos + 20);
        if (end == size) {
            *trailing = 0;
            return std::int64_t(pos);
        }
        if (end < size && fallback < 0)
            fallback = std::int64_t(pos);
    }
    if (fallback >= 0)
        *trailing = size - (std::uint64_t(fallback) + zip::kEndSize + zip::u16(data + fallback + 20));
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
    result.reach = size - std::min<std::uint64_t>(size, zip::kEndSize + zip::kMaxCommentLength);
    const std::int64_t found = findEndRecord(data, size, &r.trailingBytes);
    if (found < 0) {
        result.error = u"no end-of-central-directory record (not a zip, or truncated)"_s;
        return result;
    }
    const unsigned char *end = data + found;
    r.endOffset = std::uint64_t(found);
    r.endLength = zip::kEndSize + zip::u16(end + 20);
    const std::uint16_t disk = zip::u16(end + 4);
    const std::uint16_t centralDisk = zip::u16(end + 6);
    std::uint64_t entriesOnDisk = zip::u16(end + 8);
    r.declaredEntries = zip::u16(end + 10);
    r.centralSize = zip::u32(end + 12);
    std::uint64_t declaredCentralOffset = zip::u32(end + 16);
    std::uint64_t centralEnd = r.endOffset;

    // zip64: a locator sits right before the classic end record.
    if (r.endOffset >= zip::kZip64LocatorSize)
        result.reach = std::min(result.reach, r.endOffset - zip::kZip64LocatorSize);
    if (r.endOffset >= zip::kZip64LocatorSize
        && zip::u32(end - zip::kZip64LocatorSize) == zip::kZip64LocatorSignature) {
        const unsigned char *locator = end - zip::kZip64LocatorSize;
        const std::uint32_t totalDisks = zip::u32(locator + 16);
        if (zip::u32(locator + 4) != 0 || totalDisks > 1) {
            result.error = u"multi-disk (split or spanned) zip archives are not supported"_s;
            return result;
        }
        const std::uint64_t declared = zip::u64(locator + 8);
        const std::uint64_t locatorPos = r.endOffset - zip::kZip64LocatorSize;
        // Prefer the declared position; with prepended data the record is
        // found right before the locator instead.
        std::uint64_t recordPos = declared;
        auto isRecord = [&](std::uint64_t pos) {
            if (pos > locatorPos || locatorPos - pos < zip::kZip64EndMinSize || pos < readFrom)
                return false;
            result.reach = std::min(result.reach, pos);
            return zip::u32(data + pos) == zip::kZip64EndSignature
                && pos + 12 + zip::u64(data + pos + 4) == locatorPos;
        };
        if (!isRecord(recordPos)) {
            recordPos = locatorPos >= zip::kZip64EndMinSize ? locatorPos - zip::kZip64EndMinSize : 0;
            if (!isRecord(recordPos)) {
                // Declared where nothing was read: worth reading after all.
                if (declared < readFrom && declared <= locatorPos && locatorPos - declared >= zip::kZip64EndMinSize)
                    result.reach = std::min(result.reach, declared);
                result.error = u"zip64 end-of-central-directory record missing or corrupted"_s;
                return result;
            }
        }
        const unsigned char *rec = data + recordPos;
        if (zip::u32(rec + 16) != 0 || zip::u32(rec + 20) != 0) {
            result.error = u"multi-disk (split or spanned) zip archives are not supported"_s;
            return result;
        }
        r.zip64 = true;
        r.zip64RecordOffset = recordPos;
        r.zip64Length = r.endOffset - recordPos;
        entriesOnDisk = zip::u64(rec + 24);
        r.declaredEntries = zip::u64(rec + 32);
        r.entryCountFromZip64 = true;
        r.centralSize = zip::u64(rec + 40);
        declaredCentralOffset = zip::u64(rec + 48);
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
        && (r.centralSize < zip::kCentralHeaderSize
            || zip::u32(data + r.centralStart) != zip::kCentralHeaderSignature)) {
        result.error = u"central directory is damaged: no record at offset %1"_s.arg(r.centralStart);
        return result;
    }
    return result;
}

} // namespace packscope
