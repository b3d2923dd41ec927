#include "model/DuplicateFiles.h"

#include "model/HugePageAllocator.h"
#include "text/ByteHash.h"
#include "text/ByteWords.h"

#include <algorithm>
#include <bit>
#include <vector>

namespace packscope {

namespace {

// A file's name key for finding duplicates: its length, and its first and
// last eight bytes mixed. Equal names have equal keys.
using NameKey = std::pair<std::size_t, std::uint64_t>;
using KeyedFile = std::pair<NameKey, NodeId>;

NameKey nameKey(QByteArrayView name)
{
    const auto size = std::size_t(name.size());
    if (size == 0)
        return {0, 0};
    const char *p = name.data();
    const std::uint64_t head = size >= 8 ? words::load(p) : words::loadTail(p, size, 0, 0);
    const std::uint64_t tail = size >= 8 ? words::load(p + size - 8) : head;
    return {size, head ^ std::rotl(tail, 29)};
}

constexpr std::size_t kFewFiles = 12;
constexpr std::size_t kManyFiles = 256;

bool anyKeyTwice(const std::vector<KeyedFile> &few)
{
    for (std::size_t i = 1; i < few.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j) {
            if (few[i].first == few[j].first)
                return true;
        }
    }
    return false;
}

// The files among `kids` whose name another of them also has, keyed, found
// in one pass through a hash table of the names: sorting every file of a
// folder of thousands took 10 ms for 70,000.
std::vector<KeyedFile> repeatedNames(std::span<const NodeId> kids, const PackageTree &tree)
{
    // A slot holds 32 bits of the name's hash and the kid's index + 1, so a
    // probe compares names only when the hashes agree. At most half full.
    const std::size_t capacity = std::bit_ceil(kids.size() * 2);
    LargeVector<std::uint64_t> table;
    table.assign(capacity, 0);
    std::vector<NodeId> repeated;
    for (std::size_t i = 0; i < kids.size(); ++i) {
        if (tree.node(kids[i]).kind == NodeKind::Folder)
            continue;
        const QByteArrayView name = tree.nameBytes(kids[i]);
        const std::uint64_t hash = hashBytes(name);
        const std::uint64_t slot = (hash & 0xFFFFFFFF00000000u) | (i + 1);
        for (std::size_t at = (hash ^ (hash >> 32)) & (capacity - 1);; at = (at + 1) & (capacity - 1)) {
            if (table[at] == 0) {
                table[at] = slot;
                break;
            }
            const NodeId other = kids[std::uint32_t(table[at]) - 1];
            if ((table[at] >> 32) == (hash >> 32) && tree.nameBytes(other) == name) {
                repeated.push_back(other);
                repeated.push_back(kids[i]);
                break;
            }
        }
    }
    std::sort(repeated.begin(), repeated.end());
    repeated.erase(std::unique(repeated.begin(), repeated.end()), repeated.end());
    std::vector<KeyedFile> files;
    files.reserve(repeated.size());
    for (const NodeId id : repeated)
        files.emplace_back(nameKey(tree.nameBytes(id)), id);
    return files;
}

} // namespace

void forEachDuplicateFile(const PackageTree &tree, std::span<const NodeId> folders,
                          const std::function<void(NodeId earlier, NodeId later)> &found)
{
    // Per folder, its files sorted by name, cheaply: first by a key of the
    // name's length, first and last eight bytes (names in one folder share
    // prefixes like "s3-2006-03-01" and endings like ".min.json", rarely
    // both), by the whole name only where keys are equal. Equal names end up
    // side by side. Folder by folder keeps this in cache, where one table for
    // the whole package missed it on nearly every entry.
    std::vector<KeyedFile> files;
    const auto byName = [&](const KeyedFile &a, const KeyedFile &b) {
        if (a.first != b.first)
            return a.first < b.first;
        return tree.nameBytes(a.second) < tree.nameBytes(b.second);
    };
    for (const NodeId folder : folders) {
        const std::span<const NodeId> kids = tree.children(folder);
        if (kids.size() < 2)
            continue;
        // A folder of thousands is narrowed to its repeated names first.
        // Most folders hold a few files with no two keys alike: saying so
        // costs fewer steps than sorting them.
        if (kids.size() >= kManyFiles) {
            files = repeatedNames(kids, tree);
        } else {
            files.clear();
            for (NodeId kid : kids) {
                if (tree.node(kid).kind != NodeKind::Folder)
                    files.emplace_back(nameKey(tree.nameBytes(kid)), kid);
            }
            if (files.size() <= kFewFiles && !anyKeyTwice(files))
                continue;
        }
        std::sort(files.begin(), files.end(), byName);
        for (std::size_t i = 1; i < files.size(); ++i) {
            const std::size_t j = i - 1;
            if (files[j].first == files[i].first && tree.nameBytes(files[j].second) == tree.nameBytes(files[i].second))
                found(files[j].second, files[i].second);
        }
    }
}


} // namespace packscope
