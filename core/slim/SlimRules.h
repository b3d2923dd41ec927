#pragma once

#include "model/Ecosystem.h"
#include "whatif/GlobPattern.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace packscope {

// How sure a suggestion is that nothing breaks.
enum class RiskTier { Safe, Caution, Danger };
QString riskTierName(RiskTier tier);
std::optional<RiskTier> riskTierFromName(const QString &name);

// One slimming rule, as data (resources/rules/*.json): globs it matches, or
// a detector that finds its items by looking (duplicate files, TypeScript
// sources next to their .js), with a risk tier and a reason users can check.
struct SlimRule {
    QString id;
    QString title;
    QString reason;
    QStringList globTexts;
    std::vector<GlobPattern> globs;
    QString detector;  // one of SlimRules::kDetectors, or empty
    // Python rules never look inside node_modules (its test folders are the
    // Node rules' business); the others go where their globs say.
    Ecosystem ecosystem = Ecosystem::Any;
    RiskTier risk = RiskTier::Safe;
};

// The rules Packscope ships (compiled in from resources/rules) or a file's.
class SlimRules
{
public:
    static inline const QStringList kDetectors{QStringLiteral("duplicate-files"), QStringLiteral("typescript-sources"),
                                               QStringLiteral("foreign-os-binaries"),
                                               QStringLiteral("other-architecture-binaries"),
                                               QStringLiteral("unstripped-binaries")};

    // Parses one rule file; on error returns no rules and says which field is wrong.
    static SlimRules fromJson(const QByteArray &json, const QString &name, QString *error);
    static SlimRules builtin(QString *error);

    std::vector<SlimRule> rules;
};

} // namespace packscope
