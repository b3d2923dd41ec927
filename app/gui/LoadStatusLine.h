#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QTimer;

namespace packscope {

class PackageLoader;
class Session;

// The window's status line: while a package is read, what is being read,
// how far (polled from the loader ten times a second), a bar and Cancel;
// otherwise a one-line summary of the package on show.
class LoadStatusLine : public QWidget
{
    Q_OBJECT
public:
    LoadStatusLine(PackageLoader *loader, QWidget *parent = nullptr);

    // "Reading WHAT…" with an indefinite bar until the first progress poll.
    void showLoading(const QString &what);
    // Hides the bar and Cancel; the text stays until the next show*.
    void stopLoading();
    void showText(const QString &text);
    // Path, format, files, layers and warnings of the session's function
    // package, or the first-steps hint when none is open. Left alone while
    // a load is under way: its progress is what the line shows then.
    void showSession(const Session &session, int warnings);

private:
    void showProgress();

    PackageLoader *m_loader;
    QLabel *m_text;
    QProgressBar *m_bar;
    QPushButton *m_cancel;
    QTimer *m_poll;
};

} // namespace packscope
