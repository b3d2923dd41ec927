#include "PackageTreeView.h"

#include "ExclusionMenu.h"
#include "NodeDragPayload.h"
#include "NodeSelectionModel.h"
#include "PackageFilterProxy.h"
#include "PackageTreeModel.h"
#include "PackageItemDelegate.h"
#include "SortArrowStyle.h"

#include "report/SizeFormat.h"

#include "session/Session.h"

#include <QContextMenuEvent>
#include <QDragEnterEvent>
#include <QHeaderView>
#include <QKeyEvent>

#include <algorithm>

namespace packscope {

PackageTreeView::PackageTreeView(Session *session, QWidget *parent)
    : QTreeView(parent), m_session(session), m_model(new PackageTreeModel(session, this)),
      m_proxy(new PackageFilterProxy(m_model, this)), m_selection(new NodeSelectionModel(m_model, m_proxy, this))
{
    setModel(m_proxy);
    QItemSelectionModel *made = selectionModel();  // the one setModel() made
    setSelectionModel(m_selection);
    delete made;
    setSortingEnabled(true);
    sortByColumn(PackageTreeModel::UnzippedColumn, Qt::DescendingOrder);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setDragEnabled(true);
    setAcceptDrops(true);
    setDropIndicatorShown(false);
    setDragDropMode(QAbstractItemView::DragDrop);
    setDefaultDropAction(Qt::MoveAction);
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    setItemDelegate(new PackageItemDelegate(this));
    // Deep folders: a narrower step leaves their names room.
    setIndentation(std::min(indentation(), fontMetrics().averageCharWidth() * 2 + 2));
    auto *arrows = new SortArrowStyle;
    arrows->setParent(header());
    header()->setStyle(arrows);
    header()->setStretchLastSection(false);
    // The name column takes what the numbers leave, and more when rows deep
    // in node_modules need it (the tree then scrolls sideways).
    header()->setSectionResizeMode(PackageTreeModel::NameColumn, QHeaderView::Interactive);
    header()->setMinimumSectionSize(40);
    fitNumberColumns();
    setAccessibleName(tr("Package contents"));

    connect(this, &QTreeView::expanded, this, [this](const QModelIndex &index) {
        int depth = 1;
        for (QModelIndex up = index; up.parent().isValid(); up = up.parent())
            ++depth;
        if (depth > m_deepestShown) {
            m_deepestShown = depth;
            fitNameColumn();
        }
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &PackageTreeView::onModelReset);
    connect(m_model, &PackageTreeModel::everythingChanged, viewport(), qOverload<>(&QWidget::update));
    // A selection made in the treemap or a panel shows here too.
    connect(m_selection, &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &current) {
        if (!current.isValid())
            return;
        for (QModelIndex up = current.parent(); up.isValid(); up = up.parent())
            expand(up);
        scrollTo(current);
    });
    onModelReset();
}

void PackageTreeView::fitNumberColumns()
{
    // A folder's numbers are at least its children's, so the roots hold the
    // widest: size for them rather than measure every row. The names get the
    // rest.
    std::uint64_t largest = 0, files = 0;
    bool estimated = false;
    for (int p = 0; p < m_session->packageCount(); ++p) {
        if (const PackagePtr package = m_session->package(p)) {
            const SizeTotals &totals = package->tree.node(0).totals;
            largest = std::max({largest, totals.unzipped, totals.footprint});
            files = std::max<std::uint64_t>(files, totals.files);
            estimated = estimated || package->zippedEstimated;
        }
    }
    const QString widestSize = (estimated ? QStringLiteral("≈ ") : QString()) + formatMiB(largest);
    const QString widestFiles = QString::number(files);
    const QFontMetrics metrics = fontMetrics();
    const QFontMetrics headerMetrics = header()->fontMetrics();
    const int arrow = style()->pixelMetric(QStyle::PM_HeaderMarkSize) + 2 * style()->pixelMetric(QStyle::PM_HeaderMargin);
    const auto width = [&](int column, const QString &widest, int padding) {
        const int title = headerMetrics.horizontalAdvance(m_proxy->headerData(column, Qt::Horizontal).toString());
        return std::max(metrics.horizontalAdvance(widest) + padding, title + arrow + 8);
    };
    header()->resizeSection(PackageTreeModel::UnzippedColumn, width(PackageTreeModel::UnzippedColumn, widestSize, 14));
    header()->resizeSection(PackageTreeModel::ZippedColumn, width(PackageTreeModel::ZippedColumn, widestSize, 14));
    header()->resizeSection(PackageTreeModel::ShareColumn,
                            width(PackageTreeModel::ShareColumn, QStringLiteral("100.0 %"), 40));
    m_filesWidth = width(PackageTreeModel::FilesColumn, widestFiles, 12);
    header()->resizeSection(PackageTreeModel::FilesColumn, m_filesWidth);
    updateFilesColumn();
}

void PackageTreeView::fitNameColumn()
{
    int numbers = 0;
    for (int column = PackageTreeModel::NameColumn + 1; column < PackageTreeModel::ColumnCount; ++column)
        numbers += header()->isSectionHidden(column) ? 0 : header()->sectionSize(column);
    const int wanted = (m_deepestShown + 1) * indentation() + kDeepNameRoom;
    header()->resizeSection(PackageTreeModel::NameColumn, std::max(viewport()->width() - numbers, wanted));
}

void PackageTreeView::onModelReset()
{
    m_deepestShown = 0;
    fitNumberColumns();
    // The function's contents are what the user came for: open the root and
    // any chain of lone folders below it (node_modules, python/lib/...).
    QModelIndex index = m_proxy->index(0, 0);
    for (int depth = 0; index.isValid() && depth < 6; ++depth) {
        expand(index);
        int folders = 0;
        QModelIndex lone;
        for (int row = 0; row < m_proxy->rowCount(index); ++row) {
            const QModelIndex child = m_proxy->index(row, 0, index);
            if (m_proxy->hasChildren(child)) {
                ++folders;
                lone = child;
            }
        }
        index = folders == 1 ? lone : QModelIndex();
    }
}

void PackageTreeView::setNodeFilter(const NodeFilter &filter)
{
    m_proxy->setNodeFilter(filter);
    if (!filter.isEmpty() && m_proxy->rowCount() > 0 && m_proxy->rowCount(m_proxy->index(0, 0)) < 200)
        expandRecursively(m_proxy->index(0, 0), 3);
    else
        expand(m_proxy->index(0, 0));
}

void PackageTreeView::selectRefs(const std::vector<NodeRef> &refs)
{
    m_selection->selectRefs(refs);
    // Every selected row in view, not only the current one.
    for (const NodeRef &ref : refs) {
        for (QModelIndex up = m_selection->indexOf(m_selection->shownRef(ref)).parent(); up.isValid(); up = up.parent())
            expand(up);
    }
}

std::vector<NodeRef> PackageTreeView::selectedRefs() const
{
    return m_selection->selectedRefs();
}

NodeRef PackageTreeView::currentRef() const
{
    return m_selection->currentRef();
}

void PackageTreeView::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Delete) {
        m_session->exclude(selectedRefs());
        return;
    }
    QTreeView::keyPressEvent(event);
}

void PackageTreeView::contextMenuEvent(QContextMenuEvent *event)
{
    std::vector<NodeRef> refs = selectedRefs();
    const QModelIndex at = indexAt(event->pos());
    const NodeRef clicked = m_selection->refOf(at);
    if (event->reason() != QContextMenuEvent::Keyboard && clicked.isValid()
        && std::find(refs.begin(), refs.end(), clicked) == refs.end())
        refs = {clicked};
    if (refs.empty())
        return;
    ExclusionMenu menu(m_session, refs, this);
    menu.exec(event->globalPos());
}

void PackageTreeView::dragEnterEvent(QDragEnterEvent *event)
{
    // Only items coming back from the Excluded panel may land here.
    const auto payload = NodeDragPayload::fromMimeData(event->mimeData(), *m_session);
    if (payload && payload->origin == NodeDragPayload::Origin::Excluded)
        event->acceptProposedAction();
    else
        event->ignore();
}

void PackageTreeView::dragMoveEvent(QDragMoveEvent *event)
{
    const auto payload = NodeDragPayload::fromMimeData(event->mimeData(), *m_session);
    if (payload && payload->origin == NodeDragPayload::Origin::Excluded)
        event->acceptProposedAction();
    else
        event->ignore();
}

void PackageTreeView::dropEvent(QDropEvent *event)
{
    const auto payload = NodeDragPayload::fromMimeData(event->mimeData(), *m_session);
    if (!payload || payload->origin != NodeDragPayload::Origin::Excluded) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    m_session->restore(payload->refs);
}

void PackageTreeView::resizeEvent(QResizeEvent *event)
{
    QTreeView::resizeEvent(event);
    updateFilesColumn();
}

void PackageTreeView::updateFilesColumn()
{
    // Names come first: in a narrow tree the file counts make room for them.
    const int numbers = header()->sectionSize(PackageTreeModel::UnzippedColumn)
        + header()->sectionSize(PackageTreeModel::ZippedColumn) + header()->sectionSize(PackageTreeModel::ShareColumn);
    setColumnHidden(PackageTreeModel::FilesColumn, viewport()->width() - numbers - m_filesWidth < kNameRoom);
    fitNameColumn();
}

void PackageTreeView::changeEvent(QEvent *event)
{
    QTreeView::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        fitNumberColumns();
}

} // namespace packscope
