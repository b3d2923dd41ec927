#pragma once

#include "slim/PackagerPatterns.h"

#include <QDialog>

class QComboBox;
class QPlainTextEdit;

namespace packscope {

class Session;

// File → Packager Patterns: the session's exclusions written for Serverless,
// serverless-python-requirements, AWS CDK, a zip command line or as plain
// globs, to copy into the build so the slimming happens on every deploy.
class PatternsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PatternsDialog(const Session &session, QWidget *parent = nullptr);

    QString text() const;
    void setFormat(PackagerPatterns::Format format);

private:
    void update();

    PackagerPatterns m_patterns;
    QString m_zipName;
    QComboBox *m_format;
    QPlainTextEdit *m_text;
};

} // namespace packscope
