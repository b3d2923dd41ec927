#pragma once

#include "session/NodeRef.h"

#include <QSplitter>

#include <vector>

class QTabWidget;

namespace packscope {

class CompositionChart;
class DependencyList;
class ExclusionPanel;
class NodeFilter;
class PackageTreeView;
class Session;
class SuggestionsPanel;
class JobRunner;
class PackageFacts;
class TreemapBreadcrumb;
class TreemapWidget;
class WarningsPanel;

// The three panes under the gauges: the package as files or packages on the
// left, the treemap in the middle, the Excluded / Suggestions / Warnings
// tabs and the composition chart on the right. It keeps their selections
// together: what is selected in one is selected in the others.
class AnalysisPanes : public QSplitter
{
    Q_OBJECT
public:
    AnalysisPanes(Session *session, JobRunner *jobs, QWidget *parent = nullptr);

    PackageTreeView *tree() const { return m_tree; }
    TreemapWidget *treemap() const { return m_treemap; }
    ExclusionPanel *exclusionPanel() const { return m_exclusions; }
    SuggestionsPanel *suggestionsPanel() const { return m_suggestions; }
    WarningsPanel *warningsPanel() const { return m_warnings; }
    DependencyList *dependencyList() const { return m_dependencies; }
    CompositionChart *chart() const { return m_chart; }
    QSplitter *sideSplitter() const { return m_sideSplitter; }

    // Dims what does not match in the tree and the treemap.
    void setFilter(const NodeFilter &filter);
    // Selects items (the culprits of a gauge) in the tree and the treemap,
    // and gives the tree the focus. When the filter hides some of them,
    // filterHidesItems() asks for it to go first.
    void showItems(const std::vector<NodeRef> &refs);
    // Presentation mode: the treemap alone.
    void setTreemapOnly(bool on);

Q_SIGNALS:
    // Items to show are filtered out: whoever owns the filter clears it (a
    // direct connection, so they show at once).
    void filterHidesItems();

private:
    Session *m_session;
    PackageFacts *m_facts;  // the panels' dependencies and binaries
    PackageTreeView *m_tree;
    DependencyList *m_dependencies;
    QTabWidget *m_treeTabs;  // Files and Packages
    TreemapWidget *m_treemap;
    TreemapBreadcrumb *m_breadcrumb;
    ExclusionPanel *m_exclusions;
    SuggestionsPanel *m_suggestions;
    WarningsPanel *m_warnings;
    CompositionChart *m_chart;
    QSplitter *m_sideSplitter;
};

} // namespace packscope
