#pragma once

#include <QLabel>

namespace packscope {

// The line across the top of the window that says what just went wrong
// (red) or what an action did (green). It always takes one line, empty or
// not, so that a message coming or going never moves the panels below; a
// message too long for the line loses its middle on screen and is whole in
// the tooltip and in Copy.
class MessageBar : public QLabel
{
    Q_OBJECT
public:
    explicit MessageBar(QWidget *parent = nullptr);

    void showError(const QString &message);   // empty clears the bar
    void showNotice(const QString &message);
    // The whole message on show; empty when there is none.
    QString message() const { return m_message; }

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void display(const QString &message, const QString &colours);
    void fitText();

    QString m_message;
};

} // namespace packscope
