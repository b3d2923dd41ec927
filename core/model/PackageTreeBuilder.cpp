#include "model/PackageTreeBuilder.h"

#include "model/DuplicateFiles.h"
#include "text/ByteHash.h"
#include "text/ByteWords.h"
#include "text/Cp437.h"
#include "text/PathScan.h"
#include "text/PathSegments.h"

#include <cstring>

#include <sys/mman.h>

using namespace Qt::StringLiterals;

namespace packscope {

namespace {

bool isDriveLetter(QByteArrayView segment)
{
    return segment.size() == 2 && segment[1] == ':'
        && ((segment[0] >= 'A' && segment[0] <= 'Z') || (segment[0] >= 'a' && segment[0] <= 'z'));
}

// Drops empty and "." segments into `storage`; returns a view of the result.
QByteArrayView cleaned(QByteArrayView path, QByteArray &storage)
{
    storage.clear();
    forEachPathSegment(path, [&](QByteArrayView segment) {
        if (!segment.isEmpty() && segment != ".") {
            if (!storage.isEmpty())
                storage += '/';
            storage += segment;
        }
    });
    return storage;
}

} // namespace

PackageTreeBuilder::PackageTreeBuilder(PackageWarnings *warnings, std::size_t expectedEntries,
                                       std::size_t expectedNameBytes)
    : m_warnings(warnings), m_folders(expectedEntries / 8), m_expectedEntries(expectedEntries)
{
    m_tree.m_nodes.reserve(expectedEntries + expectedEntries / 4 + 1);
    // Sized but untouched pages cost nothing, so the upper bound is cheap.
    m_tree.m_names.resize(std::max(expectedNameBytes, expectedEntries * 12));
    // Reserved, not written: folders and their paths rarely outgrow these
    // bounds (only in deep trees, where they grow), and growing copies.
    m_folderList.reserve(expectedEntries + 1);
    m_folderPaths.reserve(expectedNameBytes);
    m_nameBuffer = m_tree.m_names.data();
    m_tree.m_childIds.reserve(m_tree.m_nodes.capacity());
    // What mapStorageAhead() maps: the nodes and child ids of the expected
    // entries (their folders come on top) and their names at a typical 16
    // bytes each (longer names fault the rest in themselves).
    m_reserved = {{{reinterpret_cast<char *>(m_tree.m_nodes.data()), expectedEntries * sizeof(PackageNode),
                    sizeof(PackageNode)},
                   {m_nameBuffer, std::min(std::size_t(m_tree.m_names.size()), expectedEntries * 16), 16},
                   {reinterpret_cast<char *>(m_tree.m_childIds.data()), expectedEntries * sizeof(NodeId),
                    sizeof(NodeId)}}};
    PackageNode root;
    root.kind = NodeKind::Folder;
    root.flags = NodeImplicit;
    m_tree.m_nodes.push_back(root);
    m_folderList.push_back({0, 0, m_tree.root(), false});
}

void PackageTreeBuilder::mapStorageAhead(std::size_t from, std::size_t to) const
{
#ifdef MADV_POPULATE_WRITE
    constexpr std::uintptr_t kPage = 4096;
    for (const Reservation &reserved : m_reserved) {
        // Whole pages only, rounded down at both ends: successive calls map
        // the storage without gaps or overlaps.
        const auto base = reinterpret_cast<std::uintptr_t>(reserved.begin);
        const auto begin = (base + std::min(from * reserved.bytesPerEntry, reserved.bytes)) & ~(kPage - 1);
        const auto end = (base + std::min(to * reserved.bytesPerEntry, reserved.bytes)) & ~(kPage - 1);
        if (end > begin && madvise(reinterpret_cast<void *>(begin), end - begin, MADV_POPULATE_WRITE) != 0)
            return;  // an older kernel: the builder faults pages in itself
    }
#else
    (void)from;
    (void)to;
#endif
}

void PackageTreeBuilder::warn(const char *code, QByteArrayView path, const QString &message)
{
    if (m_warnings)
        m_warnings->add(QString::fromLatin1(code), [&] { return std::pair{QString::fromUtf8(path), message}; });
}

NodeId PackageTreeBuilder::newNode(NodeId parent, QByteArrayView name, NodeKind kind)
{
    PackageNode node;
    node.parent = parent;
    node.kind = kind;
    node.nameOffset = std::uint32_t(m_namesUsed);
    node.nameLength = std::uint16_t(std::min<qsizetype>(name.size(), 0xFFFF));
    // Names are copied straight into the pool, which grows only when CP437
    // names outgrow the bound it was sized with.
    if (m_namesUsed + node.nameLength > m_tree.m_names.size()) {
        // Only the bytes written so far move: the rest was never written.
        LargeVector<char> grown;
        grown.resize(std::max(m_tree.m_names.size() * 2, m_namesUsed + node.nameLength));
        if (m_namesUsed > 0)
            std::memcpy(grown.data(), m_nameBuffer, m_namesUsed);
        m_tree.m_names.swap(grown);
        m_nameBuffer = m_tree.m_names.data();
    }
    if (node.nameLength > 0)  // an empty name may have no bytes at all
        std::memcpy(m_nameBuffer + m_namesUsed, name.data(), node.nameLength);
    m_namesUsed += node.nameLength;
    m_tree.m_nodes.push_back(node);
    return NodeId(m_tree.m_nodes.size() - 1);
}

bool PackageTreeBuilder::isFolderPath(std::uint32_t folder, QByteArrayView path) const
{
    const Folder &f = m_folderList[folder];
    return f.pathLength == std::size_t(path.size())
        && words::sameBytes(m_folderPaths.data() + f.pathOffset, path.data(), f.pathLength);
}

NodeId PackageTreeBuilder::folderFor(QByteArrayView dirPath, bool *unsafe)
{
    if (dirPath.isEmpty())
        return m_tree.root();
    std::uint32_t folder = m_lastFolder;
    if (!isFolderPath(folder, dirPath)) {
        const std::uint64_t hash = hashBytes(dirPath);
        folder = m_folders.find(hash, [&](std::uint32_t candidate) { return isFolderPath(candidate, dirPath); });
        if (folder == FolderNumberIndex::kNotFound) {
            const qsizetype slash = dirPath.lastIndexOf('/');
            const NodeId parent = folderFor(slash < 0 ? QByteArrayView() : dirPath.first(slash), unsafe);
            // Everything below a ".." folder escapes the root; the ".." folder's
            // node is the one flagged.
            const bool parentUnsafe = slash >= 0 && m_folderList[m_lastFolder].unsafe;
            const QByteArrayView name = slash < 0 ? dirPath : dirPath.sliced(slash + 1);
            const NodeId id = newNode(parent, name, NodeKind::Folder);
            const bool dotDot = name == "..";
            m_tree.m_nodes[id].flags = std::uint8_t(NodeImplicit | (dotDot ? NodeUnsafePath : 0));
            folder = std::uint32_t(m_folderList.size());
            m_folderList.push_back({std::uint32_t(m_folderPaths.size()), std::uint32_t(dirPath.size()), id,
                                    dotDot || parentUnsafe});
            m_folderPaths.insert(m_folderPaths.end(), dirPath.begin(), dirPath.end());
            m_folders.insert(hash, folder);
        }
    }
    const Folder &found = m_folderList[folder];
    if (found.unsafe)
        *unsafe = true;
    m_lastFolder = folder;
    return found.node;
}

NodeId PackageTreeBuilder::addEntry(QByteArrayView rawPath, const EntryData &data)
{
    std::uint8_t flags = data.flags;
    QByteArrayView path = rawPath;
    while (path.endsWith('/'))
        path.chop(1);  // "dir/" names the folder "dir"
    const PathScan found = scanPath(path);
    bool unsafe = rawPath.startsWith('/') || found.nul;
    QByteArray storage;
    qsizetype slash = found.lastSlash;
    if (found.mayNeedCleaning) {
        path = cleaned(path, storage);
        slash = path.lastIndexOf('/');
    }
    // A bare "/" or "./" directory entry (bsdtar writes "./") names the
    // package root itself: it is counted on the root.
    if (path.isEmpty() && data.kind != NodeKind::Folder)
        warn("empty-name", rawPath, u"entry has no name; it is counted but cannot be extracted"_s);
    if (path.size() >= 2 && path[1] == ':' && isDriveLetter(path.first(path.size() == 2 || path[2] == '/' ? 2 : 0)))
        unsafe = true;
    if (found.backslash)
        warn("backslash-path", rawPath,
             u"path uses '\\' as a separator; on Lambda it becomes part of the file name"_s);
    if (found.highBytes && !isValidUtf8(path)) {
        flags |= NodeNameNotUtf8;
        warn("invalid-utf8", rawPath, u"name is not valid UTF-8"_s);
    }

    const QByteArrayView dirPart = slash < 0 ? QByteArrayView() : path.first(slash);
    const QByteArrayView leaf = slash < 0 ? path : path.sliced(slash + 1);
    if (leaf == "..")
        unsafe = true;

    NodeId id;
    if (data.kind == NodeKind::Folder) {
        id = path.isEmpty() ? m_tree.root() : folderFor(path, &unsafe);
        PackageNode &node = m_tree.m_nodes[id];
        if (!(node.flags & NodeImplicit)) {
            node.flags |= NodeDuplicate;
            flags |= NodeDuplicate;
            warn("duplicate-name", path, u"two directory entries have this path"_s);
        }
        node.flags = std::uint8_t((node.flags & ~NodeImplicit) | flags);
    } else {
        // Files with the same path are found in finish(), folder by folder.
        id = newNode(folderFor(dirPart, &unsafe), leaf, data.kind);
        m_tree.m_nodes[id].flags = flags;
    }
    if (unsafe) {
        m_tree.m_nodes[id].flags |= NodeUnsafePath;
        warn("unsafe-path", rawPath,
             u"path escapes the package root (absolute, drive letter, '..' or NUL byte); shown as a literal name"_s);
    }

    PackageNode &node = m_tree.m_nodes[id];
    node.mode = std::uint16_t(data.mode);
    std::uint64_t unzipped = data.unzipped;
    if (unzipped > kMaxPackageUnzipped - m_declaredUnzipped) {
        unzipped = kMaxPackageUnzipped - m_declaredUnzipped;
        if (!m_cappedWarned) {
            m_cappedWarned = true;
            warn("size-overflow", path,
                 u"declared uncompressed sizes add up past 2^60 bytes; counted as capped at that total"_s);
        }
    }
    m_declaredUnzipped += unzipped;
    node.totals.unzipped += unzipped;
    node.totals.compressed += data.compressed;
    node.totals.footprint += data.footprint;
    if (data.kind == NodeKind::Folder) {
        node.totals.dirs += 1;
    } else {
        node.totals.files = 1;
        node.totals.symlinks = data.kind == NodeKind::Symlink ? 1 : 0;
    }
    node.entryIndex = data.entryIndex;
    if (data.entryIndex != kNoEntry) {
        LargeVector<NodeId> &entryNodes = m_tree.m_entryNodes;
        if (entryNodes.size() <= data.entryIndex) {
            // Grown in doubling steps inside the reservation for the expected
            // entries: an end record that lies about the count commits nothing
            // for entries that never come.
            if (entryNodes.capacity() == 0)
                entryNodes.reserve(m_expectedEntries);
            entryNodes.resize(std::max<std::size_t>(std::size_t(data.entryIndex) + 1,
                                                    std::min(entryNodes.capacity(), 2 * entryNodes.size() + 4096)),
                              kNoNode);
        }
        entryNodes[data.entryIndex] = id;
    }
    return id;
}

void PackageTreeBuilder::addEntryFlags(std::uint32_t entryIndex, std::uint8_t flags)
{
    const NodeId id = m_tree.entryNode(entryIndex);
    if (id != kNoNode)
        m_tree.m_nodes[id].flags |= flags;
}

void PackageTreeBuilder::addEntryFlags(PackageTree &tree, std::uint32_t entryIndex, std::uint8_t flags)
{
    const NodeId id = tree.entryNode(entryIndex);
    if (id != kNoNode)
        tree.m_nodes[id].flags |= flags;
}

void PackageTreeBuilder::addFootprint(std::uint32_t entryIndex, std::uint64_t bytes)
{
    const NodeId id = m_tree.entryNode(entryIndex);
    if (id != kNoNode)
        m_tree.m_nodes[id].totals.footprint += bytes;
}

void PackageTreeBuilder::adoptZipLocations(LargeVector<ZipEntryLocation> locations)
{
    m_tree.m_zipLocations = std::move(locations);
}

void PackageTreeBuilder::flagDuplicateFiles()
{
    std::vector<NodeId> folders;
    folders.reserve(m_folderList.size());
    for (const Folder &f : m_folderList)
        folders.push_back(f.node);
    auto &nodes = m_tree.m_nodes;
    forEachDuplicateFile(m_tree, folders, [&](NodeId earlier, NodeId later) {
        nodes[earlier].flags |= NodeDuplicate;
        nodes[later].flags |= NodeDuplicate;
        warn("duplicate-name", m_tree.pathBytes(later),
             u"another entry has the same path; both are counted, only one survives extraction"_s);
    });
}

PackageTree PackageTreeBuilder::finish()
{
    auto &nodes = m_tree.m_nodes;
    // Children always have larger ids than their parents, so one backwards
    // pass sums every subtree and counts children (in firstChild, for now).
    for (std::size_t i = nodes.size() - 1; i > 0; --i) {
        PackageNode &parent = nodes[nodes[i].parent];
        parent.totals += nodes[i].totals;
        ++parent.firstChild;
    }
    // Each node's children end where the next node's begin; placing them
    // backwards from that end leaves firstChild at their beginning.
    std::uint32_t next = 0;
    for (PackageNode &node : nodes) {
        next += node.firstChild;
        node.firstChild = next;
    }
    m_tree.m_childIds.resize(next);
    for (std::size_t i = nodes.size() - 1; i > 0; --i)
        m_tree.m_childIds[--nodes[nodes[i].parent].firstChild] = NodeId(i);
    flagDuplicateFiles();
    m_folders.clear();
    // The names' unused reservation stays: never written, it costs no memory,
    // where shrinking would copy every name into fresh pages.
    m_tree.m_names.resize(m_namesUsed);
    m_folderPaths = std::vector<char>();
    m_folderList.clear();
    PackageTree tree = std::move(m_tree);
    m_tree = PackageTree();
    m_nameBuffer = nullptr;
    m_namesUsed = 0;
    return tree;
}

} // namespace packscope
