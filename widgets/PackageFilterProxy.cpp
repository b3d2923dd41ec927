#include "PackageFilterProxy.h"

#include "PackageTreeModel.h"

#include "session/Session.h"

namespace packscope {

PackageFilterProxy::PackageFilterProxy(PackageTreeModel *model, QObject *parent)
    : QSortFilterProxyModel(parent), m_model(model)
{
    setSourceModel(model);
    setSortRole(PackageTreeModel::SortRole);
    setRecursiveFilteringEnabled(true);
    setAutoAcceptChildRows(true);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void PackageFilterProxy::setNodeFilter(const NodeFilter &filter)
{
    m_filter = filter;
    invalidateFilter();
}

bool PackageFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_filter.isEmpty())
        return true;
    const QModelIndex index = m_model->index(sourceRow, 0, sourceParent);
    const NodeRef ref = m_model->refOf(index);
    if (!ref.isValid() || ref.node == 0)
        return false;  // a package row stays only for what matches inside it
    const PackageTree &tree = m_model->session()->package(ref.package)->tree;
    const QByteArray path = m_filter.isGlob() ? tree.pathBytes(ref.node) : QByteArray();
    return m_filter.matches(tree.nameBytes(ref.node), path, tree.isFolder(ref.node));
}

} // namespace packscope
