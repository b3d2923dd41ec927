#include "readers/ZipLocalRecord.h"
#include "readers/RawInflate.h"
#include "readers/ZipExtraFields.h"
#include "readers/ZipFormat.h"

#include <cstring>

namespace packscope {

ZipLocalRecord::ZipLocalRecord(const unsigned char *header, std::uint64_t room, const CentralEntryFacts &central)
    : m_header(header), m_room(room), m_central(central)
{
    m_problem = check();
}

ZipLocalRecord::Problem ZipLocalRecord::check()
{
    const unsigned char *h = m_header;
    if (m_room < zip::local::kSize)
        return Problem::DataOverruns;
    if (zip::u32(h) != zip::local::kSignature)
        return Problem::Missing;
    const std::uint16_t nameLength = zip::u16(h + zip::local::kNameLength);
    const std::uint16_t extraLength = zip::u16(h + zip::local::kExtraLength);
    const std::uint64_t headerLength = std::uint64_t(zip::local::kSize) + nameLength + extraLength;
    if (headerLength > m_room)
        return Problem::DataOverruns;
    m_dataOffset = headerLength;
    if (nameLength != m_central.nameLength
        || std::memcmp(h + zip::local::kSize, m_central.name, nameLength) != 0)
        return Problem::NameDiffers;
    // The central sizes are the ones counted; data running past the room
    // means this entry's bytes are also another entry's.
    if (m_central.compressed > m_room - headerLength)
        return Problem::DataOverruns;
    if (m_central.flags & zip::kFlagDataDescriptor)
        return Problem::None;  // the local fields may legitimately be zero
    std::uint64_t compressed = zip::u32(h + zip::local::kCompressedSize);
    std::uint64_t unzipped = zip::u32(h + zip::local::kUncompressedSize);
    if (compressed == zip::kZip64Marker32 || unzipped == zip::kZip64Marker32) {
        // The first zip64 block that holds both sizes (a local one always
        // should, APPNOTE 4.5.3); shorter ones are passed over.
        Zip64Fields sizes;
        sizes.uncompressed = sizes.compressed = true;
        forEachExtraBlock(h + zip::local::kSize + nameLength, extraLength, [&](const ZipExtraBlock &block) {
            if (block.id != zip::extra::kZip64Id)
                return true;
            const Zip64Values values = readZip64Block(block, sizes);
            if (values.truncated)
                return true;
            unzipped = *values.uncompressed;
            compressed = *values.compressed;
            return false;
        });
    }
    if (zip::u32(h + zip::local::kCrc) != m_central.crc || compressed != m_central.compressed
        || unzipped != m_central.unzipped)
        return Problem::SizesDiffer;
    return Problem::None;
}

std::optional<QByteArray> ZipLocalRecord::smallContents(std::uint32_t maxBytes) const
{
    if (m_problem != Problem::None || m_central.unzipped > maxBytes
        || (m_central.flags & (zip::kFlagEncrypted | zip::kFlagStrongEncryption)))
        return std::nullopt;
    const unsigned char *body = m_header + m_dataOffset;
    const auto length = std::uint32_t(m_central.unzipped);
    if (m_central.method == zip::kMethodStored) {
        if (m_central.compressed != length)
            return std::nullopt;
        return QByteArray(reinterpret_cast<const char *>(body), length);
    }
    if (m_central.method != zip::kMethodDeflated)
        return std::nullopt;
    bool complete = false;
    QByteArray out = rawInflate(body, m_central.compressed, qsizetype(length), &complete);
    if (!complete || out.size() != qsizetype(length))
        return std::nullopt;
    return out;
}

} // namespace packscope
