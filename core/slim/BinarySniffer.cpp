#include "slim/BinarySniffer.h"
#include "readers/EntryContents.h"
#include "readers/ZipFormat.h"

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

std::vector<BinarySniffer::Found> BinarySniffer::sniff(const Package &package, QString *error)
{
    std::vector<Found> found;
    const PackageTree &tree = package.tree;
    const EntryContents contents(package);
    for (NodeId id = 1; id < tree.nodeCount() && contents.isReadable(); ++id) {
        if (!isCandidate(tree, id))
            continue;
        const BinaryKind kind = classify(contents.head(id, kHeadBytes), tree.nameBytes(id));
        if (kind != BinaryKind::Unknown)
            found.push_back({id, kind});
    }
    if (error)
        *error = contents.error();
    return found;
}

} // namespace packscope
