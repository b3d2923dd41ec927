#include "PatternsCommand.h"
#include "CliOutput.h"
#include "CommandLine.h"
#include "WhatIfArguments.h"

#include "session/Session.h"
#include "slim/PackagerPatterns.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace packscope {

int PatternsCommand::run(const QStringList &arguments)
{
    CommandLine command(u"patterns"_s, u"Write the exclusions for the tool that builds the package."_s);
    QCommandLineParser &parser = command.parser();
    const QCommandLineOption format(u"format"_s,
                                    u"globs, serverless (package.patterns), slim-patterns "
                                    u"(serverless-python-requirements), cdk (Code.fromAsset exclude) or zip "
                                    u"(a zip -r ... -x ... command line)."_s,
                                    u"FORMAT"_s, u"globs"_s);
    const QCommandLineOption output({u"o"_s, u"output"_s}, u"Write to FILE."_s, u"FILE"_s);
    WhatIfArguments whatIf;
    parser.addOptions({format, output});
    whatIf.addTo(parser);
    QString packagePath;
    int exitCode = cli::kExitOk;
    if (!command.parse(arguments, &packagePath, &exitCode))
        return exitCode;
    PackagerPatterns::Format chosen;
    if (!PackagerPatterns::formatFromName(parser.value(format), &chosen))
        return cli::fail(u"--format must be one of %1, not '%2'"_s.arg(PackagerPatterns::formatNames().join(u", "_s),
                                                                       parser.value(format)));
    Session session;
    if (const QString error = whatIf.open(parser, packagePath, session); !error.isEmpty())
        return cli::fail(error);
    const PackagerPatterns patterns(session);
    const QByteArray data = patterns.text(chosen, QFileInfo(packagePath).fileName()).toUtf8();
    if (!cli::writeOutput(data, parser.value(output), {packagePath}))
        return cli::kExitError;
    return cli::kExitOk;
}

} // namespace packscope
