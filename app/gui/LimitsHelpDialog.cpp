#include "LimitsHelpDialog.h"

#include "report/SizeFormat.h"
#include "session/Session.h"

#include <QDialogButtonBox>
#include <QTextBrowser>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace packscope {

QString LimitsHelpDialog::html(const Session &session)
{
    const LimitProfile &profile = session.profile();
    QString out = u"<h2>%1</h2>"_s.arg(profile.name.toHtmlEscaped());
    if (!profile.notes.isEmpty())
        out += u"<p>%1</p>"_s.arg(profile.notes.toHtmlEscaped());
    for (const LimitRule &rule : profile.limits) {
        out += u"<h3>%1%2</h3>"_s.arg(rule.title.toHtmlEscaped(),
                                      rule.isInfo() ? tr(" (information only)") : QString());
        const QString amount = rule.isCount() ? QString::number(rule.limit)
                                              : tr("%1 bytes (%2)").arg(formatBytes(rule.limit), formatMiB(rule.limit));
        out += u"<p><code>%1</code>: the value must be %2 %3.</p>"_s.arg(rule.id, rule.ruleText().toHtmlEscaped(),
                                                                          amount);
        if (!rule.appliesTo.isEmpty())
            out += u"<p>%1</p>"_s.arg(tr("Measured on: %1").arg(rule.appliesTo.toHtmlEscaped()));
        if (!rule.errorText.isEmpty())
            out += u"<p>%1<br><i>%2</i></p>"_s.arg(tr("When it is exceeded, AWS says:"), rule.errorText.toHtmlEscaped());
        if (!rule.source.isEmpty())
            out += u"<p><small>%1</small></p>"_s.arg(tr("Source: %1").arg(rule.source.toHtmlEscaped()));
    }
    if (session.layerCount() > 0) {
        out += u"<h3>%1</h3><p>%2</p>"_s.arg(
            tr("With your layers"),
            tr("The layers attached use %1 unzipped, so the function itself may use %2: the number AWS quotes in "
               "its error when layers are attached.")
                .arg(formatMiBAndBytes(session.measures().layersUnzipped), formatMiBAndBytes(session.functionUnzippedBudget())));
    }
    return out;
}

LimitsHelpDialog::LimitsHelpDialog(const Session &session, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Lambda Limits"));
    auto *layout = new QVBoxLayout(this);
    auto *text = new QTextBrowser(this);
    text->setOpenExternalLinks(true);
    text->setHtml(html(session));
    text->setMinimumSize(640, 480);
    layout->addWidget(text);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

} // namespace packscope
