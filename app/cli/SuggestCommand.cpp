#include "SuggestCommand.h"
#include "CliOutput.h"
#include "CommandLine.h"

#include "jobs/JobRunner.h"
#include "report/Dependencies.h"
#include "report/SizeFormat.h"
#include "session/PackageFacts.h"
#include "session/Session.h"
#include "slim/SuggestionFinder.h"
#include "whatif/GlobPattern.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace packscope {

namespace {

constexpr int kListedItems = 5;
constexpr int kListedDependencies = 15;

QString dependencyLabel(const Dependency &dep)
{
    return dep.version.isEmpty() ? dep.name : dep.name + u' ' + dep.version;
}

QByteArray asText(const Session &session, const std::vector<Suggestion> &suggestions,
                  const std::vector<std::size_t> &plan, bool planSuffices, const std::vector<DependencySize> &dependencies)
{
    QString out;
    if (!dependencies.empty()) {
        out += u"Largest dependencies (npm packages, Python distributions)\n"_s;
        for (std::size_t i = 0; i < dependencies.size() && i < std::size_t(kListedDependencies); ++i) {
            const DependencySize &d = dependencies[i];
            out += u"  %1 %2 unzipped, %3 zipped  (%4%5, %6 files)\n"_s.arg(
                dependencyLabel(*d.dependency).leftJustified(32), formatMiB(d.kept.unzipped).rightJustified(11),
                formatMiB(d.kept.footprint).rightJustified(11), ecosystemName(d.dependency->ecosystem),
                d.package > 0 ? u", layer %1"_s.arg(d.package) : QString(), QString::number(d.kept.files));
        }
        if (dependencies.size() > std::size_t(kListedDependencies))
            out += u"  ... and %1 more\n"_s.arg(dependencies.size() - std::size_t(kListedDependencies));
        out += u'\n';
    }
    out += u"Suggestions for %1\n"_s.arg(QFileInfo(session.package(0)->path).fileName());
    if (suggestions.empty())
        out += u"  none: no rule matches anything in the package\n"_s;
    for (const Suggestion &s : suggestions) {
        const PackageTree &tree = session.package(s.package)->tree;
        out += u"\n  %1  %2  %3%4\n"_s.arg((s.advisory ? u"build"_s : riskTierName(s.rule.risk)).toUpper().leftJustified(7),
                                           s.rule.id,
                                           s.rule.title,
                                           s.package > 0 ? u" (layer %1)"_s.arg(s.package) : QString());
        if (s.advisory)
            out += u"      saves about %1 zipped (estimate), %2 unzipped (exact); a build step, not an exclusion"_s.arg(
                formatMiB(s.zippedSaving), formatMiBAndBytes(s.unzippedSaving));
        else
            out += u"      saves %1 zipped, %2 unzipped"_s.arg(formatMiBAndBytes(s.zippedSaving),
                                                             formatMiBAndBytes(s.unzippedSaving));
        if (!s.fixes.isEmpty())
            out += u"; fixes %1 on its own"_s.arg(s.fixes.join(u", "_s));
        out += u"\n      "_s + s.rule.reason + u'\n';
        for (std::size_t i = 0; i < s.items.size() && i < std::size_t(kListedItems); ++i)
            out += u"      - %1%2\n"_s.arg(tree.path(s.items[i].node),
                                           tree.isFolder(s.items[i].node) ? u"/"_s : QString());
        if (s.items.size() > std::size_t(kListedItems))
            out += u"      ... and %1 more\n"_s.arg(s.items.size() - std::size_t(kListedItems));
    }
    if (!plan.empty()) {
        QStringList ids;
        for (std::size_t i : plan)
            ids << suggestions[i].rule.id;
        out += u"\nFix-it plan (safe rules first, then caution): %1\n"_s.arg(ids.join(u", "_s));
        out += planSuffices ? u"  brings every limit under\n"_s
                            : u"  is not enough: even all safe and caution suggestions leave a limit exceeded\n"_s;
    }
    return out.toUtf8();
}

QByteArray asJson(const Session &session, const std::vector<Suggestion> &suggestions,
                  const std::vector<std::size_t> &plan, bool planSuffices, const std::vector<DependencySize> &dependencies)
{
    QJsonArray deps;
    for (const DependencySize &d : dependencies) {
        deps.append(QJsonObject{
            {u"name"_s, d.dependency->name},
            {u"version"_s, d.dependency->version},
            {u"ecosystem"_s, ecosystemName(d.dependency->ecosystem)},
            {u"package"_s, d.package},
            {u"files"_s, qint64(d.kept.files)},
            {u"unzipped_bytes"_s, qint64(d.kept.unzipped)},
            {u"zipped_bytes"_s, qint64(d.kept.footprint)},
        });
    }
    QJsonArray list;
    for (const Suggestion &s : suggestions) {
        const PackageTree &tree = session.package(s.package)->tree;
        QJsonArray items;
        for (const NodeRef &ref : s.items)
            items.append(QString(tree.path(ref.node) + (tree.isFolder(ref.node) ? u"/"_s : QString())));
        list.append(QJsonObject{
            {u"id"_s, s.rule.id},
            {u"title"_s, s.rule.title},
            {u"risk"_s, riskTierName(s.rule.risk)},
            {u"reason"_s, s.rule.reason},
            {u"package"_s, s.package},
            {u"items"_s, items},
            {u"zipped_saving_bytes"_s, qint64(s.zippedSaving)},
            {u"unzipped_saving_bytes"_s, qint64(s.unzippedSaving)},
            {u"fixes"_s, QJsonArray::fromStringList(s.fixes)},
            {u"advisory"_s, s.advisory},
            {u"zipped_saving_estimated"_s, s.advisory},
        });
    }
    QJsonArray planIds;
    for (std::size_t i : plan)
        planIds.append(suggestions[i].rule.id);
    const QJsonObject root{{u"schema"_s, u"packscope.suggest/1"_s},
                           {u"package"_s, session.package(0)->path},
                           {u"suggestions"_s, list},
                           {u"plan"_s, planIds},
                           {u"plan_suffices"_s, planSuffices},
                           {u"dependencies"_s, deps}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace

int SuggestCommand::run(const QStringList &arguments)
{
    CommandLine command(u"suggest"_s, u"Suggest what can go from a package, with exact savings."_s);
    QCommandLineParser &parser = command.parser();
    const QCommandLineOption layer(u"layer"_s, u"A layer attached to the function (repeatable)."_s, u"LAYER"_s);
    const QCommandLineOption exclude(u"exclude"_s, u"Treat entries matching GLOB as gone already (repeatable)."_s,
                                     u"GLOB"_s);
    const QCommandLineOption format(u"format"_s, u"Output format: text or json."_s, u"FORMAT"_s, u"text"_s);
    const QCommandLineOption output({u"o"_s, u"output"_s}, u"Write to FILE."_s, u"FILE"_s);
    parser.addOptions({layer, exclude, format, output});
    QString packagePath;
    int exitCode = cli::kExitOk;
    if (!command.parse(arguments, &packagePath, &exitCode))
        return exitCode;
    const QString formatName = parser.value(format);
    if (formatName != u"text" && formatName != u"json")
        return cli::fail(u"--format must be text or json, not '%1'"_s.arg(formatName));
    QString rulesError;
    const SlimRules rules = SlimRules::builtin(&rulesError);
    if (!rulesError.isEmpty())
        return cli::fail(rulesError);

    std::vector<GlobPattern> globs;
    if (const QString globError = parseGlobs(parser.values(exclude), &globs); !globError.isEmpty())
        return cli::fail(globError);
    Session session;
    const QString loadError = loadPackages(session, packagePath, parser.values(layer));
    if (!loadError.isEmpty())
        return cli::fail(loadError);
    for (const GlobPattern &glob : globs)
        session.excludeMatching(glob);
    // A package that changed on disk since it was opened reads as having
    // no binaries and no versions: an error, not a report that says so.
    // The window's jobs, run here and now.
    JobRunner jobs(JobRunner::Mode::Inline);
    PackageFacts facts(&session, &jobs);
    QString contentsError;
    const std::vector<Suggestion> suggestions =
        SuggestionFinder::find(session, rules, facts.contentFacts(), &contentsError);
    if (!contentsError.isEmpty())
        return cli::fail(contentsError);
    bool suffices = true;
    const std::vector<std::size_t> plan = SuggestionFinder::fixItPlan(session, suggestions, &suffices);
    const std::vector<std::vector<Dependency>> *found = facts.dependencies();
    if (!found || !facts.dependenciesError().isEmpty())
        return cli::fail(facts.dependenciesError());
    const std::vector<DependencySize> dependencies = rankDependencies(session, *found);
    const QByteArray data = formatName == u"json" ? asJson(session, suggestions, plan, suffices, dependencies)
                                                  : asText(session, suggestions, plan, suffices, dependencies);
    if (!cli::writeOutput(data, parser.value(output), QStringList{packagePath} + parser.values(layer)))
        return cli::kExitError;
    return cli::kExitOk;
}

} // namespace packscope
