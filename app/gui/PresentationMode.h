#pragma once

#include <QByteArray>
#include <QObject>

#include <functional>

class QAction;
class QMainWindow;
class QWidget;

namespace packscope {

// Presentation mode of the main window, for showing the limits to a room:
// full screen, fonts 1.6 times larger, no menus or toolbar, only the gauges
// and the treemap. F11 (or the platform's full-screen key) toggles it, Esc
// and a visible button leave it. The window's normal geometry and state are
// kept aside so that presentation mode is never what gets saved.
class PresentationMode : public QObject
{
    Q_OBJECT
public:
    // `showOnlyMap(true)` hides all but the gauges and the treemap.
    PresentationMode(QMainWindow *window, std::function<void(bool)> showOnlyMap);

    // View → Presentation Mode (checkable; F11).
    QAction *toggleAction() const { return m_toggle; }
    // The row with the way out, for the top of the central area; hidden
    // except in presentation mode.
    QWidget *createExitBar(QWidget *parent);
    // The widget that gets the larger font.
    void setScaledWidget(QWidget *scaled) { m_scaled = scaled; }

    bool isOn() const;
    void setOn(bool on);
    // What to save for the window: as it is, or as it was before presenting.
    QByteArray normalGeometry() const;
    QByteArray normalState() const;

private:
    QMainWindow *m_window;
    std::function<void(bool)> m_showOnlyMap;
    QWidget *m_scaled = nullptr;
    QWidget *m_exitBar = nullptr;
    QAction *m_toggle;
    QAction *m_leave;  // Esc, enabled only in presentation mode
    QByteArray m_normalGeometry;
    QByteArray m_normalState;
};

} // namespace packscope
