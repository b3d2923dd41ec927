#include "io/VerifiedSaveFile.h"

#include <QFileInfo>

#include <cerrno>
#include <cstdio>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace packscope {

qint64 SystemErrorDevice::size() const
{
    struct stat st{};
    return m_fd >= 0 && ::fstat(m_fd, &st) == 0 ? qint64(st.st_size) : 0;
}

bool SystemErrorDevice::seek(qint64 pos)
{
    if (m_fd < 0 || !QIODevice::seek(pos))
        return false;
    if (::lseek(m_fd, off_t(pos), SEEK_SET) != off_t(pos)) {
        fail(errno);
        return false;
    }
    return true;
}

qint64 SystemErrorDevice::readData(char *data, qint64 maxSize)
{
    ssize_t got;
    do {
        got = ::read(m_fd, data, std::size_t(maxSize));
    } while (got < 0 && errno == EINTR);
    if (got < 0)
        fail(errno);
    return got;
}

qint64 SystemErrorDevice::writeData(const char *data, qint64 size)
{
    qint64 done = 0;
    while (done < size) {
        const ssize_t put = ::write(m_fd, data + done, std::size_t(size - done));
        if (put < 0 && errno == EINTR)
            continue;
        if (put <= 0) {
            fail(put < 0 ? errno : ENOSPC);  // write(2) returning 0 for a regular file: no room
            return -1;
        }
        done += put;
    }
    return done;
}

void SystemErrorDevice::fail(int error)
{
    if (!m_failed)
        setErrorString(qt_error_string(error));
    m_failed = true;
}

VerifiedSaveFile::VerifiedSaveFile(const QString &target) : m_target(target)
{
    const QFileInfo info(target);
    m_temporary.setFileTemplate(info.absolutePath() + u"/."_s + info.fileName() + u".XXXXXX"_s);
    m_temporary.setAutoRemove(true);
}

bool VerifiedSaveFile::open()
{
    errno = 0;
    if (!m_temporary.open()) {
        // QTemporaryFile's own message names the template; the system's reason is what helps.
        const int error = errno;
        m_error = error != 0 ? qt_error_string(error) : m_temporary.errorString();
        return false;
    }
    m_device.setDescriptor(m_temporary.handle());
    return m_device.open(QIODevice::ReadWrite | QIODevice::Unbuffered);
}

QString VerifiedSaveFile::errorString() const
{
    if (m_device.failed())
        return m_device.errorString();
    return m_error.isEmpty() ? m_temporary.errorString() : m_error;
}

bool VerifiedSaveFile::commit(const std::function<QString(const unsigned char *, std::uint64_t)> &check)
{
    if (m_device.failed())
        return false;
    // Some file systems (NFS, a full disk with delayed allocation) only
    // report a failed write when the data reaches them.
    if (::fdatasync(m_temporary.handle()) != 0 && errno != EINVAL) {
        m_error = qt_error_string(errno);
        return false;
    }
    const qint64 size = m_device.size();
    if (check) {
        if (size > 0) {
            const unsigned char *data = m_temporary.map(0, size);
            if (!data) {
                m_error = u"cannot read back what was written: %1"_s.arg(m_temporary.errorString());
                return false;
            }
            m_error = check(data, std::uint64_t(size));
            m_temporary.unmap(const_cast<unsigned char *>(data));
        } else {
            m_error = check(nullptr, 0);
        }
        if (!m_error.isEmpty())
            return false;
    }
    // A new file gets the permissions any new file would (0666 less the
    // umask), not the temporary file's 0600.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    if (::fchmod(m_temporary.handle(), 0666 & ~mask) != 0) {
        m_error = u"cannot set the file's permissions: %1"_s.arg(qt_error_string(errno));
        return false;
    }
    if (std::rename(QFile::encodeName(m_temporary.fileName()).constData(), QFile::encodeName(m_target).constData())
        != 0) {
        m_error = u"cannot move the finished file into place: %1"_s.arg(qt_error_string(errno));
        return false;
    }
    m_temporary.setAutoRemove(false);
    return true;
}

bool VerifiedSaveFile::writeAll(const QString &target, const QByteArray &data, QString *error)
{
    VerifiedSaveFile file(target);
    if (!file.open() || file.device().write(data) != data.size() || !file.commit()) {
        *error = u"%1: %2"_s.arg(target, file.errorString());
        return false;
    }
    return true;
}

} // namespace packscope
