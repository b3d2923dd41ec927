#pragma once

#include "whatif/NodeFilter.h"
#include "session/NodeRef.h"

#include <QCoreApplication>
#include <QFont>
#include <QImage>
#include <QPalette>

#include <vector>

namespace packscope {

class TreemapLayout;
class TreemapSource;

// Everything a treemap picture depends on besides the layout, by value, so a
// background job can paint while the widget moves on.
struct TreemapLook {
    QPalette palette;
    QFont font;
    QSize size;  // in device-independent pixels
    qreal devicePixelRatio = 1;
    bool cushions = true;
    double headerHeight = 15;
    NodeFilter filter;             // non-matching files are dimmed
    std::vector<NodeRef> culprits;  // outlined in red
    QString emptyText;             // shown when there are no tiles
};

// Paints a treemap layout. The tiles (fills, frames, cushions, dimming,
// culprit outlines) need no fonts, so they can be painted on any thread;
// the labels use fonts and are painted on the GUI thread.
class TreemapRenderer
{
    Q_DECLARE_TR_FUNCTIONS(TreemapRenderer)
public:
    static QImage paintTiles(const TreemapLayout &layout, const TreemapSource &source, const TreemapLook &look);
    static void paintLabels(QImage &image, const TreemapLayout &layout, const TreemapSource &source,
                            const TreemapLook &look);
};

} // namespace packscope
