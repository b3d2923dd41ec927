#include "readers/ZipLocalRecord.h"
#include "readers/RawInflate.h"
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
    if (m_room < zip::kLocalHeaderSize)
        return Problem::DataOverruns;
    if (zip::u32(h) != zip::kLocalHeaderSignature)
        return Problem::Missing;
    const std::uint16_t nameLength = zip::u16(h + 26);
    const std::uint16_t extraLength = zip::u16(h + 28);
    const std::uint64_t headerLength = std::uint64_t(zip::kLocalHeaderSize) + nameLength + extraLength;
    if (headerLength > m_room)
        return Problem::DataOverruns;
    m_dataOffset = headerLength;
    if (nameLength != m_central.nameLength
        || std::memcmp(h + zip::kLocalHeaderSize, m_central.name, nameLength) != 0)
        return Problem::NameDiffers;
    // The central sizes are the ones counted; data running past the room
    // means this entry's bytes are also another entry's.
    if (m_central.compressed > m_room - headerLength)
        return Problem::DataOverruns;
    if (m_central.flags & zip::kFlagDataDescriptor)
        return Problem::None;  // the local fields may legitimately be zero
    std::uint64_t compressed = zip::u32(h + 18);
    std::uint64_t unzipped = zip::u32(h + 22);
    if (compressed == 0xFFFFFFFFu || unzipped == 0xFFFFFFFFu) {
        // Local zip64 extra: both sizes, uncompressed first (APPNOTE 4.5.3).
        const unsigned char *extra = h + zip::kLocalHeaderSize + nameLength;
        for (std::uint32_t at = 0; at + 4 <= extraLength;) {
            const std::uint16_t id = zip::u16(extra + at);
            const std::uint16_t size = zip::u16(extra + at + 2);
            if (at + 4u + size > extraLength)
                break;
            if (id == zip::kZip64ExtraId && size >= 16) {
                unzipped = zip::u64(extra + at + 4);
                compressed = zip::u64(extra + at + 12);
                break;
            }
            at += 4u + size;
        }
    }
    if (zip::u32(h + 14) != m_central.crc || compressed != m_central.compressed || unzipped != m_central.unzipped)
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
    if (m_central.method == 0) {
        if (m_central.compressed != length)
            return std::nullopt;
        return QByteArray(reinterpret_cast<const char *>(body), length);
    }
    if (m_central.method != 8)
        return std::nullopt;
    bool complete = false;
    QByteArray out = rawInflate(body, m_central.compressed, qsizetype(length), &complete);
    if (!complete || out.size() != qsizetype(length))
        return std::nullopt;
    return out;
}

} // namespace packscope
