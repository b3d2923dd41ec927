#pragma once

#include <QProxyStyle>

namespace packscope {

// Draws a header's sort arrow the way a list reads: pointing down when the
// largest (or last) comes first. QHeaderView hands the style SortUp for a
// descending sort, and Fusion draws SortUp as an upward arrow, the opposite
// of what the Files list of every file manager shows.
class SortArrowStyle : public QProxyStyle
{
    Q_OBJECT
public:
    using QProxyStyle::QProxyStyle;

    void drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                       const QWidget *widget = nullptr) const override;
};

} // namespace packscope
