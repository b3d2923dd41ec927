#include "MessageBar.h"

using namespace Qt::StringLiterals;

namespace packscope {

MessageBar::MessageBar(QWidget *parent) : QLabel(parent)
{
    setWordWrap(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    hide();
}

void MessageBar::showError(const QString &message)
{
    setStyleSheet(u"QLabel { background: #f8d7da; color: #58151c; border: 1px solid #f1aeb5;"
                  " border-radius: 4px; padding: 6px; }"_s);
    setText(message);
    setVisible(!message.isEmpty());
}

void MessageBar::showNotice(const QString &message)
{
    setStyleSheet(u"QLabel { background: #d1e7dd; color: #0a3622; border: 1px solid #a3cfbb;"
                  " border-radius: 4px; padding: 6px; }"_s);
    setText(message);
    setVisible(!message.isEmpty());
}

} // namespace packscope
