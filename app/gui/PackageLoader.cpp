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
    auto shared = std::make_shared<SharedProgress>();
    run([paths, shared] {
        Results results;
        for (int i = 0; i < paths.size(); ++i) {
            shared->file = i;
            results.push_back(PackageReader::read(paths[i], [shared](const LoadProgress &read) {
                shared->bytesRead = read.bytesRead;
                shared->bytesTotal = read.bytesTotal;
                shared->entries = read.entries;
                return !shared->cancelled.load();
            }));
            if (shared->cancelled)
                break;
        }
        return results;
    }, tag);
    m_shared = shared;
    m_names.clear();
    for (const QString &path : paths)
        m_names << QFileInfo(path).fileName();
    Q_EMIT started(m_names.join(QStringLiteral(", ")));
}

PackageLoader::Progress PackageLoader::progress() const
{
    Progress now;
    now.file = m_busy ? m_shared->file.load() : -1;
    if (now.file < 0 || now.file >= m_names.size())
        return {};
    now.name = m_names[now.file];
    now.read = {m_shared->bytesRead.load(), m_shared->bytesTotal.load(), m_shared->entries.load()};
    return now;
}

void PackageLoader::run(Job job, int tag)
{
    cancel();
    m_shared = std::make_shared<SharedProgress>();  // a job without progress
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
    m_shared->cancelled = true;  // a reader that reports progress stops there
    m_watcher = nullptr;  // its finished() is ignored from now on
    Q_EMIT cancelled();
}

} // namespace packscope
