#pragma once

#include "slim/SuggestionFinder.h"

#include <QFutureWatcher>
#include <QWidget>

class QLabel;
class QPushButton;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

namespace packscope {

class Session;

// What the slimming rules suggest for the session's packages: each
// suggestion with its risk, reason, exact savings and the limits it would fix
// on its own; its checkbox applies or takes back the exclusion (one undoable
// edit each; applied suggestions stay listed, checked, until taken back), and "Apply the fix-it plan" checks the fewest safe-then-caution
// suggestions that bring every limit under. Build steps (strip the debug
// information) are listed without a checkbox: they are not exclusions.
// Follows the session a moment after each edit while shown.
class SuggestionsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit SuggestionsPanel(Session *session, QWidget *parent = nullptr);

    const std::vector<Suggestion> &suggestions() const { return m_suggestions; }
    QTreeWidget *list() const { return m_list; }
    // Recomputes now (it otherwise waits for the panel to be shown and the
    // session to be quiet for a moment).
    void refresh();
    void applyPlan();
    // When even the whole plan is not enough: each limit it leaves failing,
    // with the files that keep it over (offered for selection).
    const std::vector<PlanShortfall> &shortfalls() const { return m_shortfalls; }
    QString summaryText() const;

Q_SIGNALS:
    // The user asked to see these items (the files no suggestion takes).
    void itemsActivated(const std::vector<packscope::NodeRef> &items);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void scheduleRefresh();
    QString shortfallText() const;
    void onItemChanged(QTreeWidgetItem *item, int column);
    void keepRowsInPlace(std::size_t open);

    Session *m_session;
    QString m_rulesError;  // before m_rules, which is loaded into it
    SlimRules m_rules;
    std::vector<Suggestion> m_suggestions;  // as listed: open and applied, in m_order
    std::vector<bool> m_checked;            // per m_suggestions: applied (listed checked)
    std::vector<Suggestion> m_applied;      // checked here and still fully excluded
    // Rule and package of each suggestion ever listed for these packages, in
    // the order of the list: a row keeps its place when it is applied, when
    // others go, and when it comes back after an undo.
    std::vector<std::pair<QString, int>> m_order;
    std::vector<ContentFacts> m_facts;      // per session package, read once...
    std::vector<PackagePtr> m_factsFor;     // ...for these packages
    QFutureWatcher<std::vector<ContentFacts>> m_gathering;
    std::vector<PackagePtr> m_gatheringFor;
    std::vector<std::size_t> m_plan;
    std::vector<PlanShortfall> m_shortfalls;
    QTreeWidget *m_list;
    QLabel *m_summary;
    QPushButton *m_planButton;
    QTimer *m_timer;
    bool m_stale = true;
    bool m_filling = false;
};

} // namespace packscope
