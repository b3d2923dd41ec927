#include "AuditCommand.h"
#include "CliOutput.h"
#include "CommandLine.h"
#include "SessionInventory.h"

#include "report/AuditReport.h"
#include "scenario/Scenario.h"
#include "report/CsvReportWriter.h"
#include "report/JsonReportWriter.h"
#include "report/TextReportWriter.h"
#include "session/Session.h"
#include "whatif/GlobPattern.h"


using namespace Qt::StringLiterals;

namespace packscope {

int AuditCommand::run(const QStringList &arguments)
{
    CommandLine command(u"audit"_s, u"Check a Lambda deployment package against the size limits."_s);
    QCommandLineParser &parser = command.parser();
    const QCommandLineOption layer(u"layer"_s, u"A layer attached to the function (repeatable)."_s, u"LAYER"_s);
    const QCommandLineOption exclude(u"exclude"_s, u"Leave out entries matching GLOB (repeatable)."_s, u"GLOB"_s);
    const QCommandLineOption profile(u"profile"_s, u"Built-in profile id or a profile JSON file."_s, u"ID|FILE"_s,
                                     u"aws-lambda"_s);
    const QCommandLineOption format(u"format"_s, u"Report format: text, json or csv."_s, u"FORMAT"_s, u"text"_s);
    const QCommandLineOption top(u"top"_s, u"List the N largest files."_s, u"N"_s, u"10"_s);
    const QCommandLineOption output({u"o"_s, u"output"_s}, u"Write the report to FILE."_s, u"FILE"_s);
    const QCommandLineOption scenarioOption(u"scenario"_s,
                                            u"Apply a saved scenario (.packscope.json): its package and layers "
                                            u"unless PACKAGE is given, its profile unless --profile is, and its "
                                            u"exclusions."_s,
                                            u"FILE"_s);
    const QCommandLineOption withFiles(u"with-files"_s,
                                       u"With --format json: list every kept file (path, zipped footprint, "
                                       u"unzipped size, CRC-32) and the dependencies, so that the report can be "
                                       u"the BASE of a later 'packscope-cli diff'."_s);
    parser.addOptions({layer, exclude, profile, format, top, output, scenarioOption, withFiles});
    QString packagePath;
    int exitCode = cli::kExitOk;
    if (!command.parse(arguments, &packagePath, &exitCode, true))
        return exitCode;
    std::optional<Scenario> scenario;
    QStringList layerPaths = parser.values(layer);
    if (parser.isSet(scenarioOption)) {
        QString scenarioError;
        scenario = Scenario::load(parser.value(scenarioOption), &scenarioError);
        if (!scenario)
            return cli::fail(scenarioError);
        if (packagePath.isEmpty()) {
            packagePath = scenario->functionPath(parser.value(scenarioOption));
            if (layerPaths.isEmpty())
                layerPaths = scenario->layerPaths(parser.value(scenarioOption));
        }
    }
    if (packagePath.isEmpty())
        return cli::fail(u"audit takes exactly one PACKAGE, or --scenario FILE (see packscope-cli audit --help)"_s);
    const QString formatName = parser.value(format);
    if (formatName != u"text" && formatName != u"json" && formatName != u"csv")
        return cli::fail(u"--format must be text, json or csv, not '%1'"_s.arg(formatName));
    if (parser.isSet(withFiles) && formatName != u"json")
        return cli::fail(u"--with-files goes with --format json"_s);
    bool topOk = false;
    const int topN = parser.value(top).toInt(&topOk);
    if (!topOk || topN < 0)
        return cli::fail(u"--top must be a whole number >= 0, not '%1'"_s.arg(parser.value(top)));
    std::vector<GlobPattern> globs;
    if (const QString globError = parseGlobs(parser.values(exclude), &globs); !globError.isEmpty())
        return cli::fail(globError);

    QString profileError;
    const QString profileName = scenario && !parser.isSet(profile) ? scenario->profile : parser.value(profile);
    const LimitProfile limits = LimitProfile::load(profileName, &profileError);
    if (!limits.isValid())
        return cli::fail(profileError);

    Session session;
    session.setProfile(limits);
    const QString loadError = loadPackages(session, packagePath, layerPaths);
    if (!loadError.isEmpty())
        return cli::fail(loadError);
    if (scenario) {
        // A scenario whose package changed still applies what matches; the
        // rest is said on stderr, so reports on stdout stay machine-readable.
        const Scenario::Outcome outcome = scenario->applyTo(session);
        if (!outcome.error.isEmpty())
            return cli::fail(outcome.error);
        QStringList notes;
        for (const QString &changed : outcome.changed)
            notes << u"%1 changed since the scenario was saved"_s.arg(changed);
        if (!outcome.missing.isEmpty())
            notes << u"%1 saved exclusions match nothing now (first: %2)"_s.arg(outcome.missing.size()).arg(
                outcome.missing.front());
        for (const QString &rule : outcome.unknownRules)
            notes << u"unknown rule %1"_s.arg(rule);
        for (const QString &note : notes)
            cli::note(u"scenario: "_s + note);
    }
    for (const GlobPattern &glob : globs)
        session.excludeMatching(glob);

    const AuditReport report = AuditReport::build(session, topN);
    QByteArray data;
    if (formatName == u"json" && parser.isSet(withFiles)) {
        QString inventoryError;
        const std::optional<Inventory> inventory = inventoryOf(session, &inventoryError);
        if (!inventory)
            return cli::fail(inventoryError);
        data = JsonReportWriter::write(report, &*inventory);
    } else if (formatName == u"json")
        data = JsonReportWriter::write(report);
    else if (formatName == u"csv")
        data = CsvReportWriter::write(session);
    else
        data = TextReportWriter::write(report);
    QStringList inputs = QStringList{packagePath} + layerPaths;
    if (parser.isSet(scenarioOption))
        inputs << parser.value(scenarioOption);
    if (!cli::writeOutput(data, parser.value(output), inputs))
        return cli::kExitError;
    return report.failedLimits() > 0 ? cli::kExitLimitExceeded : cli::kExitOk;
}

} // namespace packscope
