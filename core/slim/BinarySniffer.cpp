#include "slim/BinarySniffer.h"
#include "readers/ZipFormat.h"

#include <QDir>
#include <QFile>

#include <zlib.h>

namespace packscope {

namespace {

constexpr int kHeadBytes = 64;

// Names worth reading: shared objects, addons, DLLs, executables.
bool isCandidate(const PackageTree &tree, NodeId id)
{
    const PackageNode &n = tree.node(id);
    if (n.kind != NodeKind::File || n.totals.unzipped < kHeadBytes)
        return false;
    const QByteArrayView name = tree.nameBytes(id);
    for (const char *suffix : {".so", ".node", ".dylib", ".dll", ".exe", ".pyd", ".bundle"}) {
        if (name.endsWith(suffix))
            return true;
    }
    if (name.contains(".so."))
        return true;
    return (n.flags & NodeModeKnown) && (n.mode & 0111) && !name.contains('.');
}

// The first bytes of a zip entry's data, inflated when deflated.
QByteArray zipHead(const unsigned char *data, std::uint64_t size, const ZipEntryLocation &loc, std::uint64_t compressed)
{
    if (loc.localOffset + zip::kLocalHeaderSize > size || zip::u32(data + loc.localOffset) != zip::kLocalHeaderSignature
        || (loc.generalFlags & (zip::kFlagEncrypted | zip::kFlagStrongEncryption)))
        return {};
    const unsigned char *h = data + loc.localOffset;
    const std::uint64_t start = loc.localOffset + zip::kLocalHeaderSize + zip::u16(h + 26) + zip::u16(h + 28);
    if (start >= size)
        return {};
    const std::uint64_t available = std::min<std::uint64_t>(size - start, compressed);
    if (loc.method == 0)
        return QByteArray(reinterpret_cast<const char *>(data + start), qsizetype(std::min<std::uint64_t>(available, kHeadBytes)));
    if (loc.method != 8)
        return {};
    QByteArray out(kHeadBytes, '\0');
    z_stream stream{};
    if (inflateInit2(&stream, -MAX_WBITS) != Z_OK)
        return {};
    stream.next_in = const_cast<unsigned char *>(data + start);
    stream.avail_in = uInt(std::min<std::uint64_t>(available, 1u << 20));
    stream.next_out = reinterpret_cast<unsigned char *>(out.data());
    stream.avail_out = kHeadBytes;
    while (stream.avail_out > 0) {
        const int status = inflate(&stream, Z_NO_FLUSH);
        if (status != Z_OK)
            break;
    }
    out.truncate(kHeadBytes - qsizetype(stream.avail_out));
    inflateEnd(&stream);
    return out;
}

} // namespace

BinaryKind BinarySniffer::classify(QByteArrayView head, QByteArrayView name)
{
    if (head.size() >= 20 && head.startsWith("\x7f" "ELF")) {
        const auto *p = reinterpret_cast<const unsigned char *>(head.data());
        const bool little = p[5] == 1;
        const std::uint16_t machine = little ? std::uint16_t(p[18] | (p[19] << 8)) : std::uint16_t((p[18] << 8) | p[19]);
        if (machine == 0x3E)
            return BinaryKind::ElfX86_64;
        if (machine == 0xB7)
            return BinaryKind::ElfAarch64;
        return BinaryKind::ElfOther;
    }
    if (head.size() >= 8) {
        const auto *p = reinterpret_cast<const unsigned char *>(head.data());
        const std::uint32_t magic = zip::u32(p);
        if (magic == 0xFEEDFACEu || magic == 0xFEEDFACFu || magic == 0xCEFAEDFEu || magic == 0xCFFAEDFEu)
            return BinaryKind::MachO;
        // Universal binaries share 0xCAFEBABE with Java classes, whose next
        // field is a version (>= 45) where a fat header counts a few archs.
        if (magic == 0xBEBAFECAu && !name.endsWith(".class")) {
            const std::uint32_t archs = (std::uint32_t(p[4]) << 24) | (p[5] << 16) | (p[6] << 8) | p[7];
            if (archs > 0 && archs < 20)
                return BinaryKind::MachO;
        }
        if (p[0] == 'M' && p[1] == 'Z')
            return BinaryKind::PortableExecutable;
    }
    return BinaryKind::Unknown;
}

std::vector<BinarySniffer::Found> BinarySniffer::sniff(const Package &package, const std::vector<std::uint8_t> &excluded)
{
    std::vector<Found> found;
    const PackageTree &tree = package.tree;
    auto wanted = [&](NodeId id) { return (excluded.empty() || !excluded[id]) && isCandidate(tree, id); };
    if (package.format == PackageFormat::Zip) {
        QFile file(package.path);
        if (!file.open(QIODevice::ReadOnly) || std::uint64_t(file.size()) != package.fileSize)
            return found;
        const unsigned char *data = file.map(0, file.size());
        if (!data)
            return found;
        for (NodeId id = 1; id < tree.nodeCount(); ++id) {
            if (!wanted(id))
                continue;
            const ZipEntryLocation *loc = tree.zipLocation(id);
            if (!loc)
                continue;
            const BinaryKind kind =
                classify(zipHead(data, package.fileSize, *loc, tree.node(id).totals.compressed), tree.nameBytes(id));
            if (kind != BinaryKind::Unknown)
                found.push_back({id, kind});
        }
        file.unmap(const_cast<unsigned char *>(data));
    } else if (package.format == PackageFormat::Directory) {
        const QDir root(package.path);
        for (NodeId id = 1; id < tree.nodeCount(); ++id) {
            if (!wanted(id))
                continue;
            QFile file(root.filePath(tree.path(id)));
            if (!file.open(QIODevice::ReadOnly))
                continue;
            const BinaryKind kind = classify(file.read(kHeadBytes), tree.nameBytes(id));
            if (kind != BinaryKind::Unknown)
                found.push_back({id, kind});
        }
    }
    return found;
}

} // namespace packscope
