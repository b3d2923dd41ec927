#pragma once

#include "report/Dependencies.h"
#include "session/NodeRef.h"

#include <QWidget>

class QLabel;
class QTreeWidget;

namespace packscope {

class Session;

// The package view: the session's packages by dependency (npm package,
// Python distribution) rather than by folder, heaviest first, with what each
// weighs now. Selecting a dependency selects its items; Delete, or dragging
// it to the Excluded panel, excludes it as one item (listed under its name).
// Dependencies are found when the packages change and the list is shown;
// weights follow every edit.
class DependencyList : public QWidget
{
    Q_OBJECT
public:
    explicit DependencyList(Session *session, QWidget *parent = nullptr);

    QTreeWidget *list() const { return m_list; }
    // Finds the dependencies now if the packages changed, and re-weighs them.
    void refresh();
    // The items of the selected dependencies.
    std::vector<NodeRef> selectedRefs() const;
    // The reason exclusions of dependency `row` carry ("npm package aws-sdk").
    QString exclusionReason(int row) const;

Q_SIGNALS:
    void refsSelected(const std::vector<packscope::NodeRef> &refs);

protected:
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void excludeSelected();

    Session *m_session;
    QTreeWidget *m_list;
    QLabel *m_summary;
    std::vector<std::vector<Dependency>> m_found;  // per session package
    std::vector<DependencySize> m_ranked;          // the rows, in order
    bool m_foundStale = true;
};

} // namespace packscope
