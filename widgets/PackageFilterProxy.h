#pragma once

#include "whatif/NodeFilter.h"

#include <QSortFilterProxyModel>

namespace packscope {

class PackageTreeModel;

// Sorts the package tree by the model's SortRole (sizes as numbers) and
// filters it with what the user typed (NodeFilter: glob or substring). Rows
// above a match stay, so matches keep their context; rows below a matching
// folder stay too.
class PackageFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit PackageFilterProxy(PackageTreeModel *model, QObject *parent = nullptr);

    void setNodeFilter(const NodeFilter &filter);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    PackageTreeModel *m_model;
    NodeFilter m_filter;
};

} // namespace packscope
