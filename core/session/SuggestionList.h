#pragma once

#include "slim/SuggestionFinder.h"

#include <QObject>

#include <utility>
#include <vector>

namespace packscope {

class PackageFacts;
class Session;

// What the Suggestions panel lists for a session, kept from edit to edit:
// the finder's open suggestions and the ones the user applied (listed,
// applied, until taken back), each keeping its place in the list; the fix-it
// plan and what it leaves failing. Rules that read binaries wait for the
// package facts and join in when they are found.
class SuggestionList : public QObject
{
    Q_OBJECT
public:
    SuggestionList(Session *session, PackageFacts *facts, QObject *parent = nullptr);

    // Finds the suggestions for the session as it is now.
    void refresh();

    // As listed: open and applied suggestions, each in its place.
    const std::vector<Suggestion> &suggestions() const { return m_suggestions; }
    bool isApplied(std::size_t index) const { return m_applied[index]; }
    // Open suggestions listed (the rest are applied).
    std::size_t openCount() const { return m_openCount; }
    // Indexes into suggestions() of the fix-it plan, and whether it is enough.
    const std::vector<std::size_t> &plan() const { return m_plan; }
    bool planIsEnough() const { return m_planIsEnough; }
    const std::vector<PlanShortfall> &shortfalls() const { return m_shortfalls; }
    // The files that keep the shortfalls' limits over.
    std::vector<NodeRef> blockers() const;
    // Why the list may hold less than the rules would find: the built-in
    // rules did not load, or the binaries could not be read.
    const QString &rulesError() const { return m_rulesError; }
    QString factsError() const;
    bool factsReady() const { return m_factsReady; }

    // Applies suggestion `index` (one edit, its items carrying its title as
    // reason) or takes it back.
    void setApplied(std::size_t index, bool applied);
    void applyPlan();

Q_SIGNALS:
    void refreshed();

private:
    void keepInPlace(std::vector<Suggestion> found, std::vector<Suggestion> applied);

    Session *m_session;
    PackageFacts *m_facts;
    QString m_rulesError;  // before m_rules, which is loaded into it
    SlimRules m_rules;
    std::vector<Suggestion> m_suggestions;
    std::vector<bool> m_applied;            // per m_suggestions
    std::vector<Suggestion> m_appliedHere;  // applied through this list and still fully excluded
    // Rule and package of each suggestion ever listed for these packages, in
    // list order: a row keeps its place when it is applied, when others go,
    // and when it comes back after an undo.
    std::vector<std::pair<QString, int>> m_order;
    std::vector<std::size_t> m_plan;
    std::vector<PlanShortfall> m_shortfalls;
    QString m_factsError;  // the first package's facts error, as of the last refresh
    std::size_t m_openCount = 0;
    bool m_planIsEnough = true;
    bool m_factsReady = false;
};

} // namespace packscope
