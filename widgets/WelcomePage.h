#pragma once

#include <QStringList>
#include <QWidget>

class QVBoxLayout;

namespace packscope {

// What the app shows before a package is open: what Packscope is in two
// sentences, the ways to start (open a package, one of the two demos) and
// the packages opened lately. Every entry is a button, so the keyboard
// reaches them all.
class WelcomePage : public QWidget
{
    Q_OBJECT
public:
    explicit WelcomePage(QWidget *parent = nullptr);

    void setRecentFiles(const QStringList &paths);

Q_SIGNALS:
    void openRequested();
    void demoRequested(int demo);  // DemoPackage::Demo
    void recentRequested(const QString &path);

private:
    QVBoxLayout *m_recent;
};

} // namespace packscope
