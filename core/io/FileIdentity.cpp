#include "io/FileIdentity.h"

#include <QFile>

#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace packscope {

namespace {

FileStamp stampOf(const struct stat &st)
{
    FileStamp stamp;
    stamp.device = std::uint64_t(st.st_dev);
    stamp.inode = std::uint64_t(st.st_ino);
    stamp.size = std::int64_t(st.st_size);
    stamp.mtimeSeconds = std::int64_t(st.st_mtim.tv_sec);
    stamp.mtimeNanoseconds = std::int64_t(st.st_mtim.tv_nsec);
    return stamp;
}

} // namespace

bool isSameFile(const QString &a, const QString &b)
{
    struct stat sa{}, sb{};
    if (::stat(QFile::encodeName(a).constData(), &sa) != 0 || ::stat(QFile::encodeName(b).constData(), &sb) != 0)
        return false;
    return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

FileStamp FileStamp::capture(const QString &path)
{
    struct stat st{};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return {};
    return stampOf(st);
}

FileStamp FileStamp::ofDescriptor(int fd)
{
    struct stat st{};
    if (fd < 0 || ::fstat(fd, &st) != 0)
        return {};
    return stampOf(st);
}

bool FileStamp::sameAs(const FileStamp &other) const
{
    return isValid() && other.isValid() && device == other.device && inode == other.inode && size == other.size
        && mtimeSeconds == other.mtimeSeconds && mtimeNanoseconds == other.mtimeNanoseconds;
}

QString changedOnDiskError(const QString &path)
{
    return u"%1 changed on disk since it was opened: reopen it"_s.arg(path);
}

QString checkUnchanged(const QString &path, const FileStamp &stamp)
{
    if (!stamp.isValid() || FileStamp::capture(path).sameAs(stamp))
        return {};
    return changedOnDiskError(path);
}

} // namespace packscope
