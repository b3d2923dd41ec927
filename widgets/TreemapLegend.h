#pragma once

#include <QWidget>

namespace packscope {

// The treemap's colour key: one swatch and name per file kind, in a row.
class TreemapLegend : public QWidget
{
    Q_OBJECT
public:
    explicit TreemapLegend(QWidget *parent = nullptr);
};

} // namespace packscope
