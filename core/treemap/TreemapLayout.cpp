#include "treemap/TreemapLayout.h"
#include "session/Session.h"
#include "treemap/TreemapSource.h"

#include <algorithm>
#include <array>
#include <limits>

namespace packscope {

namespace {

// An item waiting to be placed: a node, or a folder's merged small items.
struct Item {
    NodeRef ref;
    std::uint64_t size = 0;
    std::uint32_t smallItems = 0;  // > 0 for a remainder
    FileKind kind = FileKind::Other;  // a remainder's: what most of its files' bytes are
};

// What a remainder is mostly made of: the kind of more than half of its
// bytes, counting the files merged into it (a merged folder counts as
// none), else Other.
class RemainderKinds
{
public:
    void add(FileKind kind, std::uint64_t bytes) { m_bytes[std::size_t(kind)] += bytes; }
    FileKind dominant(std::uint64_t total) const
    {
        for (int k = 0; k < kFileKindCount; ++k) {
            if (m_bytes[std::size_t(k)] * 2 > total)
                return FileKind(k);
        }
        return FileKind::Other;
    }

private:
    std::array<std::uint64_t, kFileKindCount> m_bytes{};
};

std::uint64_t sizeOf(const TreemapSource &source, const NodeRef &ref, SizeMode mode)
{
    const SizeTotals kept = source.exclusions(ref.package).keptTotals(ref.node);
    return mode == SizeMode::Unzipped ? kept.unzipped : kept.footprint;
}

// Splits `rect` among `items` (sorted largest first, all sizes > 0) in
// proportion to their sizes, choosing rows that keep tiles close to squares.
void squarify(const std::vector<Item> &items, QRectF rect, std::vector<QRectF> &out)
{
    out.clear();
    double total = 0;
    for (const Item &item : items)
        total += double(item.size);
    std::size_t i = 0;
    while (i < items.size()) {
        const double area = rect.width() * rect.height();
        const double scale = total > 0 ? area / total : 0;
        const double side = std::min(rect.width(), rect.height());
        const double side2 = side * side;
        // Grow the row while the worst aspect ratio in it improves.
        double rowSum = 0;
        double best = std::numeric_limits<double>::infinity();
        std::size_t j = i;
        while (j < items.size()) {
            const double sum = rowSum + double(items[j].size) * scale;
            const double largest = double(items[i].size) * scale;
            const double smallest = double(items[j].size) * scale;
            const double worst = std::max(side2 * largest / (sum * sum), (sum * sum) / (side2 * smallest));
            if (j > i && worst > best)
                break;
            best = worst;
            rowSum = sum;
            ++j;
        }
        const bool last = j == items.size();
        double rowTotal = 0;
        for (std::size_t k = i; k < j; ++k)
            rowTotal += double(items[k].size);
        if (rect.width() >= rect.height()) {
            // A column at the left, as wide as the row's share of the area.
            const double width = last ? rect.width() : (scale > 0 ? rowSum / rect.height() : 0);
            double y = rect.top();
            for (std::size_t k = i; k < j; ++k) {
                const double h = k + 1 == j ? rect.bottom() - y : rect.height() * double(items[k].size) / rowTotal;
                out.emplace_back(rect.left(), y, width, h);
                y += h;
            }
            rect.setLeft(rect.left() + width);
        } else {
            const double height = last ? rect.height() : (scale > 0 ? rowSum / rect.width() : 0);
            double x = rect.left();
            for (std::size_t k = i; k < j; ++k) {
                const double w = k + 1 == j ? rect.right() - x : rect.width() * double(items[k].size) / rowTotal;
                out.emplace_back(x, rect.top(), w, height);
                x += w;
            }
            rect.setTop(rect.top() + height);
        }
        total -= rowTotal;
        i = j;
    }
}

} // namespace

QRectF TreemapLayout::interiorOf(const TreemapTile &tile, const TreemapOptions &options)
{
    if (!tile.folder || tile.remainder)
        return {};
    const double pad = options.framePadding;
    const double header = tile.hasHeader ? options.headerHeight : 0.0;
    return tile.rect.adjusted(pad, pad + header, -pad, -pad);
}

TreemapLayout TreemapLayout::compute(const Session &session, const std::vector<NodeRef> &roots, const QRectF &bounds,
                                     const TreemapOptions &options)
{
    return compute(TreemapSource::viewOf(session), roots, bounds, options);
}

TreemapLayout TreemapLayout::compute(const TreemapSource &source, const std::vector<NodeRef> &roots,
                                     const QRectF &bounds, const TreemapOptions &options)
{
    TreemapLayout layout;
    layout.m_bounds = bounds;
    std::vector<Item> items;
    std::vector<QRectF> rects;
    const double minArea = options.minTileSide * options.minTileSide;

    // Places `items` in `area` as children of tile `parent` (-1: top level).
    // The children become one contiguous run of tiles.
    auto place = [&](std::int32_t parent, const QRectF &area, std::uint16_t depth, bool inDocs) {
        std::sort(items.begin(), items.end(), [](const Item &a, const Item &b) {
            if (a.size != b.size)
                return a.size > b.size;
            return a.smallItems < b.smallItems;  // the remainder goes after equal items
        });
        squarify(items, area, rects);
        const auto first = std::uint32_t(layout.m_tiles.size());
        for (std::size_t k = 0; k < items.size(); ++k) {
            const Item &item = items[k];
            TreemapTile tile;
            tile.rect = rects[k];
            tile.ref = item.ref;
            tile.size = item.size;
            tile.parent = parent;
            tile.depth = depth;
            tile.smallItems = item.smallItems;
            tile.remainder = item.smallItems > 0;
            tile.kind = item.kind;
            if (!tile.remainder) {
                const PackageTree &tree = source.package(item.ref.package).tree;
                tile.folder = tree.isFolder(item.ref.node);
                if (!tile.folder)
                    tile.kind = classifyFile(tree.nameBytes(item.ref.node), inDocs);
                tile.hasHeader = tile.folder && tile.rect.height() >= 3 * options.headerHeight
                    && tile.rect.width() >= 4 * options.headerHeight;
            }
            layout.m_tiles.push_back(tile);
        }
        if (parent >= 0) {
            layout.m_tiles[std::size_t(parent)].firstChild = first;
            layout.m_tiles[std::size_t(parent)].childCount = std::uint32_t(items.size());
        }
    };

    items.clear();
    for (const NodeRef &root : roots) {
        if (!source.has(root.package))
            continue;
        const std::uint64_t size = sizeOf(source, root, options.mode);
        if (size > 0)
            items.push_back({root, size, 0});
    }
    if (bounds.width() <= 0 || bounds.height() <= 0)
        return layout;
    // No more tiles than pixels / minimum tile area, nor than nodes.
    std::size_t nodes = 0;
    for (const NodeRef &root : roots)
        nodes += source.has(root.package) ? source.package(root.package).tree.nodeCount() : 0;
    layout.m_tiles.reserve(std::min<std::size_t>(nodes, std::size_t(bounds.width() * bounds.height() / std::max(1.0, minArea)) + 64));
    place(-1, bounds, 0, false);
    layout.m_topLevel = std::uint32_t(layout.m_tiles.size());

    // Tiles are appended while walking, so indexes stay valid. Whether a
    // tile lies under a docs/tests folder is carried down beside the tiles.
    std::vector<std::uint8_t> underDocs(layout.m_tiles.size(), 0);
    for (std::size_t index = 0; index < layout.m_tiles.size(); ++index) {
        const TreemapTile tile = layout.m_tiles[index];
        if (!tile.folder || tile.remainder)
            continue;
        const QRectF area = interiorOf(tile, options);
        const PackageTree &tree = source.package(tile.ref.package).tree;
        const ExclusionSet &exclusions = source.exclusions(tile.ref.package);
        const bool inDocs = underDocs[index] || isDocsOrTestsFolder(tree.nameBytes(tile.ref.node));
        if (area.width() < options.minTileSide || area.height() < options.minTileSide) {
            // Too small to show its items: it takes the kind of the files
            // directly in it, as a remainder does.
            RemainderKinds kinds;
            for (NodeId child : tree.children(tile.ref.node)) {
                if (!tree.isFolder(child)) {
                    const SizeTotals kept = exclusions.keptTotalsInKeptFolder(child);
                    kinds.add(classifyFile(tree.nameBytes(child), inDocs),
                              options.mode == SizeMode::Unzipped ? kept.unzipped : kept.footprint);
                }
            }
            layout.m_tiles[index].kind = kinds.dominant(tile.size);
            continue;
        }
        const double scale = area.width() * area.height() / double(tile.size);
        items.clear();
        Item small{tile.ref, 0, 0};
        RemainderKinds smallKinds;
        for (NodeId child : tree.children(tile.ref.node)) {
            // The folder has a tile, so it is not excluded: O(1) per child.
            const SizeTotals kept = exclusions.keptTotalsInKeptFolder(child);
            const std::uint64_t size = options.mode == SizeMode::Unzipped ? kept.unzipped : kept.footprint;
            if (size == 0)
                continue;
            if (double(size) * scale < minArea) {
                small.size += size;
                ++small.smallItems;
                if (!tree.isFolder(child))
                    smallKinds.add(classifyFile(tree.nameBytes(child), inDocs), size);
            } else {
                items.push_back({{tile.ref.package, child}, size, 0});
            }
        }
        if (small.size > 0) {
            small.kind = smallKinds.dominant(small.size);
            items.push_back(small);
        }
        if (!items.empty()) {
            place(std::int32_t(index), area, std::uint16_t(tile.depth + 1), inDocs);
            underDocs.resize(layout.m_tiles.size(), inDocs ? 1 : 0);
        }
    }
    return layout;
}

int TreemapLayout::step(int tile, Step direction) const
{
    if (m_tiles.empty())
        return -1;
    if (tile < 0 || tile >= int(m_tiles.size()))
        return 0;
    const TreemapTile &from = m_tiles[std::size_t(tile)];
    auto drawable = [this](int index) { return !m_tiles[std::size_t(index)].remainder; };
    switch (direction) {
    case Step::Up:
        return from.parent >= 0 ? from.parent : tile;
    case Step::Down:
        for (int i = int(from.firstChild); i < int(from.firstChild + from.childCount); ++i) {
            if (drawable(i))
                return i;
        }
        return tile;
    case Step::Previous:
    case Step::Next: {
        const int by = direction == Step::Next ? 1 : -1;
        for (int i = tile + by; i >= 0 && i < int(m_tiles.size()); i += by) {
            if (m_tiles[std::size_t(i)].parent == from.parent && drawable(i))
                return i;
        }
        return tile;
    }
    }
    return tile;
}

int TreemapLayout::tileAt(const QPointF &point) const
{
    std::uint32_t begin = 0, end = m_topLevel;
    int found = -1;
    while (begin < end) {
        int next = -1;
        for (std::uint32_t i = begin; i < end; ++i) {
            if (m_tiles[i].rect.contains(point)) {
                next = int(i);
                break;
            }
        }
        if (next < 0)
            break;
        found = next;
        begin = m_tiles[std::size_t(next)].firstChild;
        end = begin + m_tiles[std::size_t(next)].childCount;
    }
    return found;
}

int TreemapLayout::tileOf(const Session &session, const NodeRef &ref) const
{
    if (ref.package < 0 || ref.package >= session.packageCount() || !session.package(ref.package))
        return -1;
    return tileOf(session.package(ref.package)->tree, ref);
}

int TreemapLayout::tileOf(const PackageTree &tree, const NodeRef &ref) const
{
    const auto key = [](int package, NodeId node) { return (quint64(std::uint32_t(package)) << 32) | node; };
    if (m_tileIndex.isEmpty() && !m_tiles.empty()) {
        m_tileIndex.reserve(qsizetype(m_tiles.size()));
        for (std::size_t i = 0; i < m_tiles.size(); ++i) {
            if (!m_tiles[i].remainder)
                m_tileIndex.insert(key(m_tiles[i].ref.package, m_tiles[i].ref.node), int(i));
        }
    }
    for (NodeId node = ref.node; node != kNoNode && node < tree.nodeCount(); node = tree.node(node).parent) {
        const auto found = m_tileIndex.constFind(key(ref.package, node));
        if (found != m_tileIndex.constEnd())
            return found.value();
    }
    return -1;
}

} // namespace packscope
