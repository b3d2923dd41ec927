#include "PackageLoader.h"

#include "jobs/JobRunner.h"
#include "readers/PackageReader.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace packscope {

namespace {

const QString kLoadJob = u"load"_s;

} // namespace

PackageLoader::PackageLoader(JobRunner *jobs, QObject *parent) : QObject(parent), m_jobs(jobs) {}

void PackageLoader::load(const QStringList &paths, int tag)
{
    run([paths](const JobControl &control) {
        Results results;
        for (int i = 0; i < paths.size() && !control.isCancelled(); ++i) {
            control.setStep(i);
            results.push_back(PackageReader::read(paths[i], control.sink()));
        }
        return results;
    }, tag);
    m_names.clear();
    for (const QString &path : paths)
        m_names << QFileInfo(path).fileName();
    Q_EMIT started(loadingNames());
}

QString PackageLoader::loadingNames() const
{
    return m_names.join(u", "_s);
}

PackageLoader::Progress PackageLoader::progress() const
{
    Progress now;
    now.file = m_busy ? m_control.step() : -1;
    if (now.file < 0 || now.file >= m_names.size())
        return {};
    now.name = m_names[now.file];
    now.read = m_control.progress();
    return now;
}

void PackageLoader::run(Job job, int tag)
{
    cancel();
    m_names.clear();  // a job without progress, unless load() names its files
    m_tag = tag;
    m_busy = true;
    m_control = m_jobs->run<Results>(kLoadJob, this, std::move(job), [this](Results results) {
        m_busy = false;
        Q_EMIT finished(results, m_tag);
    });
}

void PackageLoader::cancel()
{
    if (!m_busy)
        return;
    m_busy = false;
    m_jobs->cancel(kLoadJob);  // a reader that reports progress stops there
    Q_EMIT cancelled();
}

} // namespace packscope
