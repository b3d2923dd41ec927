#pragma once

#include <QLabel>

namespace packscope {

// The line across the top of the window that says what just went wrong
// (red) or what an action did (green). Hidden while empty; the text can be
// selected and copied.
class MessageBar : public QLabel
{
    Q_OBJECT
public:
    explicit MessageBar(QWidget *parent = nullptr);

    void showError(const QString &message);   // empty hides the bar
    void showNotice(const QString &message);
    // What the bar says now; empty when it is hidden.
    QString message() const { return isHidden() ? QString() : text(); }
};

} // namespace packscope
