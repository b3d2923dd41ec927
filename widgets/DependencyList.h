#pragma once

#include "report/Dependencies.h"
#include "session/NodeRef.h"

#include <QFutureWatcher>
#include <QWidget>

class QLabel;
class QTreeWidget;

namespace packscope {

class Session;

// The package view: the session's packages by dependency (npm package,
// Python distribution) rather than by folder, heaviest first, with what each
// weighs now. Selecting a dependency selects its items; Delete, or dragging
// it to the Excluded panel, excludes it as one item (listed under its name).
// Dependencies are found off the GUI thread when the packages change and the
// list is shown; weights follow every edit.
class DependencyList : public QWidget
{
    Q_OBJECT
public:
    explicit DependencyList(Session *session, QWidget *parent = nullptr);

    QTreeWidget *list() const { return m_list; }
    // Re-weighs the dependencies; when the packages changed, first finds
    // them on a worker thread and refreshes again when they are found.
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
    QTreeWidget *m_list;
    QLabel *m_summary;
    // Dependencies are found on a worker thread (every package.json and
    // RECORD is read), once per set of packages; their weights on this one.
    std::vector<std::vector<Dependency>> m_found;  // per session package...
    std::vector<PackagePtr> m_foundFor;            // ...of these packages
    QFutureWatcher<std::vector<std::vector<Dependency>>> m_finding;
    std::vector<PackagePtr> m_findingFor;
    // The first package that could not be read (changed on disk), written by
    // the worker before it finishes; m_foundError is the finished one's.
    std::shared_ptr<QString> m_findingError;
    QString m_foundError;
    std::vector<DependencySize> m_ranked;  // the rows, in order (pointing into m_found)
};

} // namespace packscope
