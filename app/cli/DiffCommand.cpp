#include "DiffCommand.h"
#include "CliOutput.h"
#include "CommandLine.h"
#include "SessionInventory.h"

#include "compare/AuditSnapshot.h"
#include "compare/PackageDiff.h"
#include "limits/LimitProfile.h"
#include "report/DiffReportWriters.h"
#include "report/SizeFormat.h"
#include "session/Session.h"
#include "whatif/GlobPattern.h"

#include <future>
#include <optional>

using namespace Qt::StringLiterals;

namespace packscope {

namespace {

// --fail-on-growth: bytes, or a percentage of BASE's value.
struct GrowthThreshold {
    bool percent = false;
    double amount = 0;

    static std::optional<GrowthThreshold> parse(const QString &text)
    {
        GrowthThreshold threshold;
        QString number = text.trimmed();
        if (number.endsWith(u'%')) {
            threshold.percent = true;
            number.chop(1);
        }
        bool ok = false;
        threshold.amount = threshold.percent ? number.toDouble(&ok) : double(number.toULongLong(&ok));
        if (!ok || threshold.amount < 0)
            return std::nullopt;
        return threshold;
    }
    bool exceededBy(std::int64_t delta, std::uint64_t base) const
    {
        if (delta <= 0)
            return false;
        return percent ? double(delta) > double(base) * amount / 100.0 : double(delta) > amount;
    }
};

// One side of the diff: a saved report, or packages read and measured now.
std::optional<Inventory> loadSide(const QString &path, const QStringList &layers, const std::vector<GlobPattern> &globs,
                                  const LimitProfile &profile, const QString &layerOption, QString *error)
{
    if (AuditSnapshot::isReport(path)) {
        if (!layers.isEmpty()) {
            *error = u"%1 is a report, which holds its own layers: drop %2"_s.arg(path, layerOption);
            return std::nullopt;
        }
        return AuditSnapshot::read(path, error);
    }
    Session session;
    session.setProfile(profile);
    *error = loadPackages(session, path, layers);
    if (!error->isEmpty())
        return std::nullopt;
    for (const GlobPattern &glob : globs)
        session.excludeMatching(glob);
    return inventoryOf(session, error);
}

} // namespace

int DiffCommand::run(const QStringList &arguments)
{
    CommandLine command(u"diff"_s, u"Compare two builds of a Lambda package: what grew, why, and what it cost."_s,
                        {{u"BASE"_s, u"The earlier build: a package, or a report of 'audit --format json --with-files'."_s},
                         {u"HEAD"_s, u"The build to check: a package (or such a report)."_s}});
    QCommandLineParser &parser = command.parser();
    const QCommandLineOption layer(u"layer"_s, u"A layer attached to HEAD (repeatable)."_s, u"LAYER"_s);
    const QCommandLineOption baseLayer(u"base-layer"_s, u"A layer attached to BASE (repeatable)."_s, u"LAYER"_s);
    const QCommandLineOption exclude(u"exclude"_s,
                                     u"Leave out entries matching GLOB on both sides (not from a report, which "
                                     u"holds what its audit kept) (repeatable)."_s,
                                     u"GLOB"_s);
    const QCommandLineOption profile(u"profile"_s, u"Built-in profile id or a profile JSON file."_s, u"ID|FILE"_s,
                                     u"aws-lambda"_s);
    const QCommandLineOption format(u"format"_s, u"Report format: text, json, csv or markdown."_s, u"FORMAT"_s,
                                    u"text"_s);
    const QCommandLineOption top(u"top"_s, u"List the N largest changes of each kind."_s, u"N"_s, u"10"_s);
    const QCommandLineOption output({u"o"_s, u"output"_s}, u"Write the report to FILE."_s, u"FILE"_s);
    const QCommandLineOption failOnGrowth(u"fail-on-growth"_s,
                                          u"Exit 1 when a size limit's value grows by more than BYTES, or PERCENT "
                                          u"of its BASE value (as in 5%)."_s,
                                          u"BYTES|PERCENT"_s);
    const QCommandLineOption failOnNewFailure(u"fail-on-new-failure"_s,
                                              u"Exit 1 only for a limit that passes in BASE and fails in HEAD, not "
                                              u"for one that failed in both (a package deployed through S3)."_s);
    parser.addOptions({layer, baseLayer, exclude, profile, format, top, output, failOnGrowth, failOnNewFailure});
    QStringList operands;
    int exitCode = cli::kExitOk;
    if (!command.parse(arguments, &operands, &exitCode))
        return exitCode;
    const QString formatName = parser.value(format);
    if (formatName != u"text" && formatName != u"json" && formatName != u"csv" && formatName != u"markdown")
        return cli::fail(u"--format must be text, json, csv or markdown, not '%1'"_s.arg(formatName));
    bool topOk = false;
    const int topN = parser.value(top).toInt(&topOk);
    if (!topOk || topN < 0)
        return cli::fail(u"--top must be a whole number >= 0, not '%1'"_s.arg(parser.value(top)));
    std::optional<GrowthThreshold> growth;
    if (parser.isSet(failOnGrowth)) {
        growth = GrowthThreshold::parse(parser.value(failOnGrowth));
        if (!growth)
            return cli::fail(u"--fail-on-growth must be bytes (1048576) or a percentage (5%), not '%1'"_s.arg(
                parser.value(failOnGrowth)));
    }
    std::vector<GlobPattern> globs;
    if (const QString globError = parseGlobs(parser.values(exclude), &globs); !globError.isEmpty())
        return cli::fail(globError);
    QString error;
    const LimitProfile limits = LimitProfile::load(parser.value(profile), &error);
    if (!limits.isValid())
        return cli::fail(error);

    // The two sides are read at once, each on a core of its own.
    QString headError;
    const QStringList headLayers = parser.values(layer);
    std::future<std::optional<Inventory>> reading = std::async(std::launch::async, [&] {
        return loadSide(operands[1], headLayers, globs, limits, u"--layer"_s, &headError);
    });
    std::optional<Inventory> base = loadSide(operands[0], parser.values(baseLayer), globs, limits, u"--base-layer"_s, &error);
    std::optional<Inventory> head = reading.get();
    if (!base)
        return cli::fail(error);
    if (!head)
        return cli::fail(headError);
    const PackageDiff diff = PackageDiff::compute(std::move(*base), std::move(*head), limits);

    QByteArray data;
    if (formatName == u"json")
        data = DiffJsonWriter::write(diff, limits.id);
    else if (formatName == u"csv")
        data = DiffCsvWriter::write(diff);
    else if (formatName == u"markdown")
        data = DiffMarkdownWriter::write(diff, limits.id, topN);
    else
        data = DiffTextWriter::write(diff, limits.id, topN);
    const QStringList inputs = operands + parser.values(layer) + parser.values(baseLayer);
    if (!cli::writeOutput(data, parser.value(output), inputs))
        return cli::kExitError;

    bool failed = false;
    for (const PackageDiff::LimitDelta &l : diff.limits) {
        const LimitRule &rule = l.head.rule;
        if (rule.isInfo())
            continue;
        if (!l.head.pass && (!parser.isSet(failOnNewFailure) || l.isNewFailure())) {
            failed = true;
            cli::note(u"%1 %2 in HEAD"_s.arg(rule.id, l.isNewFailure() ? u"fails, a new failure,"_s : u"fails"_s));
        }
        if (growth && !rule.isCount() && growth->exceededBy(l.delta(), l.base.value)) {
            failed = true;
            cli::note(u"%1 grew by %2 bytes, more than --fail-on-growth %3"_s.arg(rule.id, formatBytes(std::uint64_t(l.delta())),
                                                                          parser.value(failOnGrowth)));
        }
    }
    return failed ? cli::kExitLimitExceeded : cli::kExitOk;
}

} // namespace packscope
