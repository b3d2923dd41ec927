#include "WhatIfArguments.h"

#include "CommandLine.h"

#include "session/Session.h"
#include "slim/SuggestionFinder.h"

using namespace Qt::StringLiterals;

namespace packscope {

void WhatIfArguments::addTo(QCommandLineParser &parser) const
{
    parser.addOptions({m_exclude, m_rules});
}

QString WhatIfArguments::open(const QCommandLineParser &parser, const QString &package, Session &session)
{
    if (QString error = read(parser); !error.isEmpty())
        return error;
    if (QString error = loadPackages(session, package); !error.isEmpty())
        return error;
    return applyTo(session);
}

QString WhatIfArguments::read(const QCommandLineParser &parser)
{
    if (parser.isSet(m_rules)) {
        m_tier = riskTierFromName(parser.value(m_rules));
        if (!m_tier || *m_tier == RiskTier::Danger)
            return u"--rules must be safe or caution, not '%1'"_s.arg(parser.value(m_rules));
    }
    return parseGlobs(parser.values(m_exclude), &m_globs);
}

QString WhatIfArguments::applyTo(Session &session) const
{
    for (const GlobPattern &glob : m_globs)
        session.excludeMatching(glob);
    if (!m_tier)
        return {};
    QString error;
    const SlimRules rules = SlimRules::builtin(&error);
    if (!error.isEmpty())
        return error;
    const std::vector<Suggestion> suggestions = SuggestionFinder::find(session, rules, nullptr, &error);
    if (!error.isEmpty())
        return error;  // the rules would leave binaries in that they never saw
    for (const Suggestion &s : suggestions) {
        if (s.rule.risk <= *m_tier && s.package == 0 && !s.advisory)
            session.exclude(s.items, s.rule.title);
    }
    return {};
}

} // namespace packscope
