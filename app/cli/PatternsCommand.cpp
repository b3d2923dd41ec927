#include "PatternsCommand.h"
#include "CliOutput.h"
#include "WhatIfArguments.h"

#include "readers/PackageReader.h"
#include "session/Session.h"
#include "slim/PackagerPatterns.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace packscope {

int PatternsCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Write the exclusions for the tool that builds the package."_s);
    parser.addPositionalArgument(u"patterns"_s, u"The command."_s);
    parser.addPositionalArgument(u"PACKAGE"_s, u"A .zip/.jar/.whl, a tar archive, a .7z or a directory."_s);
    const QCommandLineOption format(u"format"_s,
                                    u"globs, serverless (package.patterns), slim-patterns "
                                    u"(serverless-python-requirements), cdk (Code.fromAsset exclude) or zip "
                                    u"(a zip -r ... -x ... command line)."_s,
                                    u"FORMAT"_s, u"globs"_s);
    const QCommandLineOption output({u"o"_s, u"output"_s}, u"Write to FILE."_s, u"FILE"_s);
    const QCommandLineOption help({u"h"_s, u"help"_s}, u"Show this help."_s);
    WhatIfArguments whatIf;
    parser.addOptions({format, output, help});
    whatIf.addTo(parser);
    if (!parser.parse(arguments))
        return cli::fail(parser.errorText() + u" (see packscope-cli patterns --help)"_s);
    if (parser.isSet(help)) {
        const QByteArray text = parser.helpText().toUtf8();
        std::fwrite(text.constData(), 1, std::size_t(text.size()), stdout);
        return cli::kExitOk;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2)
        return cli::fail(u"patterns takes exactly one PACKAGE (see packscope-cli patterns --help)"_s);
    PackagerPatterns::Format chosen;
    if (!PackagerPatterns::formatFromName(parser.value(format), &chosen))
        return cli::fail(u"--format must be one of %1, not '%2'"_s.arg(PackagerPatterns::formatNames().join(u", "_s),
                                                                       parser.value(format)));
    const QString optionError = whatIf.read(parser);
    if (!optionError.isEmpty())
        return cli::fail(optionError);
    Session session;
    LoadResult loaded = PackageReader::read(positional.at(1));
    if (!loaded.ok())
        return cli::fail(loaded.error);
    session.setFunction(std::move(loaded.package));
    const QString applyError = whatIf.applyTo(session);
    if (!applyError.isEmpty())
        return cli::fail(applyError);
    const PackagerPatterns patterns(session);
    const QByteArray data = patterns.text(chosen, QFileInfo(positional.at(1)).fileName()).toUtf8();
    if (!cli::writeOutput(data, parser.value(output), {positional.at(1)}))
        return cli::kExitError;
    return cli::kExitOk;
}

} // namespace packscope
