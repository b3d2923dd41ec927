#include "slim/ZipVerifier.h"
#include "readers/ZipEndRecords.h"
#include "readers/ZipFormat.h"

#include <zlib.h>

#include <vector>

using namespace Qt::StringLiterals;

namespace packscope {

namespace {

// Inflates (method 8) or reads (method 0) `compressed` bytes and returns
// whether they give `size` bytes with CRC-32 `crc`.
bool dataMatches(const unsigned char *data, std::uint64_t compressed, std::uint16_t method, std::uint64_t size,
                 std::uint32_t crc)
{
    if (method == 0)
        return compressed == size && crc32_z(0, data, size_t(size)) == crc;
    z_stream stream{};
    if (inflateInit2(&stream, -MAX_WBITS) != Z_OK)
        return false;
    std::vector<unsigned char> buffer(256 * 1024);
    uLong running = crc32_z(0, nullptr, 0);
    std::uint64_t produced = 0;
    std::uint64_t consumed = 0;
    int status = Z_OK;
    while (status != Z_STREAM_END) {
        if (stream.avail_in == 0 && consumed < compressed) {
            const std::uint64_t chunk = std::min<std::uint64_t>(compressed - consumed, 1u << 30);
            stream.next_in = const_cast<unsigned char *>(data + consumed);
            stream.avail_in = uInt(chunk);
            consumed += chunk;
        }
        stream.next_out = buffer.data();
        stream.avail_out = uInt(buffer.size());
        status = inflate(&stream, Z_NO_FLUSH);
        if (status != Z_OK && status != Z_STREAM_END)
            break;
        const std::size_t got = buffer.size() - stream.avail_out;
        running = crc32_z(running, buffer.data(), got);
        produced += got;
        if (status == Z_OK && got == 0 && stream.avail_in == 0 && consumed >= compressed)
            break;  // input ended before the stream did
    }
    inflateEnd(&stream);
    return status == Z_STREAM_END && produced == size && running == crc;
}

} // namespace

ZipVerification ZipVerifier::verify(const unsigned char *data, std::uint64_t size, std::uint64_t expectedEntries)
{
    ZipVerification v;
    const ZipEndRecordsResult located = locateZipEndRecords(data, size);
    if (!located.ok()) {
        v.error = located.error;
        return v;
    }
    const ZipEndRecords &end = located.records;
    const std::uint64_t stop = end.centralStart + end.centralSize;
    std::uint64_t pos = end.centralStart;
    while (pos + zip::kCentralHeaderSize <= stop && zip::u32(data + pos) == zip::kCentralHeaderSignature) {
        const unsigned char *h = data + pos;
        const std::uint16_t flags = zip::u16(h + 8);
        const std::uint16_t method = zip::u16(h + 10);
        const std::uint32_t crc = zip::u32(h + 16);
        std::uint64_t compressed = zip::u32(h + 20);
        std::uint64_t unzipped = zip::u32(h + 24);
        const std::uint16_t nameLength = zip::u16(h + 28);
        const std::uint16_t extraLength = zip::u16(h + 30);
        const std::uint16_t commentLength = zip::u16(h + 32);
        std::uint64_t offset = zip::u32(h + 42);
        const std::uint64_t length = zip::kCentralHeaderSize + nameLength + extraLength + commentLength;
        if (pos + length > stop) {
            v.error = u"central directory record %1 runs past the central directory"_s.arg(v.entries + 1);
            return v;
        }
        // Zip64 values, in APPNOTE order, for the fields marked all-ones.
        const unsigned char *extra = h + zip::kCentralHeaderSize + nameLength;
        for (std::uint32_t at = 0; at + 4 <= extraLength;) {
            const std::uint16_t id = zip::u16(extra + at);
            const std::uint16_t blockSize = zip::u16(extra + at + 2);
            if (id == zip::kZip64ExtraId) {
                std::uint32_t field = at + 4;
                auto take = [&](std::uint64_t *value) {
                    if (*value == 0xFFFFFFFFu && field + 8 <= at + 4 + blockSize) {
                        *value = zip::u64(extra + field);
                        field += 8;
                    }
                };
                take(&unzipped);
                take(&compressed);
                take(&offset);
            }
            at += 4 + blockSize;
        }
        const std::uint64_t local = offset + end.offsetShift;
        if (local + zip::kLocalHeaderSize > end.centralStart || zip::u32(data + local) != zip::kLocalHeaderSignature) {
            v.error = u"entry %1: no local header at offset %2"_s.arg(v.entries + 1).arg(local);
            return v;
        }
        const std::uint64_t dataStart =
            local + zip::kLocalHeaderSize + zip::u16(data + local + 26) + zip::u16(data + local + 28);
        if (dataStart + compressed > end.centralStart) {
            v.error = u"entry %1: data runs into the central directory"_s.arg(v.entries + 1);
            return v;
        }
        const bool encrypted = (flags & (zip::kFlagEncrypted | zip::kFlagStrongEncryption)) || method == zip::kMethodAes;
        if (!encrypted && (method == 0 || method == 8)) {
            if (!dataMatches(data + dataStart, compressed, method, unzipped, crc)) {
                const QString name = QString::fromUtf8(reinterpret_cast<const char *>(h + zip::kCentralHeaderSize),
                                                       nameLength);
                v.error = u"entry %1 (%2): data does not match its size and CRC-32"_s.arg(v.entries + 1).arg(name);
                return v;
            }
            ++v.crcChecked;
        } else {
            ++v.crcSkipped;
        }
        ++v.entries;
        pos += length;
    }
    if (v.entries != expectedEntries)
        v.error = u"central directory holds %1 entries, %2 expected"_s.arg(v.entries).arg(expectedEntries);
    return v;
}

} // namespace packscope
