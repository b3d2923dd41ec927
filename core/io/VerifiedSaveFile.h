#pragma once

#include <QString>
#include <QTemporaryFile>

#include <functional>

namespace packscope {

// Writes a file the way QSaveFile does (into a temporary file beside the
// target, renamed over it in one step, so readers see the old file or the
// new one and a failure leaves nothing behind) but lets the caller read the
// finished bytes back and check them before the rename. Used for slim zips,
// which are checked entry by entry before they may replace anything.
class VerifiedSaveFile
{
public:
    explicit VerifiedSaveFile(const QString &target);

    bool open();
    QIODevice &device() { return m_temporary; }
    QString errorString() const { return m_error.isEmpty() ? m_temporary.errorString() : m_error; }

    // Maps the written bytes and hands them to `check`, which returns an
    // error message or an empty string; on success renames the file into
    // place. Returns false (the target untouched, the temporary removed) on
    // any failure; errorString() says why.
    bool commit(const std::function<QString(const unsigned char *data, std::uint64_t size)> &check);

private:
    QString m_target;
    QTemporaryFile m_temporary;
    QString m_error;
};

} // namespace packscope
