#pragma once

#include "limits/LimitResult.h"

#include "session/NodeRef.h"
#include "slim/ContentFacts.h"
#include "slim/SlimRules.h"

#include <QStringList>

#include <vector>

namespace packscope {

class Session;

// What one rule would take out of one package, and what that saves: exact
// bytes on both measures (the sum of the items' kept sizes and zip
// footprints, which is exactly what excluding them saves) and the failing
// limits it would fix on its own.
struct Suggestion {
    SlimRule rule;
    // A build step rather than an exclusion (strip the items): it cannot be
    // applied as a what-if, and its zipped saving is an estimate.
    bool advisory = false;
    int package = 0;
    std::vector<NodeRef> items;       // topmost matches: a matched folder stands for its contents
    std::uint64_t unzippedSaving = 0;
    std::uint64_t zippedSaving = 0;   // bytes the package's zip shrinks by
    QStringList fixes;                // ids of failing limits this suggestion alone brings under
};

// A limit that still fails after the fix-it plan: by how much, and the
// files that keep it over (the fewest largest ones no suggestion takes).
struct PlanShortfall {
    LimitRule rule;
    std::uint64_t value = 0;  // the measure with the plan applied
    std::uint64_t over = 0;   // bytes still to go: value - largest passing value
    std::vector<Culprit> blockers;
    bool blockersSuffice = true;  // excluding `blockers` too would make it pass
};

// Runs slimming rules over a session's packages as they are now (excluded
// items are not suggested again), largest saving first.
class SuggestionFinder
{
public:
    // `facts`: ContentFacts::gather() of each session package, when the
    // caller keeps them; gathered here otherwise. `error`, when given, gets
    // the first of those facts' errors (a package changed on disk since it
    // was opened): the rules that read contents then found too little.
    static std::vector<Suggestion> find(const Session &session, const SlimRules &rules,
                                        const std::vector<ContentFacts> *facts = nullptr, QString *error = nullptr);

    // The "fix it" plan: the fewest suggestions, safe ones before caution ones
    // and never danger, that together bring every failing limit under; their
    // indexes into `suggestions`. Empty when nothing fails; when even all of
    // them are not enough, all safe and caution suggestions, and `enough` false.
    // Advisory suggestions are never part of it. `shortfalls`, when given,
    // gets each limit the plan leaves failing (empty when it is enough).
    static std::vector<std::size_t> fixItPlan(const Session &session, const std::vector<Suggestion> &suggestions,
                                              bool *enough = nullptr, std::vector<PlanShortfall> *shortfalls = nullptr);
};

} // namespace packscope
