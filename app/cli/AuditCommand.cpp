#include "AuditCommand.h"
#include "CliOutput.h"
#include "CommandLine.h"

#include "report/AuditReport.h"
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
    parser.addOptions({layer, exclude, profile, format, top, output});
    QString packagePath;
    int exitCode = cli::kExitOk;
    if (!command.parse(arguments, &packagePath, &exitCode))
        return exitCode;
    const QString formatName = parser.value(format);
    if (formatName != u"text" && formatName != u"json" && formatName != u"csv")
        return cli::fail(u"--format must be text, json or csv, not '%1'"_s.arg(formatName));
    bool topOk = false;
    const int topN = parser.value(top).toInt(&topOk);
    if (!topOk || topN < 0)
        return cli::fail(u"--top must be a whole number >= 0, not '%1'"_s.arg(parser.value(top)));
    std::vector<GlobPattern> globs;
    for (const QString &text : parser.values(exclude)) {
        GlobPattern glob(text);
        if (!glob.isValid())
            return cli::fail(u"--exclude '%1' matches nothing: an empty glob"_s.arg(text));
        globs.push_back(glob);
    }

    QString profileError;
    const LimitProfile limits = LimitProfile::load(parser.value(profile), &profileError);
    if (!limits.isValid())
        return cli::fail(profileError);

    Session session;
    session.setProfile(limits);
    const QString loadError = loadPackages(session, packagePath, parser.values(layer));
    if (!loadError.isEmpty())
        return cli::fail(loadError);
    for (const GlobPattern &glob : globs)
        session.excludeMatching(glob);

    const AuditReport report = AuditReport::build(session, topN);
    QByteArray data;
    if (formatName == u"json")
        data = JsonReportWriter::write(report);
    else if (formatName == u"csv")
        data = CsvReportWriter::write(session);
    else
        data = TextReportWriter::write(report);
    if (!cli::writeOutput(data, parser.value(output), QStringList{packagePath} + parser.values(layer)))
        return cli::kExitError;
    return report.failedLimits() > 0 ? cli::kExitLimitExceeded : cli::kExitOk;
}

} // namespace packscope
