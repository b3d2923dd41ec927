#include "NodeSelectionModel.h"

#include "PackageTreeModel.h"

#include "session/Session.h"

#include <QAbstractProxyModel>

namespace packscope {

NodeSelectionModel::NodeSelectionModel(PackageTreeModel *tree, QAbstractProxyModel *shown, QObject *parent)
    : QItemSelectionModel(shown ? static_cast<QAbstractItemModel *>(shown) : tree, parent), m_tree(tree),
      m_shown(shown)
{
    const auto announce = [this] {
        if (!m_batching)
            Q_EMIT refsChanged();
    };
    connect(this, &QItemSelectionModel::selectionChanged, this, announce);
    connect(this, &QItemSelectionModel::currentChanged, this, announce);
}

QModelIndex NodeSelectionModel::indexOf(const NodeRef &ref) const
{
    const QModelIndex source = m_tree->indexOf(ref);
    return m_shown ? m_shown->mapFromSource(source) : source;
}

NodeRef NodeSelectionModel::refOf(const QModelIndex &index) const
{
    return m_tree->refOf(m_shown ? m_shown->mapToSource(index) : index);
}

NodeRef NodeSelectionModel::shownRef(const NodeRef &ref) const
{
    const Session *session = m_tree->session();
    if (ref.package < 0 || ref.package >= session->packageCount() || !session->package(ref.package))
        return {};
    const PackageTree &tree = session->package(ref.package)->tree;
    for (NodeRef up = ref; up.node != kNoNode && up.node < tree.nodeCount(); up.node = tree.node(up.node).parent) {
        if (indexOf(up).isValid())
            return up;
    }
    return {};
}

void NodeSelectionModel::selectRefs(const std::vector<NodeRef> &refs)
{
    QItemSelection selection;
    QModelIndex first;
    const int lastColumn = model()->columnCount() - 1;
    for (const NodeRef &ref : refs) {
        const QModelIndex index = indexOf(shownRef(ref));
        if (!index.isValid())
            continue;
        selection.select(index, index.siblingAtColumn(lastColumn));
        if (!first.isValid())
            first = index;
    }
    // One change, one refsChanged (the views still get Qt's own signals).
    m_batching = true;
    select(selection, ClearAndSelect | Rows);
    setCurrentIndex(first, NoUpdate);
    m_batching = false;
    Q_EMIT refsChanged();
}

void NodeSelectionModel::toggleRef(const NodeRef &ref)
{
    const QModelIndex index = indexOf(shownRef(ref));
    if (index.isValid())
        setCurrentIndex(index, Toggle | Rows);
}

std::vector<NodeRef> NodeSelectionModel::selectedRefs() const
{
    std::vector<NodeRef> refs;
    for (const QModelIndex &index : selectedRows())
        refs.push_back(refOf(index));
    return refs;
}

bool NodeSelectionModel::isRefSelected(const NodeRef &ref) const
{
    const QModelIndex index = indexOf(ref);
    return index.isValid() && isRowSelected(index.row(), index.parent());
}

NodeRef NodeSelectionModel::currentRef() const
{
    return refOf(currentIndex());
}

} // namespace packscope
