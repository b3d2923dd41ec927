#pragma once

#include <QCommandLineParser>
#include <QStringList>

#include "whatif/GlobPattern.h"

#include <vector>

#include <utility>

namespace packscope {

class Session;

// What every packscope-cli command does with its arguments: a parser with
// --help, parsing, and the one PACKAGE each command takes.
class CommandLine
{
public:
    CommandLine(const QString &command, const QString &description);
    // A command with other operands than one PACKAGE, each with its help.
    CommandLine(const QString &command, const QString &description,
                const QList<std::pair<QString, QString>> &operands);

    QCommandLineParser &parser() { return m_parser; }
    // Parses; on success returns true with the package path in `package`.
    // Otherwise returns false with the exit code in `exitCode` (0 after
    // printing --help, 2 after printing the error).
    // With `packageOptional`, no PACKAGE gives true with `package` empty.
    bool parse(const QStringList &arguments, QString *package, int *exitCode, bool packageOptional = false);
    // Parses a command of several operands; on success `operands` holds
    // exactly as many as the constructor named.
    bool parse(const QStringList &arguments, QStringList *operands, int *exitCode);

private:
    // Parses and handles --help; false with `exitCode` set when done.
    bool parseOptions(const QStringList &arguments, int *exitCode);

    QString m_command;
    QStringList m_operands{QStringLiteral("PACKAGE")};
    QCommandLineParser m_parser;
    QCommandLineOption m_help{{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help.")};
};

// The globs of --exclude options; the one-line error of the first that is
// not a glob, or "".
QString parseGlobs(const QStringList &texts, std::vector<GlobPattern> *globs);

// Reads the function package and its layers into the session; returns the
// one-line error of the first that cannot be read, or an empty string.
QString loadPackages(Session &session, const QString &package, const QStringList &layers = {});

} // namespace packscope
