#include "PackageLoader.h"

#include "readers/PackageReader.h"

#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

namespace packscope {

PackageLoader::PackageLoader(QObject *parent) : QObject(parent) {}

PackageLoader::~PackageLoader()
{
    // The job holds no pointer to us; let it finish before the process ends.
    if (m_watcher)
        m_watcher->waitForFinished();
}

void PackageLoader::load(const QStringList &paths, int tag)
{
    run([paths] {
        Results results;
        for (const QString &path : paths)
            results.push_back(PackageReader::read(path));
        return results;
    }, tag);
    QStringList names;
    for (const QString &path : paths)
        names << QFileInfo(path).fileName();
    Q_EMIT started(names.join(QStringLiteral(", ")));
}

void PackageLoader::run(Job job, int tag)
{
    cancel();
    m_tag = tag;
    m_busy = true;
    auto *watcher = new QFutureWatcher<Results>(this);
    m_watcher = watcher;
    connect(watcher, &QFutureWatcher<Results>::finished, this, [this, watcher] {
        watcher->deleteLater();
        if (watcher != m_watcher)
            return;  // cancelled earlier: nobody waits for this one
        m_watcher = nullptr;
        m_busy = false;
        Q_EMIT finished(watcher->result(), m_tag);
    });
    watcher->setFuture(QtConcurrent::run(std::move(job)));
}

void PackageLoader::cancel()
{
    if (!m_busy)
        return;
    m_busy = false;
    m_watcher = nullptr;  // its finished() is ignored from now on
    Q_EMIT cancelled();
}

} // namespace packscope
