#pragma once

#include <QRect>
#include <QWidget>

#include <vector>

namespace packscope {

// The treemap's colour key: one swatch and name per file kind. The entries
// flow onto a second row when the map is too narrow for one (presentation
// mode's large fonts), rather than cutting names short.
class TreemapLegend : public QWidget
{
    Q_OBJECT
public:
    explicit TreemapLegend(QWidget *parent = nullptr);

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    // Where each entry (swatch and name) is drawn at this width.
    std::vector<QRect> entryRects(int width) const;
    QString entryName(int kind) const;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;
};

} // namespace packscope
