#pragma once

#include "report/Dependencies.h"
#include "session/NodeRef.h"

#include <QWidget>

class QLabel;
class QSortFilterProxyModel;
class QTreeView;

namespace packscope {

class PackageFacts;
class PanelModel;
class Session;

// The package view: the session's packages by dependency (npm package,
// Python distribution) rather than by folder, heaviest first, with what each
// weighs now. Selecting a dependency selects its items; Delete, or dragging
// it to the Excluded panel, excludes it as one item (listed under its name).
// Dependencies are found once per package (PackageFacts) when the list is
// first shown; weights follow every edit.
class DependencyList : public QWidget
{
    Q_OBJECT
public:
    DependencyList(Session *session, PackageFacts *facts, QWidget *parent = nullptr);

    QTreeView *list() const { return m_list; }
    PanelModel *model() const { return m_model; }
    // Re-weighs the dependencies; when some are not found yet, PackageFacts
    // finds them off the GUI thread and the list refreshes when they are.
    void refresh();
    // The items of the selected dependencies.
    std::vector<NodeRef> selectedRefs() const;
    // The reason exclusions of dependency `row` carry ("npm package aws-sdk").
    QString exclusionReason(int row) const;
    // The line under the list: what it holds, or why it could not be found.
    QString summaryText() const;

Q_SIGNALS:
    void refsSelected(const std::vector<packscope::NodeRef> &refs);

protected:
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void excludeSelected();

    Session *m_session;
    PackageFacts *m_facts;
    PanelModel *m_model;
    QSortFilterProxyModel *m_sorted;
    QTreeView *m_list;
    QLabel *m_summary;
    std::vector<DependencySize> m_ranked;  // the rows, by tag (pointing into the facts' lists)
};

} // namespace packscope
