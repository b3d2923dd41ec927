#include "MessageBar.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QMenu>

using namespace Qt::StringLiterals;

namespace packscope {

namespace {
constexpr int kPadding = 3;
}

MessageBar::MessageBar(QWidget *parent) : QLabel(parent)
{
    setObjectName(u"messageBar"_s);
    setWordWrap(false);
    setTextFormat(Qt::PlainText);
    fitText();
}

void MessageBar::showError(const QString &message)
{
    display(message, u"background: #f8d7da; color: #58151c; border: 1px solid #f1aeb5;"_s);
}

void MessageBar::showNotice(const QString &message)
{
    display(message, u"background: #d1e7dd; color: #0a3622; border: 1px solid #a3cfbb;"_s);
}

void MessageBar::display(const QString &message, const QString &colours)
{
    m_message = message;
    // Empty, the line keeps its height and shows nothing.
    setStyleSheet(message.isEmpty() ? u"QLabel { border: 1px solid transparent; padding: %1px; }"_s.arg(kPadding)
                                    : u"QLabel { %1 border-radius: 4px; padding: %2px; }"_s.arg(colours).arg(kPadding));
    setToolTip(message);
    fitText();
}

void MessageBar::fitText()
{
    setFixedHeight(fontMetrics().height() + 2 * kPadding + 2);
    const int room = contentsRect().width() - 2 * kPadding;
    setText(room > 0 ? fontMetrics().elidedText(m_message, Qt::ElideMiddle, room) : m_message);
}

void MessageBar::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    fitText();
}

void MessageBar::changeEvent(QEvent *event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        fitText();
}

void MessageBar::contextMenuEvent(QContextMenuEvent *event)
{
    if (m_message.isEmpty())
        return;
    QMenu menu(this);
    menu.addAction(tr("Copy Message"), this, [this] { QApplication::clipboard()->setText(m_message); });
    menu.exec(event->globalPos());
}

} // namespace packscope
