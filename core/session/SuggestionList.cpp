#include "session/SuggestionList.h"

#include "session/PackageFacts.h"
#include "session/Session.h"

#include <algorithm>

namespace packscope {

SuggestionList::SuggestionList(Session *session, PackageFacts *facts, QObject *parent)
    : QObject(parent), m_session(session), m_facts(facts), m_rules(SlimRules::builtin(&m_rulesError))
{
    connect(session, &Session::packagesChanged, this, [this] {
        m_appliedHere.clear();
        m_order.clear();
    });
    connect(facts, &PackageFacts::contentFactsReady, this, &SuggestionList::refresh);
}

void SuggestionList::refresh()
{
    // An applied suggestion stays while all its items are excluded (an undo
    // or a restore elsewhere takes it back).
    std::erase_if(m_appliedHere, [this](const Suggestion &s) {
        return std::any_of(s.items.begin(), s.items.end(), [this](const NodeRef &ref) {
            return !m_session->exclusions(ref.package).isMarked(ref.node);
        });
    });
    // What the contents say does not change with exclusions: the facts are
    // found once per package; until then the rules that need them wait.
    const std::vector<ContentFacts> *facts = m_facts->contentFacts();
    m_factsReady = facts != nullptr;
    SlimRules rules = m_rules;
    if (!m_factsReady)
        std::erase_if(rules.rules, [](const SlimRule &r) { return r.detector.contains(u"binaries"); });
    // The finder reads the cached facts where they lie: no copy per edit.
    m_factsError.clear();
    std::vector<Suggestion> found = m_session->hasFunction()
        ? SuggestionFinder::find(*m_session, rules, facts, &m_factsError)
        : std::vector<Suggestion>{};
    m_plan = SuggestionFinder::fixItPlan(*m_session, found, &m_planIsEnough, &m_shortfalls);
    m_openCount = found.size();
    keepInPlace(std::move(found), m_appliedHere);
    Q_EMIT refreshed();
}

void SuggestionList::keepInPlace(std::vector<Suggestion> found, std::vector<Suggestion> applied)
{
    // `found` is the finder's ranking (largest saving first); a suggestion
    // not listed before goes before the first listed one ranked below it.
    const std::size_t open = found.size();
    std::vector<Suggestion> all = std::move(found);
    all.insert(all.end(), std::make_move_iterator(applied.begin()), std::make_move_iterator(applied.end()));
    using Key = std::pair<QString, int>;
    const auto keyOf = [](const Suggestion &s) { return Key(s.rule.id, s.package); };
    const auto placeOf = [this](const Key &key) { return std::find(m_order.begin(), m_order.end(), key); };
    for (std::size_t i = 0; i < all.size(); ++i) {
        const Key key = keyOf(all[i]);
        if (placeOf(key) != m_order.end())
            continue;
        auto place = m_order.end();
        for (std::size_t j = i + 1; j < all.size() && place == m_order.end(); ++j)
            place = placeOf(keyOf(all[j]));
        m_order.insert(place, key);
    }
    std::vector<std::size_t> rows(all.size());
    for (std::size_t i = 0; i < rows.size(); ++i)
        rows[i] = i;
    std::stable_sort(rows.begin(), rows.end(),
                     [&](std::size_t a, std::size_t b) { return placeOf(keyOf(all[a])) < placeOf(keyOf(all[b])); });
    m_suggestions.clear();
    m_applied.assign(rows.size(), false);
    std::vector<std::size_t> rowOf(rows.size());
    for (std::size_t row = 0; row < rows.size(); ++row) {
        m_suggestions.push_back(std::move(all[rows[row]]));
        rowOf[rows[row]] = row;
        m_applied[row] = rows[row] >= open;
    }
    for (std::size_t &i : m_plan)
        i = rowOf[i];
}

std::vector<NodeRef> SuggestionList::blockers() const
{
    std::vector<NodeRef> refs;
    for (const PlanShortfall &s : m_shortfalls) {
        for (const Culprit &c : s.blockers)
            refs.push_back({c.package, c.node});
    }
    return refs;
}

QString SuggestionList::factsError() const
{
    return m_factsError;
}

void SuggestionList::setApplied(std::size_t index, bool applied)
{
    if (index >= m_suggestions.size() || m_suggestions[index].advisory)
        return;
    const Suggestion s = m_suggestions[index];
    if (applied) {
        m_appliedHere.push_back(s);
        m_session->exclude(s.items, s.rule.title);
    } else {
        std::erase_if(m_appliedHere, [&s](const Suggestion &a) { return a.rule.id == s.rule.id && a.package == s.package; });
        m_session->restore(s.items);
    }
}

void SuggestionList::applyPlan()
{
    std::vector<Session::ReasonedRef> items;
    for (std::size_t i : m_plan) {
        for (const NodeRef &ref : m_suggestions[i].items)
            items.push_back({ref, m_suggestions[i].rule.title});
        m_appliedHere.push_back(m_suggestions[i]);
    }
    m_session->excludeWithReasons(items);
}

} // namespace packscope
