#include "readers/ZipCentralRecord.h"
#include "readers/ZipFormat.h"
#include "text/Cp437.h"

#include <sys/stat.h>
#include <zlib.h>

namespace packscope {

namespace {

bool isUnixHost(std::uint8_t host)
{
    return host == zip::kHostUnix || host == zip::kHostMacOsX;
}

// Reads the zip64 extra field: only fields whose central value is all-ones are
// present, in the order uncompressed, compressed, offset (APPNOTE 4.5.3).
void applyZip64Extra(ZipCentralRecord &rec, const unsigned char *p, std::uint16_t size, bool needUnzipped,
                     bool needCompressed, bool needOffset)
{
    std::uint16_t at = 0;
    auto take = [&](std::uint64_t *field) {
        if (at + 8 <= size) {
            *field = zip::u64(p + at);
            at += 8;
            return true;
        }
        return false;
    };
    if (needUnzipped && !take(&rec.unzipped))
        rec.sizeWithoutZip64 = true;
    if (needCompressed && !take(&rec.compressed))
        rec.sizeWithoutZip64 = true;
    if (needOffset && !take(&rec.localOffset))
        rec.sizeWithoutZip64 = true;
}

void parseExtras(ZipCentralRecord &rec, const unsigned char *extra, std::uint16_t extraLength, bool needUnzipped,
                 bool needCompressed, bool needOffset)
{
    bool zip64Seen = false;
    for (std::uint32_t at = 0; at + 4 <= extraLength;) {
        const std::uint16_t id = zip::u16(extra + at);
        const std::uint16_t size = zip::u16(extra + at + 2);
        if (at + 4 + size > extraLength)
            break;
        const unsigned char *body = extra + at + 4;
        if (id == zip::kZip64ExtraId) {
            zip64Seen = true;
            applyZip64Extra(rec, body, size, needUnzipped, needCompressed, needOffset);
        } else if (id == zip::kUnicodePathExtraId && size > 5 && body[0] == 1) {
            // Trust it only if it was written for this very name.
            const auto nameCrc = std::uint32_t(crc32(0, rec.name, rec.nameLength));
            if (zip::u32(body + 1) == nameCrc) {
                rec.unicodeName = body + 5;
                rec.unicodeNameLength = std::uint16_t(size - 5);
            }
        }
        at += 4 + size;
    }
    if (!zip64Seen && (needUnzipped || needCompressed || needOffset))
        rec.sizeWithoutZip64 = true;
}

} // namespace

ZipCentralRecord::Status ZipCentralRecord::parse(const unsigned char *data, std::uint64_t pos, std::uint64_t stop,
                                                 std::uint64_t shift)
{
    const unsigned char *h = data + pos;
    if (zip::u32(h) != zip::kCentralHeaderSignature)
        return Status::BadSignature;
    host = h[5];
    flags = zip::u16(h + 8);
    method = zip::u16(h + 10);
    crc = zip::u32(h + 16);
    compressed = zip::u32(h + 20);
    unzipped = zip::u32(h + 24);
    nameLength = zip::u16(h + 28);
    const std::uint16_t extraLength = zip::u16(h + 30);
    const std::uint16_t commentLength = zip::u16(h + 32);
    externalAttributes = zip::u32(h + 38);
    localOffset = zip::u32(h + 42);
    centralOffset = pos;
    centralLength = zip::kCentralHeaderSize + nameLength + extraLength + commentLength;
    if (pos + centralLength > stop)
        return Status::Overrun;
    name = h + zip::kCentralHeaderSize;
    unicodeName = nullptr;
    unicodeNameLength = 0;
    sizeWithoutZip64 = false;
    const bool needUnzipped = unzipped == 0xFFFFFFFFu;
    const bool needCompressed = compressed == 0xFFFFFFFFu;
    const bool needOffset = localOffset == 0xFFFFFFFFu;
    if (extraLength > 0 || needUnzipped || needCompressed || needOffset)
        parseExtras(*this, name + nameLength, extraLength, needUnzipped, needCompressed, needOffset);
    localOffset += shift;
    return Status::Ok;
}

QByteArrayView ZipCentralRecord::decodedName(QByteArray &storage) const
{
    const QByteArrayView stored(name, nameLength);
    if (unicodeName)
        return QByteArrayView(unicodeName, unicodeNameLength);
    // Unix zip tools store the file system's bytes without the flag; when
    // those are valid UTF-8 that is what Lambda extracts.
    if ((flags & zip::kFlagUtf8) || isAscii(stored) || (isUnixHost(host) && isValidUtf8(stored)))
        return stored;
    storage = cp437ToUtf8(stored);
    return storage;
}

NodeKind ZipCentralRecord::kind(std::uint32_t *mode, bool *modeKnown) const
{
    const bool unixHost = isUnixHost(host);
    *mode = unixHost ? (externalAttributes >> 16) : 0;
    *modeKnown = unixHost && *mode != 0;
    const bool slash = nameLength > 0 && (name[nameLength - 1] == '/' || name[nameLength - 1] == '\\');
    if (slash || (*modeKnown && S_ISDIR(*mode))
        || (!*modeKnown && (externalAttributes & zip::kDosDirectoryAttribute) && unzipped == 0))
        return NodeKind::Folder;
    if (*modeKnown && S_ISLNK(*mode))
        return NodeKind::Symlink;
    return NodeKind::File;
}

bool ZipCentralRecord::encrypted() const
{
    return (flags & (zip::kFlagEncrypted | zip::kFlagStrongEncryption)) || method == zip::kMethodAes;
}

} // namespace packscope
