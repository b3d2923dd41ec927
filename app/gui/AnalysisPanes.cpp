#include "AnalysisPanes.h"

#include "CompositionChart.h"
#include "DependencyList.h"
#include "ExclusionPanel.h"
#include "NodeSelectionModel.h"
#include "PackageTreeView.h"
#include "SuggestionsPanel.h"
#include "TreemapBreadcrumb.h"
#include "TreemapLegend.h"
#include "TreemapWidget.h"
#include "WarningsPanel.h"

#include "whatif/NodeFilter.h"
#include "session/PackageFacts.h"
#include "session/Session.h"

#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace packscope {

AnalysisPanes::AnalysisPanes(Session *session, JobRunner *jobs, QWidget *parent)
    : QSplitter(Qt::Horizontal, parent), m_session(session), m_facts(new PackageFacts(session, jobs, this)),
      m_tree(new PackageTreeView(session, this)), m_dependencies(new DependencyList(session, m_facts, this)), m_treeTabs(new QTabWidget(this)),
      m_treemap(new TreemapWidget(session, jobs, m_tree->nodeSelection(), this)), m_breadcrumb(new TreemapBreadcrumb(session, this)),
      m_exclusions(new ExclusionPanel(session, this)), m_suggestions(new SuggestionsPanel(session, m_facts, this)),
      m_warnings(new WarningsPanel(session, this)), m_chart(new CompositionChart(session, this)),
      m_sideSplitter(new QSplitter(Qt::Vertical, this))
{
    setObjectName(u"mainSplitter"_s);

    // The package by folder, or by dependency.
    m_treeTabs->setDocumentMode(true);
    m_treeTabs->addTab(m_tree, tr("Files"));
    m_treeTabs->addTab(m_dependencies, tr("Packages"));

    auto *mapArea = new QWidget(this);
    auto *mapLayout = new QVBoxLayout(mapArea);
    mapLayout->setContentsMargins(0, 0, 0, 0);
    mapLayout->setSpacing(2);
    mapLayout->addWidget(m_breadcrumb);
    mapLayout->addWidget(m_treemap, 1);
    mapLayout->addWidget(new TreemapLegend(mapArea));

    auto *sideTabs = new QTabWidget(this);
    sideTabs->setDocumentMode(true);
    sideTabs->addTab(m_exclusions, tr("Excluded"));
    connect(m_suggestions, &SuggestionsPanel::itemsActivated, this, &AnalysisPanes::showItems);
    sideTabs->addTab(m_suggestions, tr("Suggestions"));
    const int warningsTab = sideTabs->addTab(m_warnings, tr("Warnings"));
    connect(m_warnings, &WarningsPanel::countChanged, sideTabs, [sideTabs, warningsTab](int count) {
        sideTabs->setTabText(warningsTab, count > 0 ? tr("Warnings (%1)").arg(count) : tr("Warnings"));
    });
    m_sideSplitter->setObjectName(u"sideSplitter"_s);
    m_sideSplitter->addWidget(sideTabs);
    m_sideSplitter->addWidget(m_chart);
    m_sideSplitter->setStretchFactor(0, 1);
    m_sideSplitter->setStretchFactor(1, 1);

    addWidget(m_treeTabs);
    addWidget(mapArea);
    addWidget(m_sideSplitter);
    setStretchFactor(0, 3);
    setStretchFactor(1, 5);
    setStretchFactor(2, 2);
    setSizes({560, 660, 340});

    connect(m_treemap, &TreemapWidget::zoomChanged, m_breadcrumb, &TreemapBreadcrumb::setRoot);
    connect(m_session, &Session::changed, this, [this] { m_breadcrumb->setRoot(m_treemap->zoomRoot()); });
    connect(m_breadcrumb, &TreemapBreadcrumb::levelActivated, m_treemap, &TreemapWidget::zoomTo);
    // The tree and the treemap share one selection; the panels select in it.
    connect(m_dependencies, &DependencyList::refsSelected, m_tree, &PackageTreeView::selectRefs);
    connect(m_warnings, &WarningsPanel::itemActivated, this,
            [this](const NodeRef &ref) { showItems({ref}); });
}

void AnalysisPanes::setFilter(const NodeFilter &filter)
{
    m_tree->setNodeFilter(filter);
    m_treemap->setFilter(filter);
}

void AnalysisPanes::showItems(const std::vector<NodeRef> &refs)
{
    const NodeSelectionModel *selection = m_tree->nodeSelection();
    const bool hidden = std::any_of(refs.begin(), refs.end(),
                                    [selection](const NodeRef &ref) { return !selection->indexOf(ref).isValid(); });
    if (hidden)
        Q_EMIT filterHidesItems();
    m_tree->selectRefs(refs);
    m_tree->setFocus();
}

void AnalysisPanes::setTreemapOnly(bool on)
{
    m_treeTabs->setVisible(!on);
    m_sideSplitter->setVisible(!on);
}

} // namespace packscope
