#pragma once

#include <QList>
#include <QString>

#include <cstdint>

namespace packscope {

// What a limit is measured on.
enum class LimitMeasure {
    FunctionZipped,    // size of the function's zip (after exclusion)
    FunctionUnzipped,  // unzipped size of the function package alone
    TotalUnzipped,     // unzipped size of the function plus every layer
    LayerCount,        // number of layers
};

// One limit of a profile, as data (resources/profiles/*.json).
struct LimitRule {
    enum class Comparison { Less, LessOrEqual };
    enum class Severity { Error, Info };

    QString id;
    QString title;
    LimitMeasure measure = LimitMeasure::FunctionZipped;
    std::uint64_t limit = 0;
    Comparison comparison = Comparison::Less;
    Severity severity = Severity::Error;
    QString appliesTo;
    QString errorText;  // what AWS prints when the limit is exceeded, if known
    QString source;

    bool isInfo() const { return severity == Severity::Info; }
    bool isCount() const { return measure == LimitMeasure::LayerCount; }
    bool holds(std::uint64_t value) const { return comparison == Comparison::Less ? value < limit : value <= limit; }
    // Largest value that still passes (limit - 1 for a strict rule).
    std::uint64_t largestPassing() const
    {
        return comparison == Comparison::Less ? (limit > 0 ? limit - 1 : 0) : limit;
    }
    QString ruleText() const { return comparison == Comparison::Less ? QStringLiteral("<") : QStringLiteral("<="); }
};

// A named set of limits: the built-in `aws-lambda` or a user's own JSON file.
class LimitProfile
{
public:
    QString id;
    QString name;
    QString notes;
    QList<LimitRule> limits;

    // Parses profile JSON; on error returns an empty profile and sets `error`
    // to a message saying which field is wrong.
    static LimitProfile fromJson(const QByteArray &json, QString *error);
    // `idOrFile` is a built-in id (e.g. "aws-lambda") or a path to a JSON file.
    static LimitProfile load(const QString &idOrFile, QString *error);
    static LimitProfile awsLambda();
    static QStringList builtinIds();

    bool isValid() const { return !id.isEmpty(); }
    const LimitRule *rule(const QString &ruleId) const;
};

} // namespace packscope
