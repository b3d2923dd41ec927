#include "readers/FolderPackageReader.h"
#include "readers/EstimatedZipPackage.h"

#include <QDir>
#include <QFile>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace packscope {

namespace {

class FolderWalk
{
public:
    FolderWalk(EstimatedZipPackage &out, const LoadProgressSink &progress)
        : m_out(out), m_progress(progress), m_buffer(1 << 20)
    {
    }

    // False when the progress sink asked to stop.
    bool walk(const QString &absolute, const QByteArray &relative)
    {
        QDir dir(absolute);
        const QStringList names = dir.entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                                                QDir::Name);
        for (const QString &name : names) {
            ++m_seen.entries;
            if (m_progress && !m_progress(m_seen))
                return false;
            const QString full = absolute + u'/' + name;
            const QByteArray rel = relative.isEmpty() ? name.toUtf8() : relative + '/' + name.toUtf8();
            struct stat st{};
            if (::lstat(QFile::encodeName(full).constData(), &st) != 0) {
                m_out.warnings().push_back({u"unreadable"_s, QString::fromUtf8(rel), u"cannot stat this entry"_s});
                continue;
            }
            const auto mode = std::uint32_t(st.st_mode);
            if (S_ISLNK(st.st_mode)) {
                // The target as stored, not resolved: it is what a zip would hold.
                QByteArray target(qsizetype(st.st_size), '\0');
                const ssize_t got = ::readlink(QFile::encodeName(full).constData(), target.data(), target.size());
                target.truncate(got < 0 ? 0 : qsizetype(got));
                m_out.addSymlink(rel, target, mode);
            } else if (S_ISDIR(st.st_mode)) {
                m_out.addFolder(rel, mode);
                if (!walk(full, rel))
                    return false;
            } else if (S_ISREG(st.st_mode)) {
                addFile(full, rel, mode, std::uint64_t(st.st_size));
            } else {
                m_out.warnings().push_back({u"special-file"_s, QString::fromUtf8(rel),
                                            u"not a regular file, folder or symlink; skipped"_s});
            }
        }
        return true;
    }

private:
    void addFile(const QString &full, const QByteArray &rel, std::uint32_t mode, std::uint64_t size)
    {
        m_out.beginFile(rel, mode);
        QFile file(full);
        if (!file.open(QIODevice::ReadOnly)) {
            m_out.warnings().push_back({u"unreadable"_s, QString::fromUtf8(rel),
                                        u"cannot read (%1); its zipped size is taken as its size"_s.arg(
                                            file.errorString())});
        } else {
            qint64 got;
            while ((got = file.read(m_buffer.data(), qint64(m_buffer.size()))) > 0) {
                m_out.addFileData(m_buffer.data(), std::size_t(got));
                m_seen.bytesRead += std::uint64_t(got);
            }
        }
        m_out.endFile(size);
    }

    EstimatedZipPackage &m_out;
    const LoadProgressSink &m_progress;
    LoadProgress m_seen;  // bytes of contents read; the folder's total is not known ahead
    std::vector<char> m_buffer;
};

} // namespace

LoadResult FolderPackageReader::read(const QString &path, const LoadProgressSink &progress)
{
    if (!QFileInfo(path).isDir())
        return LoadResult::failure(path, u"not a directory"_s);
    if (!QFileInfo(path).isReadable())
        return LoadResult::failure(path, u"directory is not readable"_s);
    EstimatedZipPackage collected;
    if (!FolderWalk(collected, progress).walk(QDir(path).absolutePath(), {}))
        return LoadResult::failure(path, u"cancelled"_s);
    return LoadResult{collected.finish(path, PackageFormat::Directory), {}, {}};
}

} // namespace packscope
