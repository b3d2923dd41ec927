#pragma once

#include "TreemapRenderer.h"

#include "session/NodeRef.h"
#include "treemap/TreemapLayout.h"

#include <QImage>
#include <QObject>

#include <functional>
#include <memory>

namespace packscope {

class JobRunner;

// The treemap's picture on show (layout, painted tiles, and the snapshot
// both refer to) and how a new one comes: laid out here at once, or on a
// worker (one job at a time; changes during a job cause one more job after
// it, started on the next event-loop turn so that everything one edit
// changes goes into a single job). Every change bumps a generation; a
// picture older than one on show is dropped.
class TreemapPicture : public QObject
{
    Q_OBJECT
public:
    // Everything a layout needs, taken on the GUI thread.
    struct Request {
        std::shared_ptr<const TreemapSource> source;
        std::vector<NodeRef> roots;
        QRectF bounds;
        TreemapOptions options;
        TreemapLook look;
    };
    TreemapPicture(JobRunner *jobs, std::function<Request()> describe, QObject *parent);

    enum class Refresh { OnNextPaint, OnWorker };
    // The picture is out of date: the next paint lays out, or a worker does.
    void invalidate(Refresh how);
    // Lays out and paints on this thread, replacing any picture pending.
    void layOutNow();

    bool hasPicture() const { return m_shownGeneration > 0; }
    bool isStale() const { return m_shownGeneration < m_requestedGeneration; }
    bool isJobRunning() const { return m_jobRunning; }
    const TreemapLayout &layout() const { return m_layout; }
    const QImage &image() const { return m_image; }

Q_SIGNALS:
    // A new picture is on show (from layOutNow() or a worker).
    void shown();
    // A worker's picture came in: the widget repaints.
    void arrived();

private:
    struct Frame;
    void startJob();
    void onJobFinished(Frame frame);
    void present(Frame frame);

    JobRunner *m_jobs;
    std::function<Request()> m_describe;
    QString m_jobKind;  // this picture's layouts, a kind of their own
    TreemapLayout m_layout;
    QImage m_image;
    std::shared_ptr<const TreemapSource> m_source;  // what m_layout refers to
    quint64 m_requestedGeneration = 0;  // bumped by every change
    quint64 m_shownGeneration = 0;
    bool m_jobRunning = false;
    bool m_rerun = false;
    bool m_jobPending = false;  // a job starts on the next event-loop turn
};

} // namespace packscope
