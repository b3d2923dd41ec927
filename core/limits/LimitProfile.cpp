#include "limits/LimitProfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace packscope {

namespace {

bool parseMeasure(const QString &text, LimitMeasure *measure)
{
    static const QList<std::pair<QString, LimitMeasure>> names = {
        {u"function-zipped"_s, LimitMeasure::FunctionZipped},
        {u"function-unzipped"_s, LimitMeasure::FunctionUnzipped},
        {u"total-unzipped"_s, LimitMeasure::TotalUnzipped},
        {u"layer-count"_s, LimitMeasure::LayerCount},
    };
    for (const auto &[name, value] : names) {
        if (name == text) {
            *measure = value;
            return true;
        }
    }
    return false;
}

bool parseRule(const QJsonObject &object, int index, LimitRule *rule, QString *error)
{
    auto fail = [&](const QString &what) {
        *error = u"limit %1: %2"_s.arg(index + 1).arg(what);
        return false;
    };
    rule->id = object.value(u"id"_s).toString();
    if (rule->id.isEmpty())
        return fail(u"missing \"id\""_s);
    rule->title = object.value(u"title"_s).toString(rule->id);
    if (!parseMeasure(object.value(u"measure"_s).toString(), &rule->measure))
        return fail(u"\"measure\" must be function-zipped, function-unzipped, total-unzipped or layer-count"_s);
    const QJsonValue limit = object.value(u"limit"_s);
    const double number = limit.toDouble(-1);
    if (!limit.isDouble() || number < 0 || number > 9.0e15 || number != double(std::uint64_t(number)))
        return fail(u"\"limit\" must be a whole number of bytes (or a count)"_s);
    rule->limit = std::uint64_t(number);
    const QString comparison = object.value(u"rule"_s).toString(u"<"_s);
    if (comparison == u"<")
        rule->comparison = LimitRule::Comparison::Less;
    else if (comparison == u"<=")
        rule->comparison = LimitRule::Comparison::LessOrEqual;
    else
        return fail(u"\"rule\" must be \"<\" or \"<=\""_s);
    const QString severity = object.value(u"severity"_s).toString(u"error"_s);
    if (severity == u"error")
        rule->severity = LimitRule::Severity::Error;
    else if (severity == u"info")
        rule->severity = LimitRule::Severity::Info;
    else
        return fail(u"\"severity\" must be \"error\" or \"info\""_s);
    rule->appliesTo = object.value(u"applies_to"_s).toString();
    rule->errorText = object.value(u"error_text"_s).toString();
    rule->source = object.value(u"source"_s).toString();
    return true;
}

} // namespace

LimitProfile LimitProfile::fromJson(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = u"not valid JSON at offset %1: %2"_s.arg(parseError.offset).arg(parseError.errorString());
        return {};
    }
    if (!document.isObject()) {
        *error = u"a profile must be a JSON object"_s;
        return {};
    }
    const QJsonObject root = document.object();
    LimitProfile profile;
    profile.id = root.value(u"id"_s).toString();
    if (profile.id.isEmpty()) {
        *error = u"missing \"id\""_s;
        return {};
    }
    profile.name = root.value(u"name"_s).toString(profile.id);
    profile.notes = root.value(u"notes"_s).toString();
    const QJsonValue limits = root.value(u"limits"_s);
    if (!limits.isArray() || limits.toArray().isEmpty()) {
        *error = u"\"limits\" must be a non-empty array"_s;
        return {};
    }
    const QJsonArray array = limits.toArray();
    for (int i = 0; i < array.size(); ++i) {
        if (!array.at(i).isObject()) {
            *error = u"limit %1: must be an object"_s.arg(i + 1);
            return {};
        }
        LimitRule rule;
        if (!parseRule(array.at(i).toObject(), i, &rule, error))
            return {};
        for (const LimitRule &existing : std::as_const(profile.limits)) {
            if (existing.id == rule.id) {
                *error = u"limit %1: duplicate id \"%2\""_s.arg(i + 1).arg(rule.id);
                return {};
            }
        }
        profile.limits.append(rule);
    }
    return profile;
}

QStringList LimitProfile::builtinIds()
{
    QStringList ids;
    for (const QString &file : QDir(u":/profiles"_s).entryList({u"*.json"_s}))
        ids.append(QFileInfo(file).completeBaseName());
    return ids;
}

LimitProfile LimitProfile::load(const QString &idOrFile, QString *error)
{
    QString path;
    if (QFileInfo(idOrFile).isFile())
        path = idOrFile;
    else if (QFile::exists(u":/profiles/"_s + idOrFile + u".json"_s))
        path = u":/profiles/"_s + idOrFile + u".json"_s;
    else {
        *error = u"%1: no such profile file, and not a built-in profile (built-in: %2)"_s.arg(
            idOrFile, builtinIds().join(u", "_s));
        return {};
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"%1: %2"_s.arg(idOrFile, file.errorString());
        return {};
    }
    QString parseError;
    LimitProfile profile = fromJson(file.readAll(), &parseError);
    if (!profile.isValid())
        *error = u"%1: invalid profile: %2"_s.arg(idOrFile, parseError);
    return profile;
}

LimitProfile LimitProfile::awsLambda()
{
    QString error;
    LimitProfile profile = load(u"aws-lambda"_s, &error);
    Q_ASSERT_X(profile.isValid(), "LimitProfile::awsLambda", "built-in profile must parse");
    return profile;
}

const LimitRule *LimitProfile::rule(const QString &ruleId) const
{
    for (const LimitRule &r : limits) {
        if (r.id == ruleId)
            return &r;
    }
    return nullptr;
}

} // namespace packscope
