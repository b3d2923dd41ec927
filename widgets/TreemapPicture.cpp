#include "TreemapPicture.h"

#include "jobs/JobRunner.h"
#include "treemap/TreemapSource.h"

using namespace Qt::StringLiterals;

namespace packscope {

// What a layout hands back: the layout, the picture of its tiles, and the
// snapshot both refer to.
struct TreemapPicture::Frame {
    TreemapLayout layout;
    QImage image;
    std::shared_ptr<const TreemapSource> source;
    TreemapLook look;
    quint64 generation = 0;
};

TreemapPicture::TreemapPicture(JobRunner *jobs, std::function<Request()> describe, QObject *parent)
    : QObject(parent), m_jobs(jobs), m_describe(std::move(describe)),
      m_jobKind(u"treemap layout %1"_s.arg(quintptr(this), 0, 16))
{
}

void TreemapPicture::layOutNow()
{
    Request request = m_describe();
    Frame frame;
    frame.layout = TreemapLayout::compute(*request.source, request.roots, request.bounds, request.options);
    frame.image = TreemapRenderer::paintTiles(frame.layout, *request.source, request.look);
    frame.source = std::move(request.source);
    frame.look = std::move(request.look);
    frame.generation = ++m_requestedGeneration;
    present(std::move(frame));
}

void TreemapPicture::invalidate(Refresh how)
{
    ++m_requestedGeneration;
    if (how == Refresh::OnNextPaint)
        return;
    if (m_jobRunning) {
        m_rerun = true;  // one more job when this one ends, whatever happens meanwhile
        return;
    }
    if (!m_jobPending) {
        m_jobPending = true;
        QMetaObject::invokeMethod(this, [this] {
            m_jobPending = false;
            if (m_jobRunning)
                m_rerun = true;
            else if (isStale())
                startJob();
        }, Qt::QueuedConnection);
    }
}

void TreemapPicture::startJob()
{
    const quint64 generation = m_requestedGeneration;
    m_jobRunning = true;
    m_jobs->run<Frame>(m_jobKind, this, [request = m_describe(), generation](const JobControl &) {
        Frame frame;
        frame.layout = TreemapLayout::compute(*request.source, request.roots, request.bounds, request.options);
        frame.image = TreemapRenderer::paintTiles(frame.layout, *request.source, request.look);
        frame.source = request.source;
        frame.look = request.look;
        frame.generation = generation;
        return frame;
    }, [this](Frame frame) { onJobFinished(std::move(frame)); });
}

void TreemapPicture::onJobFinished(Frame frame)
{
    m_jobRunning = false;
    // A picture laid out here may have shown something newer meanwhile.
    if (frame.generation > m_shownGeneration) {
        present(std::move(frame));
        Q_EMIT arrived();
    }
    if (m_rerun) {
        m_rerun = false;
        if (isStale())
            startJob();
    }
}

void TreemapPicture::present(Frame frame)
{
    // Labels need fonts, which belong to the GUI thread.
    TreemapRenderer::paintLabels(frame.image, frame.layout, *frame.source, frame.look);
    m_layout = std::move(frame.layout);
    m_image = std::move(frame.image);
    m_source = std::move(frame.source);
    m_shownGeneration = frame.generation;
    Q_EMIT shown();
}

} // namespace packscope
