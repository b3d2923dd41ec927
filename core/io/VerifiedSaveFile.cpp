#include "io/VerifiedSaveFile.h"

#include <QFileInfo>

#include <cstdio>
#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace packscope {

VerifiedSaveFile::VerifiedSaveFile(const QString &target) : m_target(target)
{
    const QFileInfo info(target);
    m_temporary.setFileTemplate(info.absolutePath() + u"/."_s + info.fileName() + u".XXXXXX"_s);
    m_temporary.setAutoRemove(true);
}

bool VerifiedSaveFile::open()
{
    return m_temporary.open();
}

bool VerifiedSaveFile::commit(const std::function<QString(const unsigned char *, std::uint64_t)> &check)
{
    if (!m_temporary.flush()) {
        m_error = m_temporary.errorString();
        return false;
    }
    const qint64 size = m_temporary.size();
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
    // A new file gets the permissions any new file would (0666 less the
    // umask), not the temporary file's 0600.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    if (::chmod(QFile::encodeName(m_temporary.fileName()).constData(), 0666 & ~mask) != 0) {
        m_error = u"cannot set the file's permissions"_s;
        return false;
    }
    if (std::rename(QFile::encodeName(m_temporary.fileName()).constData(), QFile::encodeName(m_target).constData())
        != 0) {
        m_error = u"cannot move the finished file into place"_s;
        return false;
    }
    m_temporary.setAutoRemove(false);
    return true;
}

} // namespace packscope
