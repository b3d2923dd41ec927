#include "readers/ZipCentralRecord.h"
#include "readers/ZipExtraFields.h"
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

// Takes the values the header left to zip64 from its zip64 block, and the
// name from a Unicode Path block written for this very name. A second zip64
// block is read too: its values win, and a short one still counts as missing.
void parseExtras(ZipCentralRecord &rec, const unsigned char *extra, std::uint16_t extraLength, Zip64Fields needed)
{
    bool zip64Seen = false;
    forEachExtraBlock(extra, extraLength, [&](const ZipExtraBlock &block) {
        if (block.id == zip::extra::kZip64Id) {
            zip64Seen = true;
            const Zip64Values values = readZip64Block(block, needed);
            rec.unzipped = values.uncompressed.value_or(rec.unzipped);
            rec.compressed = values.compressed.value_or(rec.compressed);
            rec.localOffset = values.localHeaderOffset.value_or(rec.localOffset);
            if (values.truncated)
                rec.sizeWithoutZip64 = true;
        } else if (block.id == zip::extra::kUnicodePathId && block.size > zip::unicodePath::kName
                   && block.data[zip::unicodePath::kVersion] == zip::unicodePath::kVersion1) {
            const auto nameCrc = std::uint32_t(crc32(0, rec.name, rec.nameLength));
            if (zip::u32(block.data + zip::unicodePath::kNameCrc) == nameCrc) {
                rec.unicodeName = block.data + zip::unicodePath::kName;
                rec.unicodeNameLength = std::uint16_t(block.size - zip::unicodePath::kName);
            }
        }
        return true;
    });
    if (!zip64Seen && needed.any())
        rec.sizeWithoutZip64 = true;
}

} // namespace

ZipCentralRecord::Status ZipCentralRecord::parse(const unsigned char *data, std::uint64_t pos, std::uint64_t stop,
                                                 std::uint64_t shift)
{
    const unsigned char *h = data + pos;
    if (zip::u32(h) != zip::central::kSignature)
        return Status::BadSignature;
    host = h[zip::central::kHostSystem];
    flags = zip::u16(h + zip::central::kFlags);
    method = zip::u16(h + zip::central::kMethod);
    crc = zip::u32(h + zip::central::kCrc);
    compressed = zip::u32(h + zip::central::kCompressedSize);
    unzipped = zip::u32(h + zip::central::kUncompressedSize);
    nameLength = zip::u16(h + zip::central::kNameLength);
    const std::uint16_t extraLength = zip::u16(h + zip::central::kExtraLength);
    const std::uint16_t commentLength = zip::u16(h + zip::central::kCommentLength);
    externalAttributes = zip::u32(h + zip::central::kExternalAttributes);
    localOffset = zip::u32(h + zip::central::kLocalHeaderOffset);
    centralOffset = pos;
    centralLength = zip::central::kSize + nameLength + extraLength + commentLength;
    if (pos + centralLength > stop)
        return Status::Overrun;
    name = h + zip::central::kSize;
    unicodeName = nullptr;
    unicodeNameLength = 0;
    sizeWithoutZip64 = false;
    Zip64Fields needed;
    needed.uncompressed = unzipped == zip::kZip64Marker32;
    needed.compressed = compressed == zip::kZip64Marker32;
    needed.localHeaderOffset = localOffset == zip::kZip64Marker32;
    if (extraLength > 0 || needed.any())
        parseExtras(*this, name + nameLength, extraLength, needed);
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
    *mode = unixHost ? (externalAttributes >> zip::kUnixModeShift) : 0;
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
