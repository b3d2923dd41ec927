#pragma once

#include "model/HugePageAllocator.h"
#include "model/SizeTotals.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <cstdint>
#include <span>
#include <vector>

namespace packscope {

using NodeId = std::uint32_t;
inline constexpr NodeId kNoNode = 0xFFFFFFFFu;
// PackageNode::entryIndex of a node without a zip record of its own.
inline constexpr std::uint32_t kNoEntry = 0xFFFFFFFFu;

enum class NodeKind : std::uint8_t { Folder, File, Symlink };

// Per-node flags. Kept as bits so a node stays small.
enum NodeFlag : std::uint8_t {
    NodeImplicit = 1 << 0,  // folder that has no entry of its own in the archive
    NodeEncrypted = 1 << 1,
    NodeDataDescriptor = 1 << 2,
    NodeNameNotUtf8 = 1 << 3,  // stored bytes are not valid UTF-8; shown with replacement chars
    NodeUnsafePath = 1 << 4,   // path had "..", an absolute root, a drive letter or a NUL
    NodeDuplicate = 1 << 5,    // another entry has the same path
    NodeModeKnown = 1 << 6,    // mode came from Unix attributes (otherwise it is a default)
    NodeEscapingLink = 1 << 7,  // a symlink whose target leads outside the package
};

// Where a node's bytes live in a zip, for exporters and diagnostics. Absent for
// packages that are not zips.
struct ZipEntryLocation {
    std::uint64_t localOffset = 0;  // absolute file offset of the local header
    std::uint64_t localLength = 0;  // local record up to the next record (header..descriptor)
    std::uint64_t centralOffset = 0;
    std::uint32_t centralLength = 0;
    std::uint32_t crc32 = 0;
    std::uint16_t method = 0;
    std::uint16_t generalFlags = 0;
};

// One file or folder of a package, in 64 bytes: sizes are totals for folders.
struct PackageNode {
    SizeTotals totals;            // own entry for files; subtree sum for folders
    NodeId parent = kNoNode;
    // The node's children are PackageTree::childIds() from here to the next
    // node's firstChild: they are laid out in node order, so no count is kept.
    std::uint32_t firstChild = 0;
    std::uint32_t nameOffset = 0;  // into the name pool (UTF-8 bytes, or raw bytes if not UTF-8)
    // The node's own entry, in the order the reader met entries (for a zip,
    // the index into zipLocations()); kNoEntry for implicit folders.
    std::uint32_t entryIndex = kNoEntry;
    std::uint16_t mode = 0;        // Unix st_mode (type + permission bits: 16 bits on every Unix)
    std::uint16_t nameLength = 0;
    NodeKind kind = NodeKind::File;
    std::uint8_t flags = 0;
};
static_assert(sizeof(PackageNode) == 64, "a node is one cache line: the tree of a big package stays small");

// The size tree of one package: immutable once built by PackageTreeBuilder.
// Node 0 is the root (the package itself). Node ids are indexes and stay valid
// for the tree's lifetime; every parent id is smaller than its children's ids.
class PackageTree
{
public:
    PackageTree() = default;

    NodeId root() const { return 0; }
    std::size_t nodeCount() const { return m_nodes.size(); }
    const PackageNode &node(NodeId id) const { return m_nodes[id]; }
    std::span<const NodeId> children(NodeId id) const;

    // Name bytes of the node as stored (after CP437 decoding where applicable).
    QByteArrayView nameBytes(NodeId id) const;
    // Name for display; invalid UTF-8 shows replacement characters.
    QString name(NodeId id) const;
    // Path inside the package, '/'-separated, no leading '/'; empty for the root.
    QByteArray pathBytes(NodeId id) const;
    QString path(NodeId id) const;
    // The node at `path` ("a/b/c"; empty and "." segments ignored, as when
    // the tree was built), or kNoNode. O(depth × siblings): for finding one
    // item a message names, not for hot loops.
    NodeId findPath(QByteArrayView path) const;

    bool isFolder(NodeId id) const { return m_nodes[id].kind == NodeKind::Folder; }
    // Location of the node's own zip entry; nullptr for implicit folders and non-zips.
    const ZipEntryLocation *zipLocation(NodeId id) const;
    std::span<const ZipEntryLocation> zipLocations() const { return m_zipLocations; }
    // The node each entry was counted on, by entry index (two directory
    // entries with one path share a node).
    NodeId entryNode(std::uint32_t entryIndex) const
    {
        return entryIndex < m_entryNodes.size() ? m_entryNodes[entryIndex] : kNoNode;
    }

    // Bytes of memory the tree uses (nodes, names, child index, locations),
    // for budgets; storage reserved but never written costs no memory.
    std::size_t memoryBytes() const;

private:
    friend class PackageTreeBuilder;
    LargeVector<PackageNode> m_nodes;
    LargeVector<NodeId> m_childIds;
    LargeVector<ZipEntryLocation> m_zipLocations;
    LargeVector<NodeId> m_entryNodes;
    LargeVector<char> m_names;
};

} // namespace packscope
