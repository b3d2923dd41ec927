#include "CliOutput.h"

#include "io/FileIdentity.h"

#include <QSaveFile>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace packscope::cli {

int fail(const QString &message)
{
    const QByteArray line = "packscope-cli: error: " + message.simplified().toUtf8() + '\n';
    std::fwrite(line.constData(), 1, std::size_t(line.size()), stderr);
    return kExitError;
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
    QSaveFile file(outputPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        fail(u"%1: cannot write the report: %2"_s.arg(outputPath, file.errorString()));
        return false;
    }
    return true;
}

} // namespace packscope::cli
