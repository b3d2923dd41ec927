#pragma once

#include "model/PackageTree.h"
#include "model/PackageWarning.h"

#include "model/FolderNumberIndex.h"

#include <QByteArray>

#include <array>

namespace packscope {

// What a reader knows about one archive entry.
struct EntryData {
    NodeKind kind = NodeKind::File;
    std::uint64_t unzipped = 0;
    std::uint64_t compressed = 0;
    std::uint64_t footprint = 0;
    std::uint32_t mode = 0;
    std::uint8_t flags = 0;               // NodeFlag bits the reader knows (encrypted, ...)
    std::uint32_t entryIndex = kNoEntry;  // the entry's place in the reader's order (zip: its location)
};

// Builds a PackageTree from entries in any order: splits paths into folders
// (creating implicit ones), flags unsafe and duplicate paths with a warning
// each, sums folder totals and lays out the child index. Declared sizes are
// capped so that no total can overflow (see kMaxPackageUnzipped).
class PackageTreeBuilder
{
public:
    // Largest unzipped total one package may declare; above it sizes are capped
    // with a warning. 2^60 bytes keeps six packages' sum inside 63 bits.
    static constexpr std::uint64_t kMaxPackageUnzipped = std::uint64_t(1) << 60;

    // `expectedEntries` and `expectedNameBytes` (the sum of the entries' path
    // lengths, an upper bound of all node names) size the storage up front.
    explicit PackageTreeBuilder(PackageWarnings *warnings, std::size_t expectedEntries = 0,
                                std::size_t expectedNameBytes = 0);

    // Adds an entry at `path` ('/'-separated UTF-8 or raw bytes). Empty and "."
    // segments are dropped; a directory entry that names no segment ("./") is
    // counted on the root; a file without a name gets an empty-named node and
    // a warning. Returns the entry's node.
    NodeId addEntry(QByteArrayView path, const EntryData &data);

    // Hands the tree the zip records its entries' entryIndex refer to.
    void adoptZipLocations(LargeVector<ZipEntryLocation> locations);

    // What a reader learns about an entry after adding it, by its entryIndex:
    // NodeFlag bits, and bytes of its footprint (a zip entry's local record).
    void addEntryFlags(std::uint32_t entryIndex, std::uint8_t flags);
    void addFootprint(std::uint32_t entryIndex, std::uint64_t bytes);
    // The same flags once the tree is finished, for what a reader learns
    // while it finishes (flags add to no total).
    static void addEntryFlags(PackageTree &tree, std::uint32_t entryIndex, std::uint8_t flags);

    // Maps the pages reserved for the nodes, names and child ids of expected
    // entries `from` to `to` before they are written: fresh memory costs a
    // page fault every 4 KiB, a large share of building a tree. For a second
    // thread running ahead of the one adding entries, as far as it has found
    // the entries to exist. It writes no byte and reads nothing adding
    // entries changes (storage that has grown and moved since only gets its
    // old pages mapped, never changed). Does nothing where the system cannot
    // map pages ahead.
    void mapStorageAhead(std::size_t from, std::size_t to) const;

    // Sums totals, builds the child index and hands the tree over; the builder
    // is empty afterwards.
    PackageTree finish();

private:
    NodeId folderFor(QByteArrayView dirPath, bool *unsafe);
    NodeId newNode(NodeId parent, QByteArrayView name, NodeKind kind);
    void warn(const char *code, QByteArrayView path, const QString &message);

    bool isFolderPath(std::uint32_t folder, QByteArrayView path) const;
    void flagDuplicateFiles();

    PackageTree m_tree;
    PackageWarnings *m_warnings;
    // A folder's path (in m_folderPaths), node and whether its path is unsafe:
    // what a lookup needs, in one place, so finding an entry's folder does
    // not touch the node array.
    struct Folder {
        std::uint32_t pathOffset = 0;
        std::uint32_t pathLength = 0;
        NodeId node = 0;
        bool unsafe = false;
    };
    // Folders are numbered in the order they are made (0 is the root), so the
    // lookup tables stay as small as the folder count, not the node count.
    FolderNumberIndex m_folders;  // hash(folder path) -> folder number
    // Reserved for the expected entries but mostly unwritten (folders are far
    // fewer), so not in 2 MiB pages, which would commit memory never used.
    std::vector<Folder> m_folderList;  // by folder number
    std::vector<char> m_folderPaths;  // every folder's full path, back to back
    std::uint32_t m_lastFolder = 0;
    std::size_t m_expectedEntries = 0;
    // Storage reserved for the expected entries, set once at construction.
    struct Reservation {
        char *begin = nullptr;
        std::size_t bytes = 0;
        std::size_t bytesPerEntry = 0;
    };
    std::array<Reservation, 3> m_reserved;
    char *m_nameBuffer = nullptr;  // m_tree.m_names, written up to m_namesUsed
    std::size_t m_namesUsed = 0;
    std::uint64_t m_declaredUnzipped = 0;
    bool m_cappedWarned = false;
};

} // namespace packscope
