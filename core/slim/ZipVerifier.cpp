#include "slim/ZipVerifier.h"
#include "readers/ZipCentralRecord.h"
#include "readers/ZipEndRecords.h"
#include "readers/ZipFormat.h"

#include <zlib.h>

#include <vector>

using namespace Qt::StringLiterals;

namespace packscope {

namespace {

// Reads (stored) or inflates (deflated) `compressed` bytes and returns
// whether they give `size` bytes with CRC-32 `crc`.
bool dataMatches(const unsigned char *data, std::uint64_t compressed, std::uint16_t method, std::uint64_t size,
                 std::uint32_t crc)
{
    if (method == zip::kMethodStored)
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
    ZipCentralRecord rec;
    while (pos + zip::central::kSize <= stop && zip::u32(data + pos) == zip::central::kSignature) {
        if (rec.parse(data, pos, stop, end.offsetShift) != ZipCentralRecord::Status::Ok) {
            v.error = u"central directory record %1 runs past the central directory"_s.arg(v.entries + 1);
            return v;
        }
        const std::uint64_t local = rec.localOffset;
        if (local + zip::local::kSize > end.centralStart || zip::u32(data + local) != zip::local::kSignature) {
            v.error = u"entry %1: no local header at offset %2"_s.arg(v.entries + 1).arg(local);
            return v;
        }
        const std::uint64_t dataStart = local + zip::local::headerLength(data + local);
        if (dataStart > end.centralStart || rec.compressed > end.centralStart - dataStart) {
            v.error = u"entry %1: data runs into the central directory"_s.arg(v.entries + 1);
            return v;
        }
        if (!rec.encrypted() && (rec.method == zip::kMethodStored || rec.method == zip::kMethodDeflated)) {
            if (!dataMatches(data + dataStart, rec.compressed, rec.method, rec.unzipped, rec.crc)) {
                const QString name = QString::fromUtf8(reinterpret_cast<const char *>(rec.name), rec.nameLength);
                v.error = u"entry %1 (%2): data does not match its size and CRC-32"_s.arg(v.entries + 1).arg(name);
                return v;
            }
            ++v.crcChecked;
        } else {
            ++v.crcSkipped;
        }
        ++v.entries;
        pos += rec.centralLength;
    }
    if (v.entries != expectedEntries)
        v.error = u"central directory holds %1 entries, %2 expected"_s.arg(v.entries).arg(expectedEntries);
    return v;
}

} // namespace packscope
