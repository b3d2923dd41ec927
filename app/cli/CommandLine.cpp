#include "CommandLine.h"
#include "CliOutput.h"

#include "readers/PackageReader.h"
#include "session/Session.h"

#include <cstdio>

using namespace Qt::StringLiterals;

namespace packscope {

CommandLine::CommandLine(const QString &command, const QString &description) : m_command(command)
{
    m_parser.setApplicationDescription(description);
    m_parser.addPositionalArgument(command, u"The command."_s);
    m_parser.addPositionalArgument(u"PACKAGE"_s, u"A .zip/.jar/.whl, a tar archive, a .7z or a directory."_s);
    m_parser.addOption(m_help);
}

bool CommandLine::parse(const QStringList &arguments, QString *package, int *exitCode, bool packageOptional)
{
    if (!m_parser.parse(arguments)) {
        *exitCode = cli::fail(m_parser.errorText() + u" (see packscope-cli %1 --help)"_s.arg(m_command));
        return false;
    }
    if (m_parser.isSet(m_help)) {
        const QByteArray text = m_parser.helpText().toUtf8();
        std::fwrite(text.constData(), 1, std::size_t(text.size()), stdout);
        *exitCode = cli::kExitOk;
        return false;
    }
    const QStringList positional = m_parser.positionalArguments();
    if (packageOptional && positional.size() == 1) {
        package->clear();
        return true;
    }
    if (positional.size() != 2) {
        *exitCode = cli::fail(u"%1 takes exactly one PACKAGE (see packscope-cli %1 --help)"_s.arg(m_command));
        return false;
    }
    *package = positional.at(1);
    return true;
}

QString loadPackages(Session &session, const QString &package, const QStringList &layers)
{
    LoadResult function = PackageReader::read(package);
    if (!function.ok())
        return function.error;
    session.setFunction(std::move(function.package));
    for (const QString &layerPath : layers) {
        LoadResult layer = PackageReader::read(layerPath);
        if (!layer.ok())
            return layer.error;
        session.addLayer(std::move(layer.package));
    }
    return {};
}

} // namespace packscope
