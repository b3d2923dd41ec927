#pragma once

#include <QStyledItemDelegate>

namespace packscope {

// Paints PackageTreeModel's cells: plain elided text drawn straight with the
// font (the style's text layout with line breaking costs ~10 ms a repaint on
// a tall tree), and the share column as a bar with the percentage on it, so
// the rows that matter for the unzipped limit stand out while scanning.
class PackageItemDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace packscope
