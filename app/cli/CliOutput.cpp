#include "CliOutput.h"

#include "io/FileIdentity.h"
#include "io/VerifiedSaveFile.h"

#include <cstdio>

using namespace Qt::StringLiterals;

namespace packscope::cli {

int fail(const QString &message)
{
    const QByteArray line = "packscope-cli: error: " + message.simplified().toUtf8() + '\n';
    std::fwrite(line.constData(), 1, std::size_t(line.size()), stderr);
    return kExitError;
}

void note(const QString &message)
{
    const QByteArray line = "packscope-cli: " + message.toUtf8() + '\n';
    std::fwrite(line.constData(), 1, std::size_t(line.size()), stderr);
}

bool writeOutput(const QByteArray &data, const QString &outputPath, const QStringList &inputs)
{
    if (outputPath.isEmpty() || outputPath == u"-") {
        const std::size_t written = std::fwrite(data.constData(), 1, std::size_t(data.size()), stdout);
        std::fflush(stdout);
        if (written != std::size_t(data.size())) {
            fail(u"cannot write the report to standard output"_s);
            return false;
        }
        return true;
    }
    for (const QString &input : inputs) {
        if (isSameFile(outputPath, input)) {
            fail(u"%1: refusing to write the report over an input package"_s.arg(outputPath));
            return false;
        }
    }
    QString error;
    if (!VerifiedSaveFile::writeAll(outputPath, data, &error)) {
        fail(error);
        return false;
    }
    return true;
}

} // namespace packscope::cli
