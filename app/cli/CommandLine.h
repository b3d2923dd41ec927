#pragma once

#include <QCommandLineParser>
#include <QStringList>

namespace packscope {

class Session;

// What every packscope-cli command does with its arguments: a parser with
// --help, parsing, and the one PACKAGE each command takes.
class CommandLine
{
public:
    CommandLine(const QString &command, const QString &description);

    QCommandLineParser &parser() { return m_parser; }
    // Parses; on success returns true with the package path in `package`.
    // Otherwise returns false with the exit code in `exitCode` (0 after
    // printing --help, 2 after printing the error).
    // With `packageOptional`, no PACKAGE gives true with `package` empty.
    bool parse(const QStringList &arguments, QString *package, int *exitCode, bool packageOptional = false);

private:
    QString m_command;
    QCommandLineParser m_parser;
    QCommandLineOption m_help{{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help.")};
};

// Reads the function package and its layers into the session; returns the
// one-line error of the first that cannot be read, or an empty string.
QString loadPackages(Session &session, const QString &package, const QStringList &layers = {});

} // namespace packscope
