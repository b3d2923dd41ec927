#include "TreemapWidget.h"

#include "ExclusionMenu.h"
#include "FileKindPalette.h"
#include "NodeDragPayload.h"

#include "report/SizeFormat.h"
#include "session/Session.h"

#include <QApplication>
#include <QDrag>
#include <QFileInfo>
#include <QHelpEvent>
#include <QLinearGradient>
#include <QMimeData>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace packscope {

namespace {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor folderColor(const QPalette &palette, int depth)
{
    const int step = std::min(depth, 6) * 10;
    return isDark(palette) ? QColor(58 + step, 62 + step, 70 + step) : QColor(206 - step, 210 - step, 216 - step);
}

} // namespace

TreemapWidget::TreemapWidget(Session *session, QWidget *parent) : QWidget(parent), m_session(session)
{
    setMouseTracking(true);
    setAcceptDrops(true);
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(200, 150);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAccessibleName(tr("Treemap"));
    connect(m_session, &Session::changed, this, &TreemapWidget::onSessionChanged);
    onSessionChanged();
}

void TreemapWidget::setSizeMode(SizeMode mode)
{
    if (m_options.mode == mode)
        return;
    m_options.mode = mode;
    invalidate();
}

void TreemapWidget::setCushions(bool on)
{
    if (m_cushions == on)
        return;
    m_cushions = on;
    m_cacheValid = false;
    update();
}

void TreemapWidget::setFilter(const NodeFilter &filter)
{
    m_filter = filter;
    m_cacheValid = false;
    update();
}

void TreemapWidget::setCulprits(std::vector<NodeRef> culprits)
{
    m_culprits = std::move(culprits);
    m_cacheValid = false;
    update();
}

void TreemapWidget::setSelected(const NodeRef &ref)
{
    if (m_selected == ref)
        return;
    m_selected = ref;
    update();
}

void TreemapWidget::zoomTo(const NodeRef &folder)
{
    NodeRef root = folder;
    if (root.isValid()) {
        if (root.package < 0 || root.package >= m_session->packageCount() || !m_session->package(root.package))
            root = {};
        else if (!m_session->package(root.package)->tree.isFolder(root.node))
            root.node = m_session->package(root.package)->tree.node(root.node).parent;
    }
    // The package root of the only package is the whole view already.
    if (root.isValid() && root.node == 0 && m_session->packageCount() == 1)
        root = {};
    if (root == m_zoomRoot)
        return;
    m_zoomRoot = root;
    invalidate();
    Q_EMIT zoomChanged(m_zoomRoot);
}

void TreemapWidget::zoomOut()
{
    if (!m_zoomRoot.isValid())
        return;
    const PackageTree &tree = m_session->package(m_zoomRoot.package)->tree;
    const NodeId parent = tree.node(m_zoomRoot.node).parent;
    zoomTo(parent == kNoNode ? NodeRef{} : NodeRef{m_zoomRoot.package, parent});
}

const TreemapLayout &TreemapWidget::layout()
{
    if (!m_layoutValid) {
        m_layout = TreemapLayout::compute(*m_session, roots(), QRectF(QPointF(0, 0), QSizeF(size())), m_options);
        m_layoutValid = true;
        m_hoverTile = -1;
    }
    return m_layout;
}

void TreemapWidget::refreshNow()
{
    m_layoutValid = false;
    render();
    repaint();
}

std::vector<NodeRef> TreemapWidget::roots() const
{
    if (m_zoomRoot.isValid())
        return {m_zoomRoot};
    std::vector<NodeRef> all;
    for (int p = 0; p < m_session->packageCount(); ++p) {
        if (m_session->package(p))
            all.push_back({p, 0});
    }
    return all;
}

void TreemapWidget::onSessionChanged()
{
    std::vector<const void *> identity;
    for (int p = 0; p < m_session->packageCount(); ++p)
        identity.push_back(m_session->package(p).get());
    if (identity != m_packageIdentity) {
        m_packageIdentity = identity;
        m_selected = {};
        m_culprits.clear();
        if (m_zoomRoot.isValid()) {
            m_zoomRoot = {};
            Q_EMIT zoomChanged(m_zoomRoot);
        }
    } else if (m_zoomRoot.isValid() && m_session->isExcluded(m_zoomRoot)) {
        // The folder on show was excluded: go up to what is left of it.
        NodeRef up = m_zoomRoot;
        const PackageTree &tree = m_session->package(up.package)->tree;
        while (up.node != kNoNode && m_session->isExcluded(up))
            up.node = tree.node(up.node).parent;
        zoomTo(up.node == kNoNode ? NodeRef{} : up);
    }
    invalidate();
}

void TreemapWidget::invalidate()
{
    m_layoutValid = false;
    m_cacheValid = false;
    update();
}

void TreemapWidget::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    invalidate();
}

bool TreemapWidget::tileMatchesFilter(const TreemapTile &tile) const
{
    if (m_filter.isEmpty())
        return true;
    const PackageTree &tree = m_session->package(tile.ref.package)->tree;
    if (tile.remainder)
        return false;
    // A file matches when it or a folder above it does.
    for (NodeId node = tile.ref.node; node != kNoNode; node = tree.node(node).parent) {
        const QByteArray path = m_filter.usesPath() ? tree.pathBytes(node) : QByteArray();
        if (node != tree.root() && m_filter.matches(tree.nameBytes(node), path, tree.isFolder(node)))
            return true;
    }
    return false;
}

// Colours and metrics worked out once per render rather than once per tile.
struct TreemapWidget::PaintContext {
    explicit PaintContext(const QPalette &palette, const QFont &font) : metrics(font)
    {
        dark = isDark(palette);
        frame = dark ? QColor(20, 22, 26) : QColor(120, 126, 136);
        text = palette.color(QPalette::WindowText);
        placeholder = palette.color(QPalette::PlaceholderText);
        hatch = QBrush(dark ? QColor(255, 255, 255, 40) : QColor(0, 0, 0, 40), Qt::BDiagPattern);
        for (int depth = 0; depth < int(std::size(folders)); ++depth)
            folders[depth] = folderColor(palette, depth);
        for (int k = 0; k < kFileKindCount; ++k) {
            const QColor base = fileKindColor(FileKind(k));
            kinds[k] = {base, base.lighter(132), base.darker(128),
                        base.lightness() > 140 ? QColor(20, 20, 20) : QColor(250, 250, 250),
                        QColor::fromHsv(base.hsvHue(), base.hsvSaturation() / 5, dark ? 70 : 215)};
        }
    }
    struct KindColors {
        QColor base, light, shade, label, dimmed;
    };
    const QColor &folder(int depth) const { return folders[std::min<std::size_t>(std::size_t(depth), std::size(folders) - 1)]; }

    QFontMetrics metrics;
    bool dark = false;
    QColor frame, text, placeholder;
    QBrush hatch;
    QColor folders[7];
    KindColors kinds[kFileKindCount];
};

void TreemapWidget::paintTile(QPainter &painter, const PaintContext &context, const TreemapTile &tile,
                              bool dimmed) const
{
    const QRectF r = tile.rect;
    const QFontMetrics &fm = context.metrics;
    if (tile.folder && !tile.remainder) {
        painter.fillRect(r, context.frame);
        painter.fillRect(r.adjusted(1, 1, -1, -1), context.folder(tile.depth));
        if (tile.hasHeader) {
            const PackageTree &tree = m_session->package(tile.ref.package)->tree;
            const QString name = tile.ref.node == tree.root()
                ? QFileInfo(m_session->package(tile.ref.package)->path).fileName()
                : tree.name(tile.ref.node);
            // The size stays whole; the name gives way first.
            const QString size = u"  "_s + formatMiB(tile.size);
            const QRectF header(r.left() + 4, r.top() + 1, r.width() - 8, m_options.headerHeight);
            const int room = int(header.width()) - fm.horizontalAdvance(size);
            const QString label = room >= fm.horizontalAdvance(u"abc…"_s)
                ? fm.elidedText(name, Qt::ElideRight, room) + size
                : fm.elidedText(name, Qt::ElideRight, int(header.width()));
            painter.setPen(context.text);
            painter.drawText(header, Qt::AlignLeft | Qt::AlignVCenter, label);
        }
        return;
    }
    // One solid fill a tile (the raster engine's fast path): leaving the
    // right and bottom pixel unpainted lets the folder behind draw the grid.
    // Only tiles big enough to show it get a cushion gradient.
    const QRectF inner = r.width() >= 3 && r.height() >= 3 ? r.adjusted(0, 0, -1, -1) : r;
    const PaintContext::KindColors &colors = context.kinds[int(tile.kind)];
    if (tile.remainder) {
        painter.fillRect(inner, context.folder(tile.depth + 1).darker(108));
        painter.fillRect(inner, context.hatch);
    } else if (dimmed) {
        painter.fillRect(inner, colors.dimmed);
    } else if (m_cushions && r.width() >= 10 && r.height() >= 10) {
        // A cheap cushion: light from the top left, shade to the bottom right.
        QLinearGradient gradient(r.topLeft(), r.bottomRight());
        gradient.setColorAt(0, colors.light);
        gradient.setColorAt(1, colors.shade);
        painter.fillRect(inner, gradient);
    } else {
        painter.fillRect(inner, colors.base);
    }
    if (r.width() >= 48 && r.height() >= fm.height() + 2) {
        const PackageTree &tree = m_session->package(tile.ref.package)->tree;
        const QString name = tile.remainder
            ? (tile.smallItems == 1 ? tr("1 small item") : tr("%n small items", nullptr, int(tile.smallItems)))
            : tree.name(tile.ref.node);
        const bool twoLines = r.height() >= 2 * fm.height() + 4;
        const QString text = fm.elidedText(name, Qt::ElideMiddle, int(r.width() - 6))
            + (twoLines ? u"\n"_s + formatMiB(tile.size) : QString());
        painter.setPen(dimmed ? context.placeholder : (tile.remainder ? context.text : colors.label));
        painter.drawText(r.adjusted(3, 1, -3, -1), Qt::AlignLeft | Qt::AlignTop, text);
    }
}

void TreemapWidget::render()
{
    const TreemapLayout &current = layout();
    const qreal dpr = devicePixelRatioF();
    const QSize pixels = (QSizeF(size()) * dpr).toSize();
    if (m_cache.size() != pixels)
        m_cache = QImage(pixels, QImage::Format_ARGB32_Premultiplied);  // the backing store's format
    m_cache.setDevicePixelRatio(dpr);
    m_cache.fill(palette().color(QPalette::Base));
    QPainter painter(&m_cache);
    painter.setRenderHint(QPainter::Antialiasing, false);
    const PaintContext context(palette(), font());
    // Tiles come parents first, so painting in order puts children on top.
    // Dimming decides per file; a folder frame is never dimmed.
    for (std::size_t i = 0; i < current.tiles().size(); ++i) {
        const TreemapTile &tile = current.tiles()[i];
        const bool dim = !m_filter.isEmpty() && !(tile.folder && !tile.remainder) && !tileMatchesFilter(tile);
        paintTile(painter, context, tile, dim);
    }
    // Culprits: a red outline on their tile (or the folder standing for them).
    if (!m_culprits.empty()) {
        painter.setPen(QPen(QColor(0xE0, 0x1B, 0x24), 2.5));
        painter.setBrush(Qt::NoBrush);
        for (const NodeRef &ref : m_culprits) {
            const int index = current.tileOf(*m_session, ref);
            if (index >= 0)
                painter.drawRect(current.tiles()[std::size_t(index)].rect.adjusted(1.5, 1.5, -1.5, -1.5));
        }
    }
    if (current.tiles().empty()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap,
                         m_session->hasFunction() ? tr("Everything is excluded.")
                                                  : tr("Open a package to see its files here."));
    }
    m_cacheValid = true;
}

void TreemapWidget::paintEvent(QPaintEvent *)
{
    if (!m_cacheValid || !m_layoutValid)
        render();
    QPainter painter(this);
    painter.drawImage(0, 0, m_cache);
    const TreemapLayout &current = layout();
    const int selectedTile = m_selected.isValid() ? current.tileOf(*m_session, m_selected) : -1;
    if (m_hoverTile >= 0 && std::size_t(m_hoverTile) < current.tiles().size() && m_hoverTile != selectedTile) {
        painter.setPen(QPen(palette().color(QPalette::Highlight).lighter(130), 1.5));
        painter.drawRect(current.tiles()[std::size_t(m_hoverTile)].rect.adjusted(1, 1, -1, -1));
    }
    if (selectedTile >= 0) {
        const QRectF r = current.tiles()[std::size_t(selectedTile)].rect;
        painter.setPen(QPen(Qt::black, 4));
        painter.drawRect(r.adjusted(2, 2, -2, -2));
        painter.setPen(QPen(Qt::white, 2));
        painter.drawRect(r.adjusted(2, 2, -2, -2));
    }
    if (m_dropHighlight) {
        painter.setPen(QPen(palette().color(QPalette::Highlight), 4));
        painter.drawRect(rect().adjusted(2, 2, -2, -2));
    }
    if (hasFocus()) {
        painter.setPen(QPen(palette().color(QPalette::Highlight), 1, Qt::DotLine));
        painter.drawRect(rect().adjusted(0, 0, -1, -1));
    }
}

NodeRef TreemapWidget::refAt(const QPointF &point)
{
    const int index = layout().tileAt(point);
    if (index < 0)
        return {};
    return m_layout.tiles()[std::size_t(index)].ref;
}

void TreemapWidget::mousePressEvent(QMouseEvent *event)
{
    setFocus(Qt::MouseFocusReason);
    if (event->button() == Qt::LeftButton) {
        m_pressPos = event->position().toPoint();
        const int index = layout().tileAt(event->position());
        m_pressRef = index >= 0 && !m_layout.tiles()[std::size_t(index)].remainder
            ? m_layout.tiles()[std::size_t(index)].ref
            : NodeRef{};
    } else if (event->button() == Qt::BackButton) {
        zoomOut();
    }
}

void TreemapWidget::mouseMoveEvent(QMouseEvent *event)
{
    if ((event->buttons() & Qt::LeftButton) && m_pressRef.isValid()
        && (event->position().toPoint() - m_pressPos).manhattanLength() >= QApplication::startDragDistance()) {
        const NodeRef ref = m_pressRef;
        m_pressRef = {};
        startDrag(ref);
        return;
    }
    const int hover = layout().tileAt(event->position());
    if (hover != m_hoverTile) {
        m_hoverTile = hover;
        update();
    }
}

void TreemapWidget::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_pressRef.isValid())
        return;
    m_pressRef = {};
    const NodeRef ref = refAt(event->position());
    if (ref != m_selected) {
        m_selected = ref;
        update();
        Q_EMIT selectionChanged(ref);
    }
}

void TreemapWidget::mouseDoubleClickEvent(QMouseEvent *event)
{
    const NodeRef ref = refAt(event->position());
    if (ref.isValid())
        zoomTo(ref);
}

void TreemapWidget::leaveEvent(QEvent *)
{
    m_hoverTile = -1;
    update();
}

void TreemapWidget::wheelEvent(QWheelEvent *event)
{
    if (event->angleDelta().y() < 0) {
        zoomOut();
    } else if (event->angleDelta().y() > 0) {
        // One level deeper, toward the tile under the pointer.
        const int index = layout().tileAt(event->position());
        if (index >= 0) {
            const TreemapTile *tile = &m_layout.tiles()[std::size_t(index)];
            while (tile->parent >= 0 && m_layout.tiles()[std::size_t(tile->parent)].depth > 0)
                tile = &m_layout.tiles()[std::size_t(tile->parent)];
            if (tile->folder && !tile->remainder && tile->depth > 0)
                zoomTo(tile->ref);
        }
    }
    event->accept();
}

void TreemapWidget::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Backspace:
    case Qt::Key_Escape:
    case Qt::Key_Minus:
        zoomOut();
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Plus:
        if (m_selected.isValid())
            zoomTo(m_selected);
        return;
    case Qt::Key_Delete:
        if (m_selected.isValid())
            m_session->exclude(m_selected.package, m_selected.node);
        return;
    default:
        QWidget::keyPressEvent(event);
    }
}

void TreemapWidget::contextMenuEvent(QContextMenuEvent *event)
{
    NodeRef ref = refAt(event->pos());
    if (event->reason() == QContextMenuEvent::Keyboard)
        ref = m_selected;
    if (!ref.isValid())
        return;
    ExclusionMenu menu(m_session, {ref}, this);
    menu.addSeparator();
    menu.addAction(tr("Zoom In"), this, [this, ref] { zoomTo(ref); });
    if (m_zoomRoot.isValid())
        menu.addAction(tr("Zoom Out"), this, &TreemapWidget::zoomOut);
    menu.exec(event->globalPos());
}

void TreemapWidget::startDrag(const NodeRef &ref)
{
    auto *drag = new QDrag(this);
    drag->setMimeData(NodeDragPayload{NodeDragPayload::Origin::Package, {ref}}.toMimeData(*m_session));
    const int index = layout().tileOf(*m_session, ref);
    if (index >= 0) {
        // The tile itself, shrunk, follows the pointer.
        const QRectF r = m_layout.tiles()[std::size_t(index)].rect;
        const QRect source = QRectF(r.topLeft() * m_cache.devicePixelRatio(), r.size() * m_cache.devicePixelRatio())
                                 .toAlignedRect()
                                 .intersected(m_cache.rect());
        QImage image = m_cache.copy(source).scaled(QSize(96, 96), Qt::KeepAspectRatio, Qt::SmoothTransformation);
        if (!image.isNull()) {
            drag->setPixmap(QPixmap::fromImage(image));
            drag->setHotSpot(QPoint(image.width() / 2, image.height() / 2));
        }
    }
    drag->exec(Qt::MoveAction);
}

void TreemapWidget::dragEnterEvent(QDragEnterEvent *event)
{
    const auto payload = NodeDragPayload::fromMimeData(event->mimeData(), *m_session);
    if (payload && payload->origin == NodeDragPayload::Origin::Excluded) {
        event->acceptProposedAction();
        m_dropHighlight = true;
        update();
    }
}

void TreemapWidget::dragMoveEvent(QDragMoveEvent *event)
{
    event->acceptProposedAction();
}

void TreemapWidget::dropEvent(QDropEvent *event)
{
    m_dropHighlight = false;
    update();
    const auto payload = NodeDragPayload::fromMimeData(event->mimeData(), *m_session);
    if (!payload || payload->origin != NodeDragPayload::Origin::Excluded)
        return;
    event->acceptProposedAction();
    m_session->restore(payload->refs);
}

void TreemapWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        m_cacheValid = false;
        update();
    }
    QWidget::changeEvent(event);
}

QString TreemapWidget::toolTipFor(const TreemapTile &tile) const
{
    const PackagePtr &package = m_session->package(tile.ref.package);
    const PackageTree &tree = package->tree;
    const SizeTotals kept = m_session->exclusions(tile.ref.package).keptTotals(tile.ref.node);
    QString html = u"<b>%1</b>"_s.arg(
        (tile.ref.node == tree.root() ? QFileInfo(package->path).fileName() : tree.path(tile.ref.node)).toHtmlEscaped());
    if (tile.remainder)
        html += u"<br>"_s + (tile.smallItems == 1 ? tr("1 item too small to draw here")
                                                  : tr("%n items too small to draw here", nullptr, int(tile.smallItems)));
    if (tile.ref.package > 0)
        html += u"<br>"_s + tr("in layer %1").arg(tile.ref.package);
    if (tile.remainder) {
        html += u"<br>"_s + tr("together %1 (%2 bytes) %3")
                                .arg(formatMiB(tile.size), formatBytes(tile.size),
                                     m_options.mode == SizeMode::Unzipped ? tr("unzipped") : tr("zipped"));
        return html;
    }
    const std::uint64_t zipped = kept.footprint;
    html += u"<table>"_s;
    html += u"<tr><td>%1</td><td align=right>%2</td><td>(%3 bytes)</td></tr>"_s.arg(
        tr("Unzipped"), formatMiB(kept.unzipped), formatBytes(kept.unzipped));
    html += u"<tr><td>%1%2</td><td align=right>%3</td><td>(%4 bytes)</td></tr>"_s.arg(
        tr("Zipped"), package->zippedEstimated ? tr(" (estimate)") : QString(), formatMiB(zipped), formatBytes(zipped));
    html += u"</table>"_s;
    for (const LimitRule &rule : m_session->profile().limits) {
        if (rule.isCount() || rule.limit == 0)
            continue;
        if (rule.measure != LimitMeasure::TotalUnzipped && tile.ref.package != 0)
            continue;
        const std::uint64_t value = rule.measure == LimitMeasure::FunctionZipped ? zipped : kept.unzipped;
        html += u"<br>"_s + tr("%1 % of %2 (%3)")
                                .arg(QString::number(100.0 * double(value) / double(rule.limit), 'f', 1),
                                     rule.title.toHtmlEscaped(), formatMiB(rule.limit));
    }
    return html;
}

bool TreemapWidget::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int index = layout().tileAt(help->pos());
        if (index >= 0)
            QToolTip::showText(help->globalPos(), toolTipFor(m_layout.tiles()[std::size_t(index)]), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

} // namespace packscope
