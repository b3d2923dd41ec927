#include "model/PackageTreeBuilder.h"

#include "text/Cp437.h"

using namespace Qt::StringLiterals;

namespace packscope {

namespace {

bool isDriveLetter(QByteArrayView segment)
{
    return segment.size() == 2 && segment[1] == ':'
        && ((segment[0] >= 'A' && segment[0] <= 'Z') || (segment[0] >= 'a' && segment[0] <= 'z'));
}

// Drops empty and "." segments; returns the clean path, or the input when it
// is already clean (the common case, no copy).
QByteArray normalised(QByteArrayView path)
{
    bool clean = !path.isEmpty() && path.front() != '/';
    for (qsizetype i = 0; clean && i < path.size(); ++i) {
        if (path[i] == '/' && i + 1 < path.size() && path[i + 1] == '/')
            clean = false;
        else if (path[i] == '.' && (i == 0 || path[i - 1] == '/')
                 && (i + 1 == path.size() || path[i + 1] == '/'))
            clean = false;
    }
    if (clean)
        return path.toByteArray();
    QByteArray out;
    out.reserve(path.size());
    qsizetype start = 0;
    while (start <= path.size()) {
        qsizetype end = path.indexOf('/', start);
        if (end < 0)
            end = path.size();
        const QByteArrayView segment = path.sliced(start, end - start);
        if (!segment.isEmpty() && segment != ".") {
            if (!out.isEmpty())
                out += '/';
            out += segment;
        }
        start = end + 1;
    }
    return out;
}

} // namespace

PackageTreeBuilder::PackageTreeBuilder(PackageWarnings *warnings, std::size_t expectedEntries)
    : m_warnings(warnings)
{
    m_tree.m_nodes.reserve(expectedEntries + expectedEntries / 8 + 1);
    m_tree.m_names.reserve(qsizetype(expectedEntries) * 16);
    m_leaves.reserve(expectedEntries);
    PackageNode root;
    root.kind = NodeKind::Folder;
    root.flags = NodeImplicit;
    m_tree.m_nodes.push_back(root);
}

void PackageTreeBuilder::warn(const char *code, QByteArrayView path, const QString &message)
{
    if (m_warnings)
        m_warnings->push_back({QString::fromLatin1(code), QString::fromUtf8(path), message});
}

NodeId PackageTreeBuilder::newNode(NodeId parent, QByteArrayView name, NodeKind kind)
{
    PackageNode node;
    node.parent = parent;
    node.kind = kind;
    node.nameOffset = std::uint32_t(m_tree.m_names.size());
    node.nameLength = std::uint16_t(std::min<qsizetype>(name.size(), 0xFFFF));
    m_tree.m_names.append(name.first(node.nameLength));
    m_tree.m_nodes.push_back(node);
    return NodeId(m_tree.m_nodes.size() - 1);
}

NodeId PackageTreeBuilder::folderFor(QByteArrayView dirPath, bool *unsafe)
{
    if (dirPath.isEmpty())
        return m_tree.root();
    if (dirPath == m_lastDirPath)
        return m_lastDir;
    NodeId id;
    const auto found = m_folders.constFind(dirPath.toByteArray());
    if (found != m_folders.cend()) {
        id = found.value();
    } else {
        const qsizetype slash = dirPath.lastIndexOf('/');
        const NodeId parent = folderFor(slash < 0 ? QByteArrayView() : dirPath.first(slash), unsafe);
        const QByteArrayView name = slash < 0 ? dirPath : dirPath.sliced(slash + 1);
        id = newNode(parent, name, NodeKind::Folder);
        m_tree.m_nodes[id].flags = NodeImplicit;
        if (name == "..")
            m_tree.m_nodes[id].flags |= NodeUnsafePath;
        m_folders.insert(dirPath.toByteArray(), id);
    }
    if (m_tree.m_nodes[id].flags & NodeUnsafePath)
        *unsafe = true;
    m_lastDirPath = dirPath.toByteArray();
    m_lastDir = id;
    return id;
}

NodeId PackageTreeBuilder::addEntry(QByteArrayView rawPath, const EntryData &data)
{
    std::uint8_t flags = data.flags;
    bool unsafe = rawPath.startsWith('/') || rawPath.contains('\0');
    QByteArrayView trimmed = rawPath;
    while (trimmed.endsWith('/'))
        trimmed.chop(1);  // "dir/" names the folder "dir"
    QByteArray path = normalised(trimmed);
    // A bare "/" or "./" directory entry (bsdtar writes "./") names the
    // package root itself: it is counted on the root.
    if (path.isEmpty() && data.kind != NodeKind::Folder)
        warn("empty-name", rawPath, u"entry has no name; it is counted but cannot be extracted"_s);
    const qsizetype firstSlash = path.indexOf('/');
    if (isDriveLetter(QByteArrayView(path).first(firstSlash < 0 ? path.size() : firstSlash)))
        unsafe = true;
    if (path.contains('\\'))
        warn("backslash-path", rawPath,
             u"path uses '\\' as a separator; on Lambda it becomes part of the file name"_s);
    if (!isValidUtf8(path)) {
        flags |= NodeNameNotUtf8;
        warn("invalid-utf8", rawPath, u"name is not valid UTF-8"_s);
    }

    const qsizetype slash = path.lastIndexOf('/');
    const QByteArrayView dirPart = slash < 0 ? QByteArrayView() : QByteArrayView(path).first(slash);
    const QByteArrayView leaf = slash < 0 ? QByteArrayView(path) : QByteArrayView(path).sliced(slash + 1);
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
        const NodeId parent = folderFor(dirPart, &unsafe);
        const std::uint64_t key = qHash(leaf, std::size_t(parent));
        const auto range = m_leaves.equal_range(key);
        for (auto it = range.first; it != range.second; ++it) {
            if (m_tree.nameBytes(it->second) == leaf) {
                m_tree.m_nodes[it->second].flags |= NodeDuplicate;
                flags |= NodeDuplicate;
                warn("duplicate-name", path,
                     u"another entry has the same path; both are counted, only one survives extraction"_s);
                break;
            }
        }
        id = newNode(parent, leaf, data.kind);
        m_leaves.emplace(key, id);
        m_tree.m_nodes[id].flags = flags;
    }
    if (unsafe) {
        m_tree.m_nodes[id].flags |= NodeUnsafePath;
        warn("unsafe-path", rawPath,
             u"path escapes the package root (absolute, drive letter, '..' or NUL byte); shown as a literal name"_s);
    }

    PackageNode &node = m_tree.m_nodes[id];
    node.mode = data.mode;
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
    if (data.location) {
        node.entryIndex = std::uint32_t(m_tree.m_zipLocations.size());
        m_tree.m_zipLocations.push_back(*data.location);
    }
    return id;
}

PackageTree PackageTreeBuilder::finish()
{
    auto &nodes = m_tree.m_nodes;
    // Children always have larger ids than their parents, so one backwards
    // pass sums every subtree and counts children.
    std::vector<std::uint32_t> counts(nodes.size(), 0);
    for (std::size_t i = nodes.size() - 1; i > 0; --i) {
        nodes[nodes[i].parent].totals += nodes[i].totals;
        ++counts[nodes[i].parent];
    }
    std::uint32_t next = 0;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        nodes[i].firstChild = next;
        nodes[i].childCount = 0;
        next += counts[i];
    }
    m_tree.m_childIds.resize(next);
    for (std::size_t i = 1; i < nodes.size(); ++i) {
        PackageNode &parent = nodes[nodes[i].parent];
        m_tree.m_childIds[parent.firstChild + parent.childCount++] = NodeId(i);
    }
    m_folders.clear();
    m_leaves.clear();
    PackageTree tree = std::move(m_tree);
    m_tree = PackageTree();
    return tree;
}

} // namespace packscope
