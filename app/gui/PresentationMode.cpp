#include "PresentationMode.h"

#include <QAction>
#include <QApplication>
#include <QHBoxLayout>
#include <QMainWindow>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalBlocker>
#include <QToolBar>

using namespace Qt::StringLiterals;

namespace packscope {

PresentationMode::PresentationMode(QMainWindow *window, std::function<void(bool)> showOnlyMap)
    : QObject(window), m_window(window), m_showOnlyMap(std::move(showOnlyMap)),
      m_toggle(new QAction(tr("&Presentation Mode"), window)), m_leave(new QAction(tr("Leave Presentation Mode"), window))
{
    m_toggle->setCheckable(true);
    // F11, and the platform's full-screen key when it is another: the same
    // key twice makes the shortcut ambiguous, and then it never fires.
    QList<QKeySequence> keys{QKeySequence(Qt::Key_F11)};
    for (const QKeySequence &key : QKeySequence::keyBindings(QKeySequence::FullScreen)) {
        if (!keys.contains(key))
            keys << key;
    }
    m_toggle->setShortcuts(keys);
    m_toggle->setToolTip(tr("Full screen, large gauges and fonts: for showing the limits to a team"));
    connect(m_toggle, &QAction::toggled, this, &PresentationMode::setOn);
    // On the window itself, not only in the View menu: presentation mode
    // hides the menu bar, and a hidden menu's shortcuts do not fire.
    window->addAction(m_toggle);
    m_leave->setShortcut(QKeySequence(Qt::Key_Escape));
    m_leave->setEnabled(false);
    connect(m_leave, &QAction::triggered, this, [this] { setOn(false); });
    window->addAction(m_leave);
}

QWidget *PresentationMode::createExitBar(QWidget *parent)
{
    // Presentation mode hides the menus and the toolbar: this row is the way
    // back that anyone in the room can see.
    m_exitBar = new QWidget(parent);
    auto *row = new QHBoxLayout(m_exitBar);
    row->setContentsMargins(0, 0, 0, 0);
    row->addStretch(1);
    auto *leave = new QPushButton(tr("Exit Presentation (Esc)"), m_exitBar);
    leave->setObjectName(u"leavePresentation"_s);
    leave->setFlat(true);
    leave->setCursor(Qt::PointingHandCursor);
    connect(leave, &QPushButton::clicked, this, [this] { setOn(false); });
    row->addWidget(leave);
    m_exitBar->setVisible(isOn());
    return m_exitBar;
}

bool PresentationMode::isOn() const
{
    return m_leave->isEnabled();
}

QByteArray PresentationMode::normalGeometry() const
{
    return isOn() ? m_normalGeometry : m_window->saveGeometry();
}

QByteArray PresentationMode::normalState() const
{
    return isOn() ? m_normalState : m_window->saveState();
}

void PresentationMode::setOn(bool on)
{
    if (on == isOn())
        return;
    {
        const QSignalBlocker quiet(m_toggle);
        m_toggle->setChecked(on);
    }
    m_leave->setEnabled(on);
    if (on) {
        m_normalGeometry = m_window->saveGeometry();
        m_normalState = m_window->saveState();
    }
    QFont font = QApplication::font();
    if (on)
        font.setPointSizeF(font.pointSizeF() * 1.6);
    if (m_scaled)
        m_scaled->setFont(font);
    m_showOnlyMap(on);
    if (m_exitBar)
        m_exitBar->setVisible(on);
    m_window->menuBar()->setVisible(!on);
    if (on) {
        for (QToolBar *bar : m_window->findChildren<QToolBar *>())
            bar->hide();
        m_window->showFullScreen();
    } else {
        // Back as it was, toolbar included (hidden only if it was before).
        m_window->restoreState(m_normalState);
        m_window->showNormal();
        m_window->restoreGeometry(m_normalGeometry);
    }
}

} // namespace packscope
