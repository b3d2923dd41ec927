#pragma once

#include "readers/LoadProgress.h"
#include "readers/LoadResult.h"

#include <QFutureWatcher>
#include <QObject>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

namespace packscope {

// Reads packages off the GUI thread, one job at a time, and tells how far it
// has got (progress(), polled by the window). cancel() lets the window go back
// to what it showed at once; a reader that reports progress stops at its next
// report, any other finishes in the background, and its result is dropped.
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
    // How far the current load is: the file being read (index into the
    // paths given to load(), or -1 for a job without progress) and its progress.
    struct Progress {
        int file = -1;
        QString name;
        LoadProgress read;
    };
    Progress progress() const;

Q_SIGNALS:
    void started(const QString &what);
    void finished(const packscope::PackageLoader::Results &results, int tag);
    void cancelled();

private:
    // Written by the reading thread, read by the GUI thread.
    struct SharedProgress {
        std::atomic<int> file{-1};
        std::atomic<std::uint64_t> bytesRead{0}, bytesTotal{0}, entries{0};
        std::atomic<bool> cancelled{false};
    };
    std::shared_ptr<SharedProgress> m_shared = std::make_shared<SharedProgress>();
    QStringList m_names;  // of the paths being loaded
    QFutureWatcher<Results> *m_watcher = nullptr;
    int m_tag = 0;
    bool m_busy = false;
};

} // namespace packscope
