#pragma once

#include "slim/SlimRules.h"
#include "whatif/GlobPattern.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

#include <optional>
#include <vector>

namespace packscope {

class Session;

// The what-if options `slim` and `patterns` share: --exclude GLOB
// (repeatable) and --rules safe|caution (what the suggestion rules of that
// tier and below match), parsed once and applied to a session.
class WhatIfArguments
{
public:
    void addTo(QCommandLineParser &parser) const;
    // Reads the options, loads `package` into the session and applies them;
    // returns the one-line error of the first step that fails, or "".
    QString open(const QCommandLineParser &parser, const QString &package, Session &session);

private:
    QString read(const QCommandLineParser &parser);
    QString applyTo(Session &session) const;

    QCommandLineOption m_exclude{QStringLiteral("exclude"), QStringLiteral("Leave out entries matching GLOB (repeatable)."),
                                 QStringLiteral("GLOB")};
    QCommandLineOption m_rules{QStringLiteral("rules"),
                               QStringLiteral("Also leave out what the suggestion rules of this risk tier and below "
                                              "match: safe or caution."),
                               QStringLiteral("TIER")};
    std::vector<GlobPattern> m_globs;
    std::optional<RiskTier> m_tier;
};

} // namespace packscope
