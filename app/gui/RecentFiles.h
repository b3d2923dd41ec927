#pragma once

#include <QObject>
#include <QStringList>

namespace packscope {

// The packages opened lately, newest first, kept in QSettings.
class RecentFiles : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxEntries = 8;

    explicit RecentFiles(QObject *parent = nullptr);

    QStringList paths() const { return m_paths; }
    void add(const QString &path);
    void clear();

Q_SIGNALS:
    void changed();

private:
    void save();
    QStringList m_paths;
};

} // namespace packscope
