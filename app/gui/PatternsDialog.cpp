#include "PatternsDialog.h"

#include "session/Session.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace packscope {

PatternsDialog::PatternsDialog(const Session &session, QWidget *parent)
    : QDialog(parent), m_patterns(session),
      m_zipName(session.hasFunction() ? QFileInfo(session.package(0)->path).fileName() : u"function.zip"_s),
      m_format(new QComboBox(this)), m_text(new QPlainTextEdit(this))
{
    setWindowTitle(tr("Packager Patterns"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("The exclusions, for the tool that builds your package, so every build leaves "
                                "these out:"),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_format->addItems({tr("Plain globs"), tr("Serverless Framework (package.patterns)"),
                        tr("serverless-python-requirements (slimPatterns)"), tr("AWS CDK (Code.fromAsset exclude)"),
                        tr("zip command line")});
    m_format->setAccessibleName(tr("Format"));
    layout->addWidget(m_format);
    m_text->setReadOnly(true);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setMinimumSize(560, 220);
    layout->addWidget(m_text, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *copy = buttons->addButton(tr("&Copy"), QDialogButtonBox::ActionRole);
    connect(copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(text()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    connect(m_format, &QComboBox::currentIndexChanged, this, &PatternsDialog::update);
    update();
}

QString PatternsDialog::text() const
{
    return m_text->toPlainText();
}

void PatternsDialog::setFormat(PackagerPatterns::Format format)
{
    m_format->setCurrentIndex(int(format));
}

void PatternsDialog::update()
{
    if (m_patterns.isEmpty()) {
        m_text->setPlainText(tr("Nothing is excluded yet."));
        return;
    }
    m_text->setPlainText(m_patterns.text(PackagerPatterns::Format(m_format->currentIndex()), m_zipName));
}

} // namespace packscope
