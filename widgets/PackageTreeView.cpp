#include "PackageTreeView.h"

#include "ExclusionMenu.h"
#include "NodeDragPayload.h"
#include "PackageFilterProxy.h"
#include "PackageTreeModel.h"
#include "PackageItemDelegate.h"

#include "session/Session.h"

#include <QContextMenuEvent>
#include <QDragEnterEvent>
#include <QHeaderView>
#include <QKeyEvent>

namespace packscope {

PackageTreeView::PackageTreeView(Session *session, QWidget *parent)
    : QTreeView(parent), m_session(session), m_model(new PackageTreeModel(session, this)),
      m_proxy(new PackageFilterProxy(m_model, this))
{
    setModel(m_proxy);
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
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(PackageTreeModel::NameColumn, QHeaderView::Stretch);
    header()->setMinimumSectionSize(56);
    // Size columns wide enough for "1,234.56 MiB" without measuring every row.
    const int numberWidth = fontMetrics().horizontalAdvance(QStringLiteral("9,999.99 MiB")) + 14;
    header()->resizeSection(PackageTreeModel::UnzippedColumn, numberWidth);
    header()->resizeSection(PackageTreeModel::ZippedColumn, numberWidth);
    header()->resizeSection(PackageTreeModel::ShareColumn, fontMetrics().horizontalAdvance(QStringLiteral("100.0 %")) + 40);
    header()->resizeSection(PackageTreeModel::FilesColumn, fontMetrics().horizontalAdvance(QStringLiteral("999,999")) + 12);
    setAccessibleName(tr("Package contents"));

    connect(m_model, &QAbstractItemModel::modelReset, this, &PackageTreeView::onModelReset);
    connect(m_model, &PackageTreeModel::everythingChanged, viewport(), qOverload<>(&QWidget::update));
    connect(selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { Q_EMIT currentRefChanged(m_model->refOf(m_proxy->mapToSource(current))); });
    onModelReset();
}

void PackageTreeView::onModelReset()
{
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
    QItemSelection selection;
    QModelIndex first;
    for (const NodeRef &ref : refs) {
        const QModelIndex index = m_proxy->mapFromSource(m_model->indexOf(ref));
        if (!index.isValid())
            continue;
        for (QModelIndex up = index.parent(); up.isValid(); up = up.parent())
            expand(up);
        selection.select(index, index.siblingAtColumn(PackageTreeModel::ColumnCount - 1));
        if (!first.isValid())
            first = index;
    }
    selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    if (first.isValid()) {
        selectionModel()->setCurrentIndex(first, QItemSelectionModel::NoUpdate);
        scrollTo(first);
    }
}

std::vector<NodeRef> PackageTreeView::selectedRefs() const
{
    std::vector<NodeRef> refs;
    for (const QModelIndex &index : selectionModel()->selectedRows())
        refs.push_back(m_model->refOf(m_proxy->mapToSource(index)));
    return refs;
}

NodeRef PackageTreeView::currentRef() const
{
    return m_model->refOf(m_proxy->mapToSource(currentIndex()));
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
    const NodeRef clicked = m_model->refOf(m_proxy->mapToSource(at));
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

} // namespace packscope

namespace packscope {

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

} // namespace packscope

namespace packscope {

void PackageTreeView::resizeEvent(QResizeEvent *event)
{
    QTreeView::resizeEvent(event);
    // Names come first: in a narrow tree the file counts make room for them.
    const int numbers = header()->sectionSize(PackageTreeModel::UnzippedColumn)
        + header()->sectionSize(PackageTreeModel::ZippedColumn) + header()->sectionSize(PackageTreeModel::ShareColumn);
    const int filesWidth = fontMetrics().horizontalAdvance(QStringLiteral("999,999")) + 12;
    setColumnHidden(PackageTreeModel::FilesColumn, viewport()->width() - numbers - filesWidth < 200);
}

} // namespace packscope
