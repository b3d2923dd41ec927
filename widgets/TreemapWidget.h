#pragma once

#include "TreemapPicture.h"

#include "whatif/NodeFilter.h"
#include "session/NodeRef.h"
#include "treemap/TreemapLayout.h"

#include <QWidget>

#include <memory>

namespace packscope {

class JobRunner;
class NodeSelectionModel;
class Session;

// The treemap of a session: every file as a tile sized by unzipped bytes or
// zip footprint, coloured by kind, folders framed and labelled. The layout
// comes from core (TreemapLayout); the widget paints it once into a cached
// image and repaints from that image until the size, zoom, mode, filter or
// session changes. Selection and hover are drawn over the cache.
//
// After an edit, layout and tile painting run on a worker thread over a
// snapshot of the session (TreemapSource), so the GUI thread only answers the
// edit; the new picture replaces the old one when it is ready (a frame or so
// later). Jobs never queue up: edits during a job cause one more job after it.
// Loading another package is laid out synchronously.
//
// The selection is the window's one NodeSelectionModel, shared with the tree:
// every selected item's tile is outlined.
//
// Mouse: click selects, Ctrl+click adds to the selection or takes out,
// double-click zooms into a folder, the wheel zooms in and out, dragging a
// tile carries it (with the rest of the selection, when it is selected) to
// the Excluded panel; dropping items from the Excluded panel here restores
// them. Keys: arrows move the selection, Backspace/Escape/Minus zoom out,
// Enter zooms in, Delete excludes the selection.
class TreemapWidget : public QWidget
{
    Q_OBJECT
public:
    // Layouts are laid out and painted as `jobs`' jobs. Without a `selection`
    // to share, the treemap keeps one of its own.
    TreemapWidget(Session *session, JobRunner *jobs, NodeSelectionModel *selection = nullptr,
                  QWidget *parent = nullptr);

    SizeMode sizeMode() const { return m_options.mode; }
    void setSizeMode(SizeMode mode);
    bool cushions() const { return m_cushions; }
    void setCushions(bool on);
    void setFilter(const NodeFilter &filter);

    NodeSelectionModel *nodeSelection() const { return m_selection; }
    // The current item of the selection.
    NodeRef selected() const;
    // Selects `ref` alone.
    void setSelected(const NodeRef &ref);

    // The folder shown full size; invalid means every package.
    NodeRef zoomRoot() const { return m_zoomRoot; }
    void zoomTo(const NodeRef &folder);
    void zoomOut();

    // The layout on show (the first one is computed on demand; without a
    // worker, every one). With a worker, refreshNow() or waiting for
    // frameShown() brings it up to date after a change.
    const TreemapLayout &layout();
    // Lays out and paints on this thread now, replacing any pending picture.
    void refreshNow();
    // Off (tests, benchmarks of the synchronous path): every change is laid
    // out on the GUI thread before the next paint.
    void setAsynchronous(bool on) { m_asynchronous = on; }
    bool isUpToDate() const { return !m_picture->isStale(); }

Q_SIGNALS:
    void zoomChanged(const packscope::NodeRef &root);
    // A new picture is on show (after a change, once it is laid out and painted).
    void frameShown();

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
    void moveSelection(Qt::Key key);
    void onPackagesChanged();
    void onSessionChanged();
    void invalidate();  // layout and picture out of date: ask for a new frame
    TreemapPicture::Request describePicture() const;
    TreemapLook look() const;
    std::vector<NodeRef> roots() const;
    NodeRef refAt(const QPointF &point);
    // The selection, when `ref` is in it; else `ref` alone.
    std::vector<NodeRef> itemsAt(const NodeRef &ref) const;
    void startDrag(const NodeRef &ref);

    Session *m_session;
    TreemapOptions m_options;
    TreemapPicture *m_picture;  // on show, and the next one coming
    bool m_asynchronous = true;
    bool m_cushions = true;
    NodeFilter m_filter;
    std::vector<NodeRef> m_culprits;
    NodeSelectionModel *m_selection;
    NodeRef m_zoomRoot;
    int m_hoverTile = -1;
    QPoint m_pressPos;
    NodeRef m_pressRef;
    bool m_dropHighlight = false;
    bool m_packagesJustChanged = false;  // onPackagesChanged() has laid out already
};

} // namespace packscope
