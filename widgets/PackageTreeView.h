#pragma once

#include "session/NodeRef.h"

#include <QTreeView>

#include <vector>

namespace packscope {

class NodeFilter;
class NodeSelectionModel;
class PackageFilterProxy;
class PackageTreeModel;
class Session;

// The tree of the session's packages: sortable columns (name, unzipped,
// zipped, share of the unzipped limit, files), a filter, drag rows out to
// exclude them, drop items from the Excluded panel to restore them, Delete
// excludes the selection, and the shared context menu.
class PackageTreeView : public QTreeView
{
    Q_OBJECT
public:
    explicit PackageTreeView(Session *session, QWidget *parent = nullptr);

    PackageTreeModel *packageModel() const { return m_model; }
    // The window's one selection: this view's selection model, which the
    // treemap shares. Whoever makes an item current, the tree expands its
    // folders and scrolls to it.
    NodeSelectionModel *nodeSelection() const { return m_selection; }
    void setNodeFilter(const NodeFilter &filter);

    // Selects these items (expanding their folders) and shows the first.
    void selectRefs(const std::vector<NodeRef> &refs);
    std::vector<NodeRef> selectedRefs() const;
    NodeRef currentRef() const;

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void onModelReset();
    // Number columns as wide as the largest number on show needs.
    void fitNumberColumns();
    // The Files column shows only while names keep kNameRoom pixels.
    void updateFilesColumn();
    static constexpr int kNameRoom = 180;
    int m_filesWidth = 0;  // the Files column's width while shown
    // The name column: the width the others leave, or room for the deepest
    // row shown to keep kDeepNameRoom pixels of its name.
    void fitNameColumn();
    static constexpr int kDeepNameRoom = 120;
    int m_deepestShown = 0;  // depth of the deepest row ever expanded into view

    Session *m_session;
    PackageTreeModel *m_model;
    PackageFilterProxy *m_proxy;
    NodeSelectionModel *m_selection;
};

} // namespace packscope
