#pragma once

#include <QString>
#include <QStringList>

namespace packscope {

class Session;

// The exclusions of a session's function package, written for the tool that
// builds the package, so the slimming is repeated on every build:
// Serverless Framework `package.patterns`, serverless-python-requirements
// `slimPatterns`, AWS CDK `exclude`, a `zip -r ... -x ...` command line and a
// plain glob list. Excluded folders become one folder glob each; when every
// file with an extension is excluded, one `*.ext` glob stands for them.
class PackagerPatterns
{
public:
    enum class Format { Globs, Serverless, PythonRequirements, Cdk, ZipCommand };
    static QStringList formatNames();  // "globs", "serverless", "slim-patterns", "cdk", "zip"
    static bool formatFromName(const QString &name, Format *format);

    explicit PackagerPatterns(const Session &session);

    bool isEmpty() const { return m_folders.isEmpty() && m_files.isEmpty() && m_extensions.isEmpty(); }
    // Globs in Packscope's own syntax (CLI.md): "dir/", "path/file", "*.ext".
    QStringList globs() const;
    QString text(Format format, const QString &zipName = QStringLiteral("function.zip")) const;

private:
    QStringList m_folders;     // "node_modules/aws-sdk"
    QStringList m_files;       // "src/big.bin"
    QStringList m_extensions;  // "map"
};

} // namespace packscope
