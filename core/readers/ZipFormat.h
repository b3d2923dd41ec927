#pragma once

#include <cstdint>
#include <cstring>

// Record layouts of the zip format (PKWARE APPNOTE 6.3.x, sections 4.3 to
// 4.6): per record its signature, the offset of each field from the record's
// first byte and the size of its fixed part; and little-endian field access
// over a zip's bytes. Every record starts with its 4-byte signature.
namespace packscope::zip {

// Local file header (4.3.7); the name and the extra field follow it.
namespace local {
inline constexpr std::uint32_t kSignature = 0x04034b50;
inline constexpr std::uint32_t kVersionNeeded = 4;
inline constexpr std::uint32_t kFlags = 6;
inline constexpr std::uint32_t kMethod = 8;
inline constexpr std::uint32_t kModifiedTime = 10;
inline constexpr std::uint32_t kModifiedDate = 12;
inline constexpr std::uint32_t kCrc = 14;
inline constexpr std::uint32_t kCompressedSize = 18;
inline constexpr std::uint32_t kUncompressedSize = 22;
inline constexpr std::uint32_t kNameLength = 26;
inline constexpr std::uint32_t kExtraLength = 28;
inline constexpr std::uint32_t kSize = 30;
} // namespace local

// Data descriptor (4.3.9), after an entry's data when flag bit 3 is set.
// Its signature is optional; the offsets are those of a descriptor with
// one, and zip64 entries store both sizes in 8 bytes (kZip64Size).
namespace descriptor {
inline constexpr std::uint32_t kSignature = 0x08074b50;
inline constexpr std::uint32_t kCrc = 4;
inline constexpr std::uint32_t kCompressedSize = 8;
inline constexpr std::uint32_t kUncompressedSize = 12;
inline constexpr std::uint32_t kSize = 16;
inline constexpr std::uint32_t kZip64Size = 24;
} // namespace descriptor

// Central directory file header (4.3.12); the name, the extra field and
// the comment follow it.
namespace central {
inline constexpr std::uint32_t kSignature = 0x02014b50;
inline constexpr std::uint32_t kVersionMadeBy = 4;
inline constexpr std::uint32_t kHostSystem = 5;  // upper byte of "version made by" (4.4.2)
inline constexpr std::uint32_t kVersionNeeded = 6;
inline constexpr std::uint32_t kFlags = 8;
inline constexpr std::uint32_t kMethod = 10;
inline constexpr std::uint32_t kModifiedTime = 12;
inline constexpr std::uint32_t kModifiedDate = 14;
inline constexpr std::uint32_t kCrc = 16;
inline constexpr std::uint32_t kCompressedSize = 20;
inline constexpr std::uint32_t kUncompressedSize = 24;
inline constexpr std::uint32_t kNameLength = 28;
inline constexpr std::uint32_t kExtraLength = 30;
inline constexpr std::uint32_t kCommentLength = 32;
inline constexpr std::uint32_t kDiskStart = 34;
inline constexpr std::uint32_t kInternalAttributes = 36;
inline constexpr std::uint32_t kExternalAttributes = 38;
inline constexpr std::uint32_t kLocalHeaderOffset = 42;
inline constexpr std::uint32_t kSize = 46;
} // namespace central

// Zip64 end of central directory record (4.3.14); its extensible data
// sector follows the fixed part.
namespace zip64End {
inline constexpr std::uint32_t kSignature = 0x06064b50;
// The record's size, which leaves out the signature and itself (4.3.14.1):
// kLeadingBytes in all.
inline constexpr std::uint32_t kRecordSize = 4;
inline constexpr std::uint32_t kLeadingBytes = 12;
inline constexpr std::uint32_t kVersionMadeBy = 12;
inline constexpr std::uint32_t kVersionNeeded = 14;
inline constexpr std::uint32_t kDisk = 16;
inline constexpr std::uint32_t kCentralDisk = 20;
inline constexpr std::uint32_t kEntriesOnDisk = 24;
inline constexpr std::uint32_t kEntries = 32;
inline constexpr std::uint32_t kCentralSize = 40;
inline constexpr std::uint32_t kCentralOffset = 48;
inline constexpr std::uint32_t kMinSize = 56;
} // namespace zip64End

// Zip64 end of central directory locator (4.3.15), right before the end record.
namespace zip64Locator {
inline constexpr std::uint32_t kSignature = 0x07064b50;
inline constexpr std::uint32_t kZip64EndDisk = 4;
inline constexpr std::uint32_t kZip64EndOffset = 8;
inline constexpr std::uint32_t kTotalDisks = 16;
inline constexpr std::uint32_t kSize = 20;
} // namespace zip64Locator

// End of central directory record (4.3.16); the archive comment follows it.
namespace end {
inline constexpr std::uint32_t kSignature = 0x06054b50;
inline constexpr std::uint32_t kDisk = 4;
inline constexpr std::uint32_t kCentralDisk = 6;
inline constexpr std::uint32_t kEntriesOnDisk = 8;
inline constexpr std::uint32_t kEntries = 10;
inline constexpr std::uint32_t kCentralSize = 12;
inline constexpr std::uint32_t kCentralOffset = 16;
inline constexpr std::uint32_t kCommentLength = 20;
inline constexpr std::uint32_t kSize = 22;
inline constexpr std::uint32_t kMaxCommentLength = 0xFFFF;
} // namespace end

// One block of an extra field (4.5.1): a header id and the size of the
// data after this 4-byte header.
namespace extra {
inline constexpr std::uint32_t kId = 0;
inline constexpr std::uint32_t kDataSize = 2;
inline constexpr std::uint32_t kHeaderSize = 4;
inline constexpr std::uint16_t kZip64Id = 0x0001;        // 4.5.3
inline constexpr std::uint16_t kUnicodePathId = 0x7075;  // 4.6.9
} // namespace extra

// The zip64 extended information block's data (4.5.3): only the fields
// whose header value is all ones, in this order, each of this length.
namespace zip64Extra {
inline constexpr std::uint32_t kUncompressedSizeLength = 8;
inline constexpr std::uint32_t kCompressedSizeLength = 8;
inline constexpr std::uint32_t kLocalHeaderOffsetLength = 8;
inline constexpr std::uint32_t kDiskStartLength = 4;
} // namespace zip64Extra

// The Info-ZIP Unicode Path block's data (4.6.9).
namespace unicodePath {
inline constexpr std::uint32_t kVersion = 0;
inline constexpr std::uint32_t kNameCrc = 1;  // CRC-32 of the header's name
inline constexpr std::uint32_t kName = 5;     // UTF-8, to the end of the block
inline constexpr std::uint8_t kVersion1 = 1;
} // namespace unicodePath

// A header field set to all ones has its value in the zip64 records or
// extra field instead (4.4.1.4).
inline constexpr std::uint16_t kZip64Marker16 = 0xFFFF;
inline constexpr std::uint32_t kZip64Marker32 = 0xFFFFFFFF;

inline constexpr std::uint16_t kFlagEncrypted = 1u << 0;
inline constexpr std::uint16_t kFlagDataDescriptor = 1u << 3;
inline constexpr std::uint16_t kFlagStrongEncryption = 1u << 6;
inline constexpr std::uint16_t kFlagUtf8 = 1u << 11;

inline constexpr std::uint16_t kMethodStored = 0;  // 4.4.5
inline constexpr std::uint16_t kMethodDeflated = 8;
inline constexpr std::uint16_t kMethodAes = 99;
inline constexpr std::uint8_t kHostUnix = 3;
inline constexpr std::uint8_t kHostMacOsX = 19;
inline constexpr std::uint32_t kDosDirectoryAttribute = 0x10;
// Unix hosts keep st_mode in the upper 16 bits of the external attributes (4.4.15).
inline constexpr std::uint32_t kUnixModeShift = 16;

inline std::uint16_t u16(const unsigned char *p)
{
    return std::uint16_t(p[0] | (p[1] << 8));
}
inline std::uint32_t u32(const unsigned char *p)
{
    return std::uint32_t(p[0]) | (std::uint32_t(p[1]) << 8) | (std::uint32_t(p[2]) << 16)
        | (std::uint32_t(p[3]) << 24);
}
inline std::uint64_t u64(const unsigned char *p)
{
    return std::uint64_t(u32(p)) | (std::uint64_t(u32(p + 4)) << 32);
}
inline void put16(unsigned char *p, std::uint16_t v)
{
    p[0] = static_cast<unsigned char>(v);
    p[1] = static_cast<unsigned char>(v >> 8);
}
inline void put32(unsigned char *p, std::uint32_t v)
{
    put16(p, std::uint16_t(v));
    put16(p + 2, std::uint16_t(v >> 16));
}
inline void put64(unsigned char *p, std::uint64_t v)
{
    put32(p, std::uint32_t(v));
    put32(p + 4, std::uint32_t(v >> 32));
}

namespace local {
// The local header at `header` with its name and extra field: where the
// entry's data starts.
inline std::uint32_t headerLength(const unsigned char *header)
{
    return kSize + u16(header + kNameLength) + u16(header + kExtraLength);
}
} // namespace local

} // namespace packscope::zip
