#pragma once

#include <cstdint>
#include <cstring>

// Record layouts of the zip format (PKWARE APPNOTE 6.3.x, sections 4.3 and
// 4.5) and little-endian field access over a zip's bytes.
namespace packscope::zip {

inline constexpr std::uint32_t kLocalHeaderSignature = 0x04034b50;
inline constexpr std::uint32_t kCentralHeaderSignature = 0x02014b50;
inline constexpr std::uint32_t kEndSignature = 0x06054b50;
inline constexpr std::uint32_t kZip64EndSignature = 0x06064b50;
inline constexpr std::uint32_t kZip64LocatorSignature = 0x07064b50;
inline constexpr std::uint32_t kDataDescriptorSignature = 0x08074b50;

inline constexpr std::uint32_t kLocalHeaderSize = 30;
inline constexpr std::uint32_t kCentralHeaderSize = 46;
inline constexpr std::uint32_t kEndSize = 22;
inline constexpr std::uint32_t kZip64LocatorSize = 20;
inline constexpr std::uint32_t kZip64EndMinSize = 56;
inline constexpr std::uint32_t kMaxCommentLength = 0xFFFF;

inline constexpr std::uint16_t kZip64ExtraId = 0x0001;
inline constexpr std::uint16_t kUnicodePathExtraId = 0x7075;

inline constexpr std::uint16_t kFlagEncrypted = 1u << 0;
inline constexpr std::uint16_t kFlagDataDescriptor = 1u << 3;
inline constexpr std::uint16_t kFlagStrongEncryption = 1u << 6;
inline constexpr std::uint16_t kFlagUtf8 = 1u << 11;

inline constexpr std::uint16_t kMethodAes = 99;
inline constexpr std::uint8_t kHostUnix = 3;
inline constexpr std::uint8_t kHostMacOsX = 19;
inline constexpr std::uint32_t kDosDirectoryAttribute = 0x10;

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

} // namespace packscope::zip
