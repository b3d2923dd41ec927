#include "PackageItemDelegate.h"

#include "PackageTreeModel.h"

#include <QApplication>
#include <QPainter>

namespace packscope {

void PackageItemDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    // Background, selection and focus as the style draws them; text below.
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    painter->save();
    const QRect area = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget).adjusted(2, 0, -3, 0);
    if (index.column() == PackageTreeModel::ShareColumn) {
        const double share = std::clamp(index.data(PackageTreeModel::ShareRole).toDouble(), 0.0, 1.0);
        const bool excluded = index.data(PackageTreeModel::ExcludedRole).toBool();
        // The bar beside the number, never under it: right-aligned text
        // keeps the widest percentage's room to itself.
        const int textRoom = opt.fontMetrics.horizontalAdvance(QStringLiteral("100.0 %")) + 6;
        const QRect bar = option.rect.adjusted(3, 4, -3 - textRoom, -4);
        QColor fill = option.palette.color(QPalette::Highlight);
        fill.setAlpha(excluded ? 50 : 140);
        if (share > 0)
            painter->fillRect(QRectF(bar.left(), bar.top(), std::max(1.0, bar.width() * share), bar.height()), fill);
    }
    const QPalette::ColorGroup group = opt.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
    painter->setPen(opt.state & QStyle::State_Selected ? opt.palette.color(group, QPalette::HighlightedText)
                                                       : opt.palette.color(group, QPalette::Text));
    painter->setFont(opt.font);
    const QString shown = opt.fontMetrics.elidedText(text, Qt::ElideMiddle, area.width());
    painter->drawText(area, int(opt.displayAlignment) | Qt::TextSingleLine, shown);
    painter->restore();
}

} // namespace packscope
