#include "JobRunner.h"

namespace packscope {

JobRunner::JobRunner(Mode mode, QObject *parent) : QObject(parent), m_mode(mode) {}

JobRunner::~JobRunner()
{
    for (const JobControl &control : std::as_const(m_latest))
        control.cancel();
    m_pool.waitForDone();
}

JobControl JobRunner::begin(const QString &kind)
{
    if (const auto before = m_latest.constFind(kind); before != m_latest.constEnd())
        before->cancel();
    const JobControl control;
    m_latest.insert(kind, control);
    return control;
}

void JobRunner::start(std::function<void()> task)
{
    m_pool.start([working = m_working, task = std::move(task)] {
        ++*working;
        task();
        --*working;
    });
}

bool JobRunner::finish(const QString &kind, const JobControl &control)
{
    const auto latest = m_latest.constFind(kind);
    if (latest == m_latest.constEnd() || !(*latest == control) || control.isCancelled())
        return false;
    m_latest.erase(latest);
    Q_EMIT idle(kind);
    return true;
}

void JobRunner::cancel(const QString &kind)
{
    const auto latest = m_latest.constFind(kind);
    if (latest == m_latest.constEnd())
        return;
    latest->cancel();
    m_latest.erase(latest);
    Q_EMIT idle(kind);
}

void JobRunner::cancelAll()
{
    const QList<QString> kinds = m_latest.keys();
    for (const QString &kind : kinds)
        cancel(kind);
}

void JobRunner::waitForIdle()
{
    m_pool.waitForDone();
}

} // namespace packscope
