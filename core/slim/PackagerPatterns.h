#pragma once

#include <QString>
#include <QStringList>

namespace packscope {

class Session;

// The exclusions of a session's function package, written for the tool that
// builds the package, so the slimming is repeated on every build:
// Serverless Framework `package.patterns`, serverless-python-requirements
// `slimPatterns`, AWS CDK `exclude`, a `zip -r ... -x ...` command line and a
// plain glob list. Items a rule or a glob excluded are exported as that
// rule's (or glob's) globs, so the next build is covered too, as long as those
// globs match nothing the session keeps; items excluded one by one become
// one glob each (a folder glob for a folder); when every file with an
// extension is excluded, one `*.ext` glob stands for them.
class PackagerPatterns
{
public:
    enum class Format { Globs, Serverless, PythonRequirements, Cdk, ZipCommand };
    static QStringList formatNames();  // "globs", "serverless", "slim-patterns", "cdk", "zip"
    static bool formatFromName(const QString &name, Format *format);

    explicit PackagerPatterns(const Session &session);

    bool isEmpty() const
    {
        return m_reasonGlobs.isEmpty() && m_folders.isEmpty() && m_files.isEmpty() && m_extensions.isEmpty();
    }
    // Globs in Packscope's own syntax (CLI.md): "dir/", "path/file", "*.ext".
    QStringList globs() const;
    QString text(Format format, const QString &zipName = QStringLiteral("function.zip")) const;

private:
    QStringList m_reasonGlobs;  // a rule's or a glob's own: "**/__pycache__/", "*.pyc"
    QStringList m_folders;      // "node_modules/aws-sdk"
    QStringList m_files;       // "src/big.bin"
    QStringList m_extensions;  // "map"
};

} // namespace packscope
