#include "scenario/Scenario.h"
#include "io/VerifiedSaveFile.h"
#include "session/Session.h"
#include "slim/SuggestionFinder.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace packscope {

namespace {

constexpr auto kSchema = "packscope.scenario/1";

QString storedPath(const QString &packagePath, const QString &scenarioPath)
{
    const QDir base = QFileInfo(scenarioPath).absoluteDir();
    const QString relative = base.relativeFilePath(QFileInfo(packagePath).absoluteFilePath());
    return relative.startsWith(u"../"_s) ? QFileInfo(packagePath).absoluteFilePath() : relative;
}

QString resolved(const QString &stored, const QString &scenarioPath)
{
    return QDir::isAbsolutePath(stored) ? stored : QFileInfo(scenarioPath).absoluteDir().filePath(stored);
}

QJsonObject packageJson(const Scenario::PackageFile &file)
{
    return {{u"path"_s, file.path}, {u"sha256"_s, file.sha256}};
}

Scenario::PackageFile packageFromJson(const QJsonValue &value)
{
    return {value[u"path"_s].toString(), value[u"sha256"_s].toString()};
}

} // namespace

QString fileSha256(const QString &path)
{
    QFile file(path);
    if (QFileInfo(path).isDir() || !file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return QString::fromLatin1(hash.result().toHex());
}

Scenario Scenario::capture(const Session &session, const QString &scenarioPath, const QStringList &appliedRules)
{
    Scenario s;
    s.profile = session.profile().id;
    s.rules = appliedRules;
    for (int p = 0; p < session.packageCount(); ++p) {
        const PackagePtr &package = session.package(p);
        if (!package)
            continue;
        const PackageFile file{storedPath(package->path, scenarioPath), fileSha256(package->path)};
        if (p == 0)
            s.function = file;
        else
            s.layers.push_back(file);
    }
    for (const NodeRef &ref : session.excludedItems()) {
        const PackageTree &tree = session.package(ref.package)->tree;
        s.excluded.push_back({ref.package, tree.path(ref.node), tree.isFolder(ref.node), session.exclusionReason(ref)});
    }
    return s;
}

QByteArray Scenario::toJson() const
{
    QJsonArray layerArray, items;
    for (const PackageFile &layer : layers)
        layerArray.append(packageJson(layer));
    for (const Item &item : excluded) {
        QJsonObject o{{u"path"_s, QString(item.path + (item.folder ? u"/"_s : QString()))}};
        if (item.package > 0)
            o.insert(u"layer"_s, item.package);
        if (!item.reason.isEmpty())
            o.insert(u"reason"_s, item.reason);
        items.append(o);
    }
    const QJsonObject root{{u"schema"_s, QString::fromLatin1(kSchema)},
                           {u"package"_s, packageJson(function)},
                           {u"layers"_s, layerArray},
                           {u"profile"_s, profile},
                           {u"excluded"_s, items},
                           {u"rules"_s, QJsonArray::fromStringList(rules)}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

std::optional<Scenario> Scenario::fromJson(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (!document.isObject()) {
        *error = u"not a scenario file: %1"_s.arg(parseError.errorString());
        return std::nullopt;
    }
    const QJsonObject root = document.object();
    if (root[u"schema"_s].toString() != QString::fromLatin1(kSchema)) {
        *error = u"\"schema\" must be \"%1\""_s.arg(QString::fromLatin1(kSchema));
        return std::nullopt;
    }
    Scenario s;
    s.function = packageFromJson(root[u"package"_s]);
    if (s.function.path.isEmpty()) {
        *error = u"\"package\" needs a \"path\""_s;
        return std::nullopt;
    }
    for (const QJsonValue &layer : root[u"layers"_s].toArray())
        s.layers.push_back(packageFromJson(layer));
    s.profile = root[u"profile"_s].toString(u"aws-lambda"_s);
    for (const QJsonValue &value : root[u"excluded"_s].toArray()) {
        QString path = value[u"path"_s].toString();
        const int layer = value[u"layer"_s].toInt(0);
        if (path.isEmpty() || layer < 0 || layer > int(s.layers.size())) {
            *error = u"an \"excluded\" item needs a \"path\" and a valid \"layer\""_s;
            return std::nullopt;
        }
        const bool folder = path.endsWith(u'/');
        if (folder)
            path.chop(1);
        s.excluded.push_back({layer, path, folder, value[u"reason"_s].toString()});
    }
    for (const QJsonValue &rule : root[u"rules"_s].toArray())
        s.rules << rule.toString();
    return s;
}

std::optional<Scenario> Scenario::load(const QString &scenarioPath, QString *error)
{
    QFile file(scenarioPath);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"%1: %2"_s.arg(scenarioPath, file.errorString());
        return std::nullopt;
    }
    QString reason;
    std::optional<Scenario> s = fromJson(file.readAll(), &reason);
    if (!s)
        *error = u"%1: %2"_s.arg(scenarioPath, reason);
    return s;
}

bool Scenario::save(const QString &scenarioPath, QString *error) const
{
    return VerifiedSaveFile::writeAll(scenarioPath, toJson(), error);
}

QString Scenario::functionPath(const QString &scenarioPath) const
{
    return resolved(function.path, scenarioPath);
}

QStringList Scenario::layerPaths(const QString &scenarioPath) const
{
    QStringList paths;
    for (const PackageFile &layer : layers)
        paths << resolved(layer.path, scenarioPath);
    return paths;
}

Scenario::Outcome Scenario::applyTo(Session &session) const
{
    Outcome outcome;
    for (int p = 0; p < session.packageCount(); ++p) {
        const PackageFile &saved = p == 0 ? function : (std::size_t(p - 1) < layers.size() ? layers[std::size_t(p - 1)]
                                                                                               : PackageFile{});
        if (!session.package(p) || saved.sha256.isEmpty())
            continue;
        if (fileSha256(session.package(p)->path) != saved.sha256)
            outcome.changed << session.package(p)->path;
    }
    std::vector<Session::ReasonedRef> refs;
    for (const Item &item : excluded) {
        NodeId node = kNoNode;
        if (item.package < session.packageCount() && session.package(item.package) && !item.path.isEmpty()) {
            const PackageTree &tree = session.package(item.package)->tree;
            node = tree.findPath(item.path.toUtf8());
            if (node != kNoNode && tree.isFolder(node) != item.folder)
                node = kNoNode;
        }
        if (node == kNoNode)
            outcome.missing << item.path + (item.folder ? u"/"_s : QString());
        else
            refs.push_back({{item.package, node}, item.reason});
    }
    if (!rules.isEmpty()) {
        QString error;
        const SlimRules all = SlimRules::builtin(&error);
        SlimRules chosen;
        for (const QString &id : rules) {
            const auto it = std::find_if(all.rules.begin(), all.rules.end(), [&id](const SlimRule &r) { return r.id == id; });
            if (it == all.rules.end())
                outcome.unknownRules << id;
            else
                chosen.rules.push_back(*it);
        }
        for (const Suggestion &s : SuggestionFinder::find(session, chosen, nullptr, &outcome.error)) {
            if (s.advisory)
                continue;
            for (const NodeRef &ref : s.items)
                refs.push_back({ref, s.rule.title});
        }
    }
    // Inner items before their folders, so that marks inside an excluded
    // folder come back too (see ExclusionSet).
    std::stable_sort(refs.begin(), refs.end(), [](const Session::ReasonedRef &a, const Session::ReasonedRef &b) {
        return a.ref.package != b.ref.package ? a.ref.package < b.ref.package : a.ref.node > b.ref.node;
    });
    refs.erase(std::unique(refs.begin(), refs.end(),
                           [](const Session::ReasonedRef &a, const Session::ReasonedRef &b) { return a.ref == b.ref; }),
               refs.end());
    outcome.applied = session.excludeWithReasons(refs);
    return outcome;
}

} // namespace packscope
