#include "SlimCommand.h"
#include "CliOutput.h"
#include "CommandLine.h"

#include "report/SizeFormat.h"
#include "session/Session.h"
#include "slim/SlimZipWriter.h"
#include "WhatIfArguments.h"


#include <cstdio>

using namespace Qt::StringLiterals;

namespace packscope {

int SlimCommand::run(const QStringList &arguments)
{
    CommandLine command(u"slim"_s, u"Write a package without the excluded entries, as a zip."_s);
    QCommandLineParser &parser = command.parser();
    const QCommandLineOption output({u"o"_s, u"output"_s}, u"The zip to write (required)."_s, u"OUT.zip"_s);
    WhatIfArguments whatIf;
    parser.addOption(output);
    whatIf.addTo(parser);
    QString packagePath;
    int exitCode = cli::kExitOk;
    if (!command.parse(arguments, &packagePath, &exitCode))
        return exitCode;
    if (!parser.isSet(output) || parser.value(output).isEmpty())
        return cli::fail(u"slim needs -o OUT.zip, the zip to write"_s);
    Session session;
    if (const QString error = whatIf.open(parser, packagePath, session); !error.isEmpty())
        return cli::fail(error);

    const SlimResult result = SlimZipWriter::write(*session.package(0), session.exclusions(0), parser.value(output));
    if (!result.ok())
        return cli::fail(result.error);
    const QString verdict = result.predictionEstimated
        ? u"the estimate was %1"_s.arg(formatMiBAndBytes(result.predictedBytes))
        : (result.writtenBytes == result.predictedBytes ? u"exactly as predicted"_s : u"NOT as predicted"_s);
    QString text = u"wrote %1: %2, %3\n"_s.arg(result.outputPath, formatMiBAndBytes(result.writtenBytes), verdict);
    text += u"kept %1 entries, left out %2\n"_s.arg(result.keptEntries).arg(result.removedEntries);
    text += u"checked: the central directory reads back; %1 entries match their CRC-32"_s.arg(
        result.verification.crcChecked);
    if (result.verification.crcSkipped > 0)
        text += u", %1 not decompressible here (encrypted or another method) were copied unchanged"_s.arg(
            result.verification.crcSkipped);
    text += u"\n"_s;
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stdout);
    return cli::kExitOk;
}

} // namespace packscope
