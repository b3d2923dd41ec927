#pragma once

#include "readers/LoadResult.h"

#include <QFutureWatcher>
#include <QObject>
#include <QStringList>

#include <functional>
#include <vector>

namespace packscope {

// Reads packages off the GUI thread, one job at a time. cancel() lets the
// window go back to what it showed at once; the reader then finishes in the
// background and its result is dropped.
class PackageLoader : public QObject
{
    Q_OBJECT
public:
    // What a job produces: one result per path, in order.
    using Results = std::vector<LoadResult>;
    // A job: returns the results, or sets its first one's error.
    using Job = std::function<Results()>;

    explicit PackageLoader(QObject *parent = nullptr);
    ~PackageLoader() override;

    bool isBusy() const { return m_busy; }
    // Starts reading `paths`; `tag` comes back with the results.
    void load(const QStringList &paths, int tag);
    void run(Job job, int tag);
    void cancel();

Q_SIGNALS:
    void started(const QString &what);
    void finished(const packscope::PackageLoader::Results &results, int tag);
    void cancelled();

private:
    QFutureWatcher<Results> *m_watcher = nullptr;
    int m_tag = 0;
    bool m_busy = false;
};

} // namespace packscope
