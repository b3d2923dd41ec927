#include "TreemapRenderer.h"

#include "FileKindPalette.h"

#include "report/SizeFormat.h"
#include "treemap/TreemapLayout.h"
#include "treemap/TreemapSource.h"

#include <QFileInfo>
#include <QFontMetrics>
#include <QLinearGradient>
#include <QPainter>

#include <algorithm>
#include <iterator>

using namespace Qt::StringLiterals;

namespace packscope {

namespace {

// Colours worked out once per picture rather than once per tile.
struct Colors {
    explicit Colors(const QPalette &palette)
    {
        dark = palette.color(QPalette::Window).lightness() < 128;
        frame = dark ? QColor(20, 22, 26) : QColor(120, 126, 136);
        text = palette.color(QPalette::WindowText);
        placeholder = palette.color(QPalette::PlaceholderText);
        hatch = QBrush(dark ? QColor(255, 255, 255, 40) : QColor(0, 0, 0, 40), Qt::BDiagPattern);
        for (int depth = 0; depth < int(std::size(folders)); ++depth) {
            const int step = depth * 10;
            folders[depth] = dark ? QColor(58 + step, 62 + step, 70 + step) : QColor(206 - step, 210 - step, 216 - step);
            remainders[depth] = folders[depth].darker(108);
        }
        for (int k = 0; k < kFileKindCount; ++k) {
            const QColor base = fileKindColor(FileKind(k));
            kinds[k] = {base, base.lighter(132), base.darker(128),
                        base.lightness() > 140 ? QColor(20, 20, 20) : QColor(250, 250, 250),
                        QColor::fromHsv(base.hsvHue(), base.hsvSaturation() / 5, dark ? 70 : 215),
                        QColor::fromHsv(base.hsvHue(), base.hsvSaturation() * 3 / 5, dark ? 120 : 200)};
        }
    }
    static constexpr std::size_t kLevels = 7;
    static std::size_t level(int depth) { return std::min<std::size_t>(std::size_t(depth), kLevels - 1); }

    struct KindColors {
        QColor base, light, shade, label, dimmed;
        QColor merged;  // a remainder mostly of this kind: muted, under the hatch
    };
    bool dark = false;
    QColor frame, text, placeholder;
    QBrush hatch;
    QColor folders[kLevels];
    QColor remainders[kLevels];
    KindColors kinds[kFileKindCount];
};

bool isFolderFrame(const TreemapTile &tile)
{
    return tile.folder && !tile.remainder;
}

// A file matches when it or a folder above it does; remainders never do.
bool matchesFilter(const TreemapTile &tile, const TreemapSource &source, const NodeFilter &filter)
{
    if (tile.remainder)
        return false;
    const PackageTree &tree = source.package(tile.ref.package).tree;
    for (NodeId node = tile.ref.node; node != kNoNode && node != tree.root(); node = tree.node(node).parent) {
        const QByteArray path = filter.isGlob() ? tree.pathBytes(node) : QByteArray();
        if (filter.matches(tree.nameBytes(node), path, tree.isFolder(node)))
            return true;
    }
    return false;
}

bool dimmed(const TreemapTile &tile, const TreemapSource &source, const TreemapLook &look)
{
    return !look.filter.isEmpty() && !isFolderFrame(tile) && !matchesFilter(tile, source, look.filter);
}

} // namespace

QImage TreemapRenderer::paintTiles(const TreemapLayout &layout, const TreemapSource &source, const TreemapLook &look)
{
    QImage image((QSizeF(look.size) * look.devicePixelRatio).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(look.devicePixelRatio);
    image.fill(look.palette.color(QPalette::Base));
    QPainter painter(&image);
    const Colors colors(look.palette);
    // Tiles come parents first, so painting in order puts children on top.
    for (const TreemapTile &tile : layout.tiles()) {
        const QRectF r = tile.rect;
        if (isFolderFrame(tile)) {
            painter.fillRect(r, colors.frame);
            // A folder too small to show its items is tinted by what they are.
            const bool tinted = tile.childCount == 0 && tile.kind != FileKind::Other
                && (look.filter.isEmpty() || matchesFilter(tile, source, look.filter));
            painter.fillRect(r.adjusted(1, 1, -1, -1),
                             tinted ? colors.kinds[int(tile.kind)].merged : colors.folders[Colors::level(tile.depth)]);
            continue;
        }
        // One solid fill a tile (the raster engine's fast path): leaving the
        // right and bottom pixel unpainted lets the folder behind draw the
        // grid. Only tiles big enough to show it get a cushion gradient.
        const QRectF inner = r.width() >= 3 && r.height() >= 3 ? r.adjusted(0, 0, -1, -1) : r;
        const Colors::KindColors &kind = colors.kinds[int(tile.kind)];
        if (tile.remainder) {
            // Tinted by what it is mostly made of, grey while a filter dims the map.
            const bool tinted = tile.kind != FileKind::Other && !dimmed(tile, source, look);
            painter.fillRect(inner, tinted ? kind.merged : colors.remainders[Colors::level(tile.depth + 1)]);
            painter.fillRect(inner, colors.hatch);
        } else if (dimmed(tile, source, look)) {
            painter.fillRect(inner, kind.dimmed);
        } else if (look.cushions && r.width() >= 10 && r.height() >= 10) {
            // A cheap cushion: light from the top left, shade to the bottom right.
            QLinearGradient gradient(r.topLeft(), r.bottomRight());
            gradient.setColorAt(0, kind.light);
            gradient.setColorAt(1, kind.shade);
            painter.fillRect(inner, gradient);
        } else {
            painter.fillRect(inner, kind.base);
        }
    }
    // Culprits: a red outline on their tile (or the folder standing for them).
    if (!look.culprits.empty()) {
        painter.setPen(QPen(QColor(0xE0, 0x1B, 0x24), 2.5));
        painter.setBrush(Qt::NoBrush);
        for (const NodeRef &ref : look.culprits) {
            const int index = source.has(ref.package) ? layout.tileOf(source.package(ref.package).tree, ref) : -1;
            if (index >= 0)
                painter.drawRect(layout.tiles()[std::size_t(index)].rect.adjusted(1.5, 1.5, -1.5, -1.5));
        }
    }
    return image;
}

void TreemapRenderer::paintLabels(QImage &image, const TreemapLayout &layout, const TreemapSource &source,
                                  const TreemapLook &look)
{
    QPainter painter(&image);
    painter.setFont(look.font);
    const QFontMetrics fm(look.font);
    const Colors colors(look.palette);
    if (layout.tiles().empty()) {
        painter.setPen(colors.placeholder);
        painter.drawText(QRect(QPoint(0, 0), look.size), Qt::AlignCenter | Qt::TextWordWrap, look.emptyText);
        return;
    }
    const int line = fm.height();
    // A name cut to a letter each side ("u…o") says nothing: below room for
    // several letters a tile shows no label (its tooltip names it).
    const int fewestLetters = fm.horizontalAdvance(u"abcdef…"_s);
    for (const TreemapTile &tile : layout.tiles()) {
        const QRectF r = tile.rect;
        if (isFolderFrame(tile)) {
            if (!tile.hasHeader)
                continue;
            const Package &package = source.package(tile.ref.package);
            const QString name = tile.ref.node == package.tree.root() ? QFileInfo(package.path).fileName()
                                                                      : package.tree.name(tile.ref.node);
            // The size stays whole; the name gives way first.
            const QString size = u"  "_s + formatMiB(tile.size);
            const QRectF header(r.left() + 4, r.top() + 1, r.width() - 8, look.headerHeight);
            const int room = int(header.width()) - fm.horizontalAdvance(size);
            if (header.width() < std::min(fewestLetters, fm.horizontalAdvance(name)))
                continue;
            const QString label = room >= fewestLetters ? fm.elidedText(name, Qt::ElideRight, room) + size
                                                        : fm.elidedText(name, Qt::ElideRight, int(header.width()));
            painter.setPen(colors.text);
            painter.drawText(header, Qt::AlignLeft | Qt::AlignVCenter, label);
            continue;
        }
        if (r.width() < 24 || r.height() < line + 2)
            continue;
        const QString name = tile.remainder
            ? (tile.smallItems == 1 ? tr("1 small item") : tr("%n small items", nullptr, int(tile.smallItems)))
            : source.package(tile.ref.package).tree.name(tile.ref.node);
        if (r.width() - 6 < std::min(fewestLetters, fm.horizontalAdvance(name)))
            continue;
        const bool dim = dimmed(tile, source, look);
        const bool twoLines = r.height() >= 2 * line + 4;
        const QString text = fm.elidedText(name, Qt::ElideMiddle, int(r.width() - 6))
            + (twoLines ? u"\n"_s + formatMiB(tile.size) : QString());
        painter.setPen(dim ? colors.placeholder : (tile.remainder ? colors.text : colors.kinds[int(tile.kind)].label));
        painter.drawText(r.adjusted(3, 1, -3, -1), Qt::AlignLeft | Qt::AlignTop, text);
    }
}

} // namespace packscope
