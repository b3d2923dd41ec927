#pragma once

#include "model/FileKind.h"
#include "session/NodeRef.h"

#include <QHash>
#include <QRectF>

#include <vector>

namespace packscope {

class PackageTree;
class Session;
class TreemapSource;

// Which size a treemap shows.
enum class SizeMode : std::uint8_t {
    Unzipped,  // declared uncompressed bytes: the 250 MiB limit
    Zipped,    // zip footprint: the 50 MiB limit
};

// One rectangle of a treemap. Children of a tile are contiguous in the tile
// list, so hit-testing and painting walk the hierarchy without lookups.
struct TreemapTile {
    QRectF rect;  // the whole tile; a folder's children sit inside its frame
    NodeRef ref;
    std::uint64_t size = 0;  // bytes in the layout's size mode, after exclusion
    std::int32_t parent = -1;
    std::uint32_t firstChild = 0;
    std::uint32_t childCount = 0;
    std::uint32_t smallItems = 0;  // for a remainder tile: how many items it stands for
    std::uint16_t depth = 0;
    // A file's; for a remainder, or a folder too small to show its items:
    // the kind of more than half of the bytes of the files in it, else Other.
    FileKind kind = FileKind::Other;
    bool folder = false;
    bool hasHeader = false;  // a folder with a label strip at its top
    // Stands for a folder's items too small to draw one by one; ref is the folder.
    bool remainder = false;
};

// Geometry knobs, in the units of the bounds (pixels for a widget).
struct TreemapOptions {
    SizeMode mode = SizeMode::Unzipped;
    double minTileSide = 3.0;     // items whose square would be thinner are merged into a remainder
    double headerHeight = 15.0;   // label strip of folders that are large enough
    double framePadding = 1.5;    // space between a folder's frame and its children
};

// Squarified treemap (Bruls, Huizing, van Wijk 2000) of a session's packages,
// as plain rectangles: computed without a screen, so it is tested and
// benchmarked on its own. A folder's interior (inside its frame and label
// strip) is split among its children exactly in proportion to their sizes.
// Items too small to see are merged per folder into one remainder tile before
// sorting, and folders too small to open are not descended into, so large
// packages cost little. Excluded items have no size and leave the map.
class TreemapLayout
{
public:
    TreemapLayout() = default;

    // Lays out `roots` (usually the function's root, or the function and its
    // layers, or one zoomed-in folder) side by side in `bounds`.
    static TreemapLayout compute(const Session &session, const std::vector<NodeRef> &roots, const QRectF &bounds,
                                 const TreemapOptions &options);
    static TreemapLayout compute(const TreemapSource &source, const std::vector<NodeRef> &roots, const QRectF &bounds,
                                 const TreemapOptions &options);

    const std::vector<TreemapTile> &tiles() const { return m_tiles; }
    std::uint32_t topLevelCount() const { return m_topLevel; }
    QRectF bounds() const { return m_bounds; }

    // Innermost tile containing `point`, or -1.
    int tileAt(const QPointF &point) const;
    // Tile of `ref`, or of its nearest ancestor that has one (a file too small
    // to draw maps to its folder's tile); -1 when none. O(depth) after an
    // index built on the first call.
    int tileOf(const Session &session, const NodeRef &ref) const;
    // The same, given the tree of ref's package.
    int tileOf(const PackageTree &tree, const NodeRef &ref) const;
    // Where the keyboard goes from `tile` (-1: nothing selected yet, which
    // gives the first tile): up to its folder, down to its largest drawn
    // item, or to the previous or next drawn tile beside it (its folder's
    // items, or the other packages at the top). `tile` itself when there is
    // nowhere to go.
    enum class Step { Up, Down, Previous, Next };
    int step(int tile, Step direction) const;
    // The area inside a folder tile's frame and header, where its children go.
    static QRectF interiorOf(const TreemapTile &tile, const TreemapOptions &options);

private:
    std::vector<TreemapTile> m_tiles;
    mutable QHash<quint64, int> m_tileIndex;  // (package, node) -> tile, built on demand
    std::uint32_t m_topLevel = 0;
    QRectF m_bounds;
};

} // namespace packscope
