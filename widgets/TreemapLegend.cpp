#include "TreemapLegend.h"

#include "FileKindPalette.h"

#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace packscope {

namespace {
constexpr int kMargin = 2;
constexpr int kGap = 12;  // between entries
}

TreemapLegend::TreemapLegend(QWidget *parent) : QWidget(parent)
{
    QSizePolicy policy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

QString TreemapLegend::entryName(int kind) const
{
    // Short names keep the legend from setting the map's minimum width.
    static const char *const shortNames[kFileKindCount] = {
        QT_TRANSLATE_NOOP("TreemapLegend", "Native"), QT_TRANSLATE_NOOP("TreemapLegend", "Python"),
        QT_TRANSLATE_NOOP("TreemapLegend", "JS/TS"),  QT_TRANSLATE_NOOP("TreemapLegend", "Data, models"),
        QT_TRANSLATE_NOOP("TreemapLegend", "Docs, tests"), QT_TRANSLATE_NOOP("TreemapLegend", "Other")};
    return tr(shortNames[kind]);
}

std::vector<QRect> TreemapLegend::entryRects(int width) const
{
    const QFontMetrics metrics = fontMetrics();
    const int line = metrics.height();
    std::vector<QRect> rects;
    int x = kMargin, y = 0;
    for (int k = 0; k < kFileKindCount; ++k) {
        const int w = line + metrics.horizontalAdvance(entryName(k));  // swatch, space, name
        if (x > kMargin && x + w > width - kMargin) {
            x = kMargin;
            y += line;
        }
        rects.emplace_back(x, y, w, line);
        x += w + kGap;
    }
    return rects;
}

int TreemapLegend::heightForWidth(int width) const
{
    return entryRects(width).back().bottom() + 1;
}

QSize TreemapLegend::sizeHint() const
{
    const std::vector<QRect> oneRow = entryRects(QWIDGETSIZE_MAX);
    return {oneRow.back().right() + 1 + kMargin, fontMetrics().height()};
}

QSize TreemapLegend::minimumSizeHint() const
{
    return {0, heightForWidth(std::max(1, width()))};
}

void TreemapLegend::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const int line = fontMetrics().height();
    const std::vector<QRect> rects = entryRects(width());
    for (int k = 0; k < kFileKindCount; ++k) {
        const QRect r = rects[std::size_t(k)];
        const int side = line - 4;
        painter.fillRect(QRect(r.left(), r.top() + 2, side, side), fileKindColor(FileKind(k)));
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(QRect(r.left() + line, r.top(), r.width() - line, line), Qt::AlignLeft | Qt::AlignVCenter,
                         entryName(k));
    }
}

bool TreemapLegend::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const std::vector<QRect> rects = entryRects(width());
        for (int k = 0; k < kFileKindCount; ++k) {
            if (rects[std::size_t(k)].contains(help->pos())) {
                QToolTip::showText(help->globalPos(), fileKindName(FileKind(k)), this, rects[std::size_t(k)]);
                return true;
            }
        }
        QToolTip::hideText();
        event->ignore();
        return true;
    }
    if (event->type() == QEvent::FontChange)
        updateGeometry();
    return QWidget::event(event);
}

} // namespace packscope
