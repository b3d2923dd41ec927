#include "ShareBarDelegate.h"

#include "PackageTreeModel.h"

#include <QApplication>
#include <QPainter>

namespace packscope {

void ShareBarDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    QWidget *widget = const_cast<QWidget *>(option.widget);
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const double share = std::clamp(index.data(PackageTreeModel::ShareRole).toDouble(), 0.0, 1.0);
    const bool excluded = index.data(PackageTreeModel::ExcludedRole).toBool();
    const QRect bar = option.rect.adjusted(3, 4, -3, -4);
    painter->save();
    QColor fill = option.palette.color(QPalette::Highlight);
    fill.setAlpha(excluded ? 50 : 140);
    if (share > 0)
        painter->fillRect(QRectF(bar.left(), bar.top(), std::max(1.0, bar.width() * share), bar.height()), fill);
    painter->setPen(option.state & QStyle::State_Selected ? option.palette.color(QPalette::HighlightedText)
                                                          : option.palette.color(QPalette::Text));
    painter->drawText(option.rect.adjusted(3, 0, -5, 0), Qt::AlignRight | Qt::AlignVCenter, text);
    painter->restore();
}

} // namespace packscope
