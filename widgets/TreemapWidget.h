#pragma once

#include "model/NodeFilter.h"
#include "session/NodeRef.h"
#include "treemap/TreemapLayout.h"

#include <QImage>
#include <QWidget>

namespace packscope {

class Session;

// The treemap of a session: every file as a tile sized by unzipped bytes or
// zip footprint, coloured by kind, folders framed and labelled. The layout
// comes from core (TreemapLayout); the widget paints it once into a cached
// image and repaints from that image until the size, zoom, mode, filter or
// session changes. Selection and hover are drawn over the cache.
//
// Mouse: click selects, double-click zooms into a folder, the wheel zooms in
// and out, dragging a tile carries it to the Excluded panel; dropping items
// from the Excluded panel here restores them. Keys: Backspace/Escape/Minus
// zoom out, Enter zooms in, Delete excludes the selection.
class TreemapWidget : public QWidget
{
    Q_OBJECT
public:
    explicit TreemapWidget(Session *session, QWidget *parent = nullptr);

    SizeMode sizeMode() const { return m_options.mode; }
    void setSizeMode(SizeMode mode);
    bool cushions() const { return m_cushions; }
    void setCushions(bool on);
    void setFilter(const NodeFilter &filter);
    // Files outlined in red: those that push the package past a failing limit.
    void setCulprits(std::vector<NodeRef> culprits);

    NodeRef selected() const { return m_selected; }
    void setSelected(const NodeRef &ref);

    // The folder shown full size; invalid means every package.
    NodeRef zoomRoot() const { return m_zoomRoot; }
    void zoomTo(const NodeRef &folder);
    void zoomOut();

    // The current layout, computed now if it is out of date.
    const TreemapLayout &layout();
    // Lays out and paints the cache now (what a change costs; for benchmarks).
    void refreshNow();

Q_SIGNALS:
    void selectionChanged(const packscope::NodeRef &ref);
    void zoomChanged(const packscope::NodeRef &root);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool event(QEvent *event) override;

private:
    void onSessionChanged();
    void invalidate();  // layout and image out of date
    void render();
    struct PaintContext;
    void paintTile(QPainter &painter, const PaintContext &context, const TreemapTile &tile, bool dimmed) const;
    bool tileMatchesFilter(const TreemapTile &tile) const;
    QString toolTipFor(const TreemapTile &tile) const;
    std::vector<NodeRef> roots() const;
    NodeRef refAt(const QPointF &point);
    void startDrag(const NodeRef &ref);

    Session *m_session;
    TreemapOptions m_options;
    TreemapLayout m_layout;
    QImage m_cache;
    bool m_layoutValid = false;
    bool m_cacheValid = false;
    bool m_cushions = true;
    NodeFilter m_filter;
    std::vector<NodeRef> m_culprits;
    NodeRef m_selected;
    NodeRef m_zoomRoot;
    int m_hoverTile = -1;
    QPoint m_pressPos;
    NodeRef m_pressRef;
    bool m_dropHighlight = false;
    std::vector<const void *> m_packageIdentity;  // to notice a package being replaced
};

} // namespace packscope
