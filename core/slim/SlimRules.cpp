#include "slim/SlimRules.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace packscope {

QString riskTierName(RiskTier tier)
{
    switch (tier) {
    case RiskTier::Safe:
        return u"safe"_s;
    case RiskTier::Caution:
        return u"caution"_s;
    case RiskTier::Danger:
        break;
    }
    return u"danger"_s;
}

std::optional<RiskTier> riskTierFromName(const QString &name)
{
    for (RiskTier tier : {RiskTier::Safe, RiskTier::Caution, RiskTier::Danger}) {
        if (riskTierName(tier) == name)
            return tier;
    }
    return std::nullopt;
}

SlimRules SlimRules::fromJson(const QByteArray &json, const QString &name, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (!document.isObject()) {
        *error = u"%1: not a rules file: %2"_s.arg(name, parseError.errorString());
        return {};
    }
    const QJsonObject root = document.object();
    if (root.value(u"schema"_s).toString() != u"packscope.rules/1") {
        *error = u"%1: \"schema\" must be \"packscope.rules/1\""_s.arg(name);
        return {};
    }
    const QString ecosystemName = root.value(u"ecosystem"_s).toString();
    Ecosystem ecosystem = Ecosystem::Any;
    if (ecosystemName == u"python")
        ecosystem = Ecosystem::Python;
    else if (ecosystemName == u"node")
        ecosystem = Ecosystem::Node;
    else if (ecosystemName == u"java")
        ecosystem = Ecosystem::Java;
    else if (ecosystemName != u"any") {
        *error = u"%1: \"ecosystem\" must be any, python, node or java"_s.arg(name);
        return {};
    }
    SlimRules result;
    const QJsonArray rules = root.value(u"rules"_s).toArray();
    for (qsizetype i = 0; i < rules.size(); ++i) {
        const QJsonObject o = rules.at(i).toObject();
        SlimRule rule;
        rule.id = o.value(u"id"_s).toString();
        rule.title = o.value(u"title"_s).toString();
        rule.reason = o.value(u"reason"_s).toString();
        rule.detector = o.value(u"detector"_s).toString();
        rule.ecosystem = ecosystem;
        const auto risk = riskTierFromName(o.value(u"risk"_s).toString());
        const QString where = u"%1: rule %2 (%3)"_s.arg(name).arg(i + 1).arg(rule.id);
        if (rule.id.isEmpty() || rule.title.isEmpty() || rule.reason.isEmpty()) {
            *error = where + u": \"id\", \"title\" and \"reason\" are required"_s;
            return {};
        }
        if (!risk) {
            *error = where + u": \"risk\" must be safe, caution or danger"_s;
            return {};
        }
        rule.risk = *risk;
        for (const QJsonValue &glob : o.value(u"match"_s).toArray()) {
            rule.globTexts << glob.toString();
            rule.globs.emplace_back(glob.toString());
            if (!rule.globs.back().isValid()) {
                *error = where + u": empty glob"_s;
                return {};
            }
        }
        if (rule.globs.empty() == rule.detector.isEmpty()) {
            *error = where + u": give either \"match\" globs or a \"detector\""_s;
            return {};
        }
        if (!rule.detector.isEmpty() && !kDetectors.contains(rule.detector)) {
            *error = where + u": unknown detector \"%1\""_s.arg(rule.detector);
            return {};
        }
        result.rules.push_back(std::move(rule));
    }
    return result;
}

SlimRules SlimRules::builtin(QString *error)
{
    SlimRules all;
    const QDir dir(u":/rules"_s);
    for (const QString &file : dir.entryList({u"*.json"_s}, QDir::Files, QDir::Name)) {
        QFile f(dir.filePath(file));
        if (!f.open(QIODevice::ReadOnly)) {
            *error = u"%1: cannot read the built-in rules"_s.arg(file);
            return {};
        }
        SlimRules some = fromJson(f.readAll(), file, error);
        if (!error->isEmpty())
            return {};
        for (SlimRule &rule : some.rules)
            all.rules.push_back(std::move(rule));
    }
    return all;
}

} // namespace packscope
