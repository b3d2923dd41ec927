#pragma once

#include "session/NodeRef.h"

#include <QItemSelectionModel>

#include <vector>

class QAbstractProxyModel;

namespace packscope {

class PackageTreeModel;

// The one selection of the window, over the package tree as the tree view
// shows it (sorted and filtered): the tree view uses it as its selection
// model and the treemap draws and edits it, so a selection made in either is
// the other's at once, with no relaying. It speaks NodeRefs for everyone who
// is not an item view (the treemap, the side panels, the gauges' culprits).
//
// What the view filters out cannot be selected: such an item stands in for
// its nearest ancestor the view shows (a dimmed treemap tile selects the
// folder around it).
class NodeSelectionModel : public QItemSelectionModel
{
    Q_OBJECT
public:
    // Over `shown` (a proxy of `tree`), or over `tree` itself without one.
    NodeSelectionModel(PackageTreeModel *tree, QAbstractProxyModel *shown, QObject *parent = nullptr);

    // The row of `ref` in model(); invalid when the view filters it out.
    QModelIndex indexOf(const NodeRef &ref) const;
    NodeRef refOf(const QModelIndex &index) const;
    // `ref`, or its nearest ancestor the view shows; invalid if none is.
    NodeRef shownRef(const NodeRef &ref) const;

    // Selects exactly these items (their shown stand-ins), the first current.
    void selectRefs(const std::vector<NodeRef> &refs);
    // Adds `ref` to the selection or takes it out (a Ctrl+click) and makes it
    // current.
    void toggleRef(const NodeRef &ref);
    std::vector<NodeRef> selectedRefs() const;
    bool isRefSelected(const NodeRef &ref) const;
    NodeRef currentRef() const;

Q_SIGNALS:
    // The selected items or the current one changed, whoever changed them.
    void refsChanged();

private:
    PackageTreeModel *m_tree;
    QAbstractProxyModel *m_shown;
    bool m_batching = false;  // inside selectRefs(): one refsChanged at its end
};

} // namespace packscope
