#pragma once

#include "jobs/JobControl.h"
#include "readers/LoadResult.h"

#include <QObject>
#include <QStringList>

#include <functional>
#include <vector>

namespace packscope {

class JobRunner;

// Reads packages as the runner's "load" job, one load at a time, and tells
// how far it has got (progress(), polled by the window). cancel() lets the
// window go back to what it showed at once; a reader that reports progress
// stops at its next report, and the result of any load is dropped.
class PackageLoader : public QObject
{
    Q_OBJECT
public:
    // What a job produces: one result per path, in order.
    using Results = std::vector<LoadResult>;
    // A job: returns the results, or sets its first one's error.
    using Job = std::function<Results(const JobControl &)>;

    explicit PackageLoader(JobRunner *jobs, QObject *parent = nullptr);

    bool isBusy() const { return m_busy; }
    // The file names of the current load, for people ("app.zip, layer.zip").
    QString loadingNames() const;
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
    JobRunner *m_jobs;
    JobControl m_control;  // of the current load
    QStringList m_names;   // of the paths being loaded
    int m_tag = 0;
    bool m_busy = false;
};

} // namespace packscope
