#pragma once

#include "jobs/JobControl.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QThreadPool>

#include <atomic>
#include <functional>
#include <memory>

namespace packscope {

// Runs everything slow (reading packages, content facts, dependencies,
// treemap layouts) off the calling thread. Jobs have a kind; a new job of a
// kind cancels the one before (its JobControl says so to its inner loops)
// and only the latest one's result is delivered, on the runner's thread.
// Inline runners run each job at once on the calling thread: the CLI runs
// the same jobs that way.
class JobRunner : public QObject
{
    Q_OBJECT
public:
    enum class Mode { Background, Inline };

    explicit JobRunner(Mode mode = Mode::Background, QObject *parent = nullptr);
    // Cancels every job and waits for them to stop.
    ~JobRunner() override;

    // Starts `work` as the latest job of `kind`; `done` gets its result
    // unless a newer job of that kind came, the job was cancelled or
    // `receiver` (whose member `done` is, as with connect()) is gone.
    template<typename Result>
    JobControl run(const QString &kind, const QObject *receiver, std::function<Result(const JobControl &)> work,
                   std::function<void(Result)> done);

    void cancel(const QString &kind);
    void cancelAll();
    // The latest job of `kind`, running or not yet delivered (a default
    // JobControl when there is none).
    bool isBusy(const QString &kind) const { return m_latest.contains(kind); }
    JobControl control(const QString &kind) const { return m_latest.value(kind); }
    // Jobs whose work is running on a thread now, cancelled ones included:
    // what Cancel must bring to 0.
    int working() const { return m_working->load(); }
    // Waits until no job works (tests, shutdown).
    void waitForIdle();

Q_SIGNALS:
    // A job of `kind` was delivered or cancelled: isBusy(kind) changed.
    void idle(const QString &kind);

private:
    JobControl begin(const QString &kind);
    void start(std::function<void()> task);
    // Whether `control` is still the latest of `kind`; if so it is done.
    bool finish(const QString &kind, const JobControl &control);

    Mode m_mode;
    QThreadPool m_pool;
    QHash<QString, JobControl> m_latest;
    std::shared_ptr<std::atomic<int>> m_working = std::make_shared<std::atomic<int>>(0);
};

template<typename Result>
JobControl JobRunner::run(const QString &kind, const QObject *receiver,
                          std::function<Result(const JobControl &)> work, std::function<void(Result)> done)
{
    const JobControl control = begin(kind);
    if (m_mode == Mode::Inline) {
        Result result = work(control);
        if (finish(kind, control))
            done(std::move(result));
        return control;
    }
    start([this, kind, control, receiver = QPointer<const QObject>(receiver), work = std::move(work),
           done = std::move(done)]() mutable {
        if (control.isCancelled())
            return;  // cancelled before a thread was free for it
        auto result = std::make_shared<Result>(work(control));
        // Delivered on the runner's thread; the destructor waits for this
        // task, so `this` outlives the posting, and Qt drops the event if
        // the runner is gone by the time it would run.
        QMetaObject::invokeMethod(
            this,
            [this, kind, control, receiver, result, done = std::move(done)] {
                if (finish(kind, control) && receiver)
                    done(std::move(*result));
            },
            Qt::QueuedConnection);
    });
    return control;
}

} // namespace packscope
