#include "TreemapWidget.h"

#include "ExclusionMenu.h"
#include "NodeDragPayload.h"
#include "NodeSelectionModel.h"
#include "PackageTreeModel.h"
#include "TreemapToolTip.h"

#include "session/Session.h"
#include "treemap/TreemapSource.h"

#include <QApplication>
#include <QDrag>
#include <QHelpEvent>
#include <QImage>
#include <QMimeData>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace packscope {

TreemapWidget::TreemapWidget(Session *session, JobRunner *jobs, NodeSelectionModel *selection, QWidget *parent)
    : QWidget(parent), m_session(session),
      m_picture(new TreemapPicture(jobs, [this] { return describePicture(); }, this)),
      m_selection(selection ? selection : new NodeSelectionModel(new PackageTreeModel(session, this), nullptr, this))
{
    connect(m_picture, &TreemapPicture::shown, this, [this] {
        m_hoverTile = -1;
        Q_EMIT frameShown();
    });
    connect(m_picture, &TreemapPicture::arrived, this, qOverload<>(&QWidget::update));
    connect(m_selection, &NodeSelectionModel::refsChanged, this, qOverload<>(&QWidget::update));
    setMouseTracking(true);
    setAcceptDrops(true);
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(200, 150);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAccessibleName(tr("Treemap"));
    m_options.headerHeight = fontMetrics().height() + 2;
    connect(m_session, &Session::packagesChanged, this, &TreemapWidget::onPackagesChanged);
    connect(m_session, &Session::changed, this, &TreemapWidget::onSessionChanged);
    invalidate();
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
    invalidate();
}

void TreemapWidget::setFilter(const NodeFilter &filter)
{
    m_filter = filter;
    invalidate();
}

NodeRef TreemapWidget::selected() const
{
    return m_selection->currentRef();
}

void TreemapWidget::setSelected(const NodeRef &ref)
{
    m_selection->selectRefs({ref});
}

std::vector<NodeRef> TreemapWidget::itemsAt(const NodeRef &ref) const
{
    if (m_selection->isRefSelected(ref))
        return m_selection->selectedRefs();
    return {ref};
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
    if (!m_picture->hasPicture() || (!m_asynchronous && m_picture->isStale()))
        m_picture->layOutNow();
    return m_picture->layout();
}

TreemapLook TreemapWidget::look() const
{
    TreemapLook look;
    look.palette = palette();
    look.font = font();
    look.size = size();
    look.devicePixelRatio = devicePixelRatioF();
    look.cushions = m_cushions;
    look.headerHeight = m_options.headerHeight;
    look.filter = m_filter;
    look.culprits = m_culprits;
    look.emptyText = m_session->hasFunction() ? tr("Everything is excluded.")
                                              : tr("Open a package to see its files here.");
    return look;
}

void TreemapWidget::refreshNow()
{
    m_picture->layOutNow();
    repaint();
}

TreemapPicture::Request TreemapWidget::describePicture() const
{
    return {std::make_shared<const TreemapSource>(TreemapSource::snapshotOf(*m_session)), roots(),
            QRectF(QPointF(0, 0), QSizeF(size())), m_options, look()};
}

void TreemapWidget::invalidate()
{
    // Nothing on show yet, hidden, or no worker wanted: the next paint lays out.
    const bool worker = m_asynchronous && m_picture->hasPicture() && isVisible();
    m_picture->invalidate(worker ? TreemapPicture::Refresh::OnWorker : TreemapPicture::Refresh::OnNextPaint);
    if (!worker)
        update();
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

void TreemapWidget::onPackagesChanged()
{
    // Other packages: the tiles on show name nodes that are gone, so lay out
    // again before anything can ask about them (changed() follows at once).
    m_packagesJustChanged = true;
    m_culprits.clear();
    if (m_zoomRoot.isValid()) {
        m_zoomRoot = {};
        Q_EMIT zoomChanged(m_zoomRoot);
    }
    if (m_picture->hasPicture())
        refreshNow();
}

void TreemapWidget::onSessionChanged()
{
    // The culprits of every failing limit are outlined.
    std::vector<NodeRef> culprits = m_session->evaluation().culprits();
    const bool culpritsChanged = culprits != m_culprits;
    m_culprits = std::move(culprits);
    if (m_packagesJustChanged) {
        m_packagesJustChanged = false;
        if (culpritsChanged)
            invalidate();
        return;
    }
    if (m_zoomRoot.isValid() && m_session->isExcluded(m_zoomRoot)) {
        // The folder on show was excluded: go up to what is left of it.
        NodeRef up = m_zoomRoot;
        const PackageTree &tree = m_session->package(up.package)->tree;
        while (up.node != kNoNode && m_session->isExcluded(up))
            up.node = tree.node(up.node).parent;
        zoomTo(up.node == kNoNode ? NodeRef{} : up);
    }
    invalidate();
}

void TreemapWidget::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    invalidate();
}

void TreemapWidget::paintEvent(QPaintEvent *)
{
    // Without a worker (or before the first picture) lay out right here.
    if (m_picture->isStale() && (!m_asynchronous || !m_picture->hasPicture() || !m_picture->isJobRunning()))
        m_picture->layOutNow();
    QPainter painter(this);
    painter.fillRect(rect(), palette().color(QPalette::Base));  // where a stale picture is smaller
    painter.drawImage(0, 0, m_picture->image());
    const TreemapLayout &current = m_picture->layout();
    // A selected item too small for a tile of its own outlines the tile
    // that holds it.
    std::vector<int> selectedTiles;
    for (const NodeRef &ref : m_selection->selectedRefs()) {
        const int tile = current.tileOf(*m_session, ref);
        if (tile >= 0)
            selectedTiles.push_back(tile);
    }
    std::sort(selectedTiles.begin(), selectedTiles.end());
    selectedTiles.erase(std::unique(selectedTiles.begin(), selectedTiles.end()), selectedTiles.end());
    if (m_hoverTile >= 0 && std::size_t(m_hoverTile) < current.tiles().size()
        && !std::binary_search(selectedTiles.begin(), selectedTiles.end(), m_hoverTile)) {
        painter.setPen(QPen(palette().color(QPalette::Highlight).lighter(130), 1.5));
        painter.drawRect(current.tiles()[std::size_t(m_hoverTile)].rect.adjusted(1, 1, -1, -1));
    }
    for (const int tile : selectedTiles) {
        const QRectF r = current.tiles()[std::size_t(tile)].rect.adjusted(2, 2, -2, -2);
        painter.setPen(QPen(Qt::black, 4));
        painter.drawRect(r);
        painter.setPen(QPen(Qt::white, 2));
        painter.drawRect(r);
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
    return layout().tiles()[std::size_t(index)].ref;
}

void TreemapWidget::mousePressEvent(QMouseEvent *event)
{
    setFocus(Qt::MouseFocusReason);
    if (event->button() == Qt::LeftButton) {
        m_pressPos = event->position().toPoint();
        const int index = layout().tileAt(event->position());
        m_pressRef = index >= 0 && !layout().tiles()[std::size_t(index)].remainder
            ? layout().tiles()[std::size_t(index)].ref
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
    if (event->modifiers() & Qt::ControlModifier)
        m_selection->toggleRef(ref);
    else
        m_selection->selectRefs({ref});
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
            const TreemapTile *tile = &layout().tiles()[std::size_t(index)];
            while (tile->parent >= 0 && layout().tiles()[std::size_t(tile->parent)].depth > 0)
                tile = &layout().tiles()[std::size_t(tile->parent)];
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
        if (selected().isValid())
            zoomTo(selected());
        return;
    case Qt::Key_Delete:
        m_session->exclude(m_selection->selectedRefs());
        return;
    case Qt::Key_Up:
    case Qt::Key_Down:
    case Qt::Key_Left:
    case Qt::Key_Right:
        moveSelection(Qt::Key(event->key()));
        return;
    default:
        QWidget::keyPressEvent(event);
    }
}

void TreemapWidget::moveSelection(Qt::Key key)
{
    using Step = TreemapLayout::Step;
    const Step step = key == Qt::Key_Up ? Step::Up
        : key == Qt::Key_Down           ? Step::Down
        : key == Qt::Key_Left           ? Step::Previous
                                        : Step::Next;
    const int current = selected().isValid() ? layout().tileOf(*m_session, selected()) : -1;
    const int next = layout().step(current, step);
    if (next >= 0)
        m_selection->selectRefs({layout().tiles()[std::size_t(next)].ref});
}

void TreemapWidget::contextMenuEvent(QContextMenuEvent *event)
{
    NodeRef ref = refAt(event->pos());
    if (event->reason() == QContextMenuEvent::Keyboard)
        ref = selected();
    if (!ref.isValid())
        return;
    ExclusionMenu menu(m_session, itemsAt(ref), this);
    menu.addSeparator();
    menu.addAction(tr("Zoom In"), this, [this, ref] { zoomTo(ref); });
    if (m_zoomRoot.isValid())
        menu.addAction(tr("Zoom Out"), this, &TreemapWidget::zoomOut);
    menu.exec(event->globalPos());
}

void TreemapWidget::startDrag(const NodeRef &ref)
{
    auto *drag = new QDrag(this);
    drag->setMimeData(NodeDragPayload{NodeDragPayload::Origin::Package, itemsAt(ref), {}}.toMimeData(*m_session));
    const int index = layout().tileOf(*m_session, ref);
    if (index >= 0) {
        // The tile itself, shrunk, follows the pointer.
        const QRectF r = layout().tiles()[std::size_t(index)].rect;
        const QRect source = QRectF(r.topLeft() * m_picture->image().devicePixelRatio(), r.size() * m_picture->image().devicePixelRatio())
                                 .toAlignedRect()
                                 .intersected(m_picture->image().rect());
        QImage image = m_picture->image().copy(source).scaled(QSize(96, 96), Qt::KeepAspectRatio, Qt::SmoothTransformation);
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
    if (event->type() == QEvent::FontChange)
        m_options.headerHeight = fontMetrics().height() + 2;  // folder labels fit the font
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        invalidate();
    QWidget::changeEvent(event);
}

bool TreemapWidget::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int index = layout().tileAt(help->pos());
        if (index >= 0)
            QToolTip::showText(help->globalPos(), treemapToolTip(*m_session, layout().tiles()[std::size_t(index)], m_options.mode), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

} // namespace packscope
