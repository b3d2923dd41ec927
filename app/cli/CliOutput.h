#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace packscope {

// Where the CLI's words go: errors as one line on stderr, reports on stdout
// or, with -o, into a file written atomically (never over an input).
namespace cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitLimitExceeded = 1;
inline constexpr int kExitError = 2;

// Prints "packscope-cli: error: <message>" on stderr; returns kExitError.
int fail(const QString &message);
// Prints "packscope-cli: <message>" on stderr: a remark beside the report.
void note(const QString &message);
// Writes `data` to stdout, or atomically to `outputPath` when not empty.
// Refuses to write over any of `inputs`. Returns false after printing the error.
bool writeOutput(const QByteArray &data, const QString &outputPath, const QStringList &inputs);

} // namespace cli
} // namespace packscope
