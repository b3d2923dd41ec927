#pragma once

#include <QStyledItemDelegate>

namespace packscope {

// Paints PackageTreeModel's share column as a bar with the percentage on it,
// so the rows that matter for the unzipped limit stand out while scanning.
class ShareBarDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace packscope
