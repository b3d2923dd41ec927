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

CommandLine::CommandLine(const QString &command, const QString &description,
                         const QList<std::pair<QString, QString>> &operands)
    : m_command(command)
{
    m_parser.setApplicationDescription(description);
    m_parser.addPositionalArgument(command, u"The command."_s);
    m_operands.clear();
    for (const auto &[name, help] : operands) {
        m_parser.addPositionalArgument(name, help);
        m_operands << name;
    }
    m_parser.addOption(m_help);
}

bool CommandLine::parseOptions(const QStringList &arguments, int *exitCode)
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
    return true;
}

bool CommandLine::parse(const QStringList &arguments, QStringList *operands, int *exitCode)
{
    if (!parseOptions(arguments, exitCode))
        return false;
    const QStringList positional = m_parser.positionalArguments();
    if (positional.size() != m_operands.size() + 1) {
        *exitCode = cli::fail(u"%1 takes %2 (see packscope-cli %1 --help)"_s.arg(m_command, m_operands.join(u' ')));
        return false;
    }
    *operands = positional.mid(1);
    return true;
}

bool CommandLine::parse(const QStringList &arguments, QString *package, int *exitCode, bool packageOptional)
{
    if (!parseOptions(arguments, exitCode))
        return false;
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

QString parseGlobs(const QStringList &texts, std::vector<GlobPattern> *globs)
{
    for (const QString &text : texts) {
        GlobPattern glob(text);
        if (!glob.isValid())
            return u"--exclude '%1' matches nothing: an empty glob"_s.arg(text);
        globs->push_back(glob);
    }
    return {};
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
