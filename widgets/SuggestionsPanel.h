#pragma once

#include "session/SuggestionList.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTimer;
class QTreeView;

namespace packscope {

class PackageFacts;
class PanelModel;
class Session;

// Shows what the slimming rules suggest for the session's packages (a
// SuggestionList): each suggestion with its risk, reason, exact savings and
// the limits it would fix on its own; its checkbox applies or takes back the
// exclusion (one undoable edit each), and "Apply the fix-it plan" checks the
// fewest safe-then-caution suggestions that bring every limit under. Build
// steps (strip the debug information) are listed without a checkbox: they
// are not exclusions. Follows the session a moment after each edit while shown.
class SuggestionsPanel : public QWidget
{
    Q_OBJECT
public:
    SuggestionsPanel(Session *session, PackageFacts *facts, QWidget *parent = nullptr);

    const std::vector<Suggestion> &suggestions() const { return m_listed->suggestions(); }
    QTreeView *list() const { return m_view; }
    PanelModel *model() const { return m_model; }
    // Recomputes now (it otherwise waits for the panel to be shown and the
    // session to be quiet for a moment).
    void refresh();
    void applyPlan();
    // When even the whole plan is not enough: each limit it leaves failing,
    // with the files that keep it over (offered for selection).
    const std::vector<PlanShortfall> &shortfalls() const { return m_listed->shortfalls(); }
    QString summaryText() const;

Q_SIGNALS:
    // The user asked to see these items (the files no suggestion takes).
    void itemsActivated(const std::vector<packscope::NodeRef> &items);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void scheduleRefresh();
    void display(const SuggestionList &listed);
    QString summaryOf(const SuggestionList &listed) const;
    QString shortfallText() const;

    Session *m_session;
    SuggestionList *m_listed;
    PanelModel *m_model;
    QTreeView *m_view;
    QLabel *m_summary;
    QPushButton *m_planButton;
    QTimer *m_timer;
    bool m_stale = true;
};

} // namespace packscope
