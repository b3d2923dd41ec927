#pragma once

#include <QByteArray>
#include <QIODevice>
#include <QString>
#include <QTemporaryFile>

#include <functional>

namespace packscope {

// The device a VerifiedSaveFile writes through: plain write(2)/lseek(2) on
// the temporary file's descriptor, unbuffered, so a failure is seen at the
// call that failed and its errorString() is the system's reason ("No space
// left on device") taken from errno right there, not the "Unknown error" a
// buffered QFileDevice often reports after a failed flush.
class SystemErrorDevice : public QIODevice
{
public:
    void setDescriptor(int fd) { m_fd = fd; }
    bool failed() const { return m_failed; }
    bool isSequential() const override { return false; }
    qint64 size() const override;
    bool seek(qint64 pos) override;

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 size) override;

private:
    void fail(int error);

    int m_fd = -1;
    bool m_failed = false;
};

// Writes a file the way QSaveFile does (into a temporary file beside the
// target, renamed over it in one step, so readers see the old file or the
// new one and a failure leaves nothing behind) but lets the caller read the
// finished bytes back and check them before the rename. Every file
// Packscope writes goes through it (slim zips, which are checked entry by
// entry, reports, scenarios, the demo), so every write error says the
// system's reason the same way.
class VerifiedSaveFile
{
public:
    explicit VerifiedSaveFile(const QString &target);

    bool open();
    QIODevice &device() { return m_device; }
    // Whether a write or seek on device() failed; errorString() then says why.
    bool writeFailed() const { return m_device.failed(); }
    // The reason of the first failure, without the path: the system's
    // message (strerror) for failed system calls.
    QString errorString() const;

    // Maps the written bytes and hands them to `check` (when given), which
    // returns an error message or an empty string; on success renames the
    // file into place. Returns false (the target untouched, the temporary
    // removed) on any failure, including an earlier failed write;
    // errorString() says why.
    bool commit(const std::function<QString(const unsigned char *data, std::uint64_t size)> &check = {});

    // Writes `data` to `target` atomically. On failure returns false with
    // `*error` set to "<target>: <reason>" and nothing left behind.
    static bool writeAll(const QString &target, const QByteArray &data, QString *error);

private:
    QString m_target;
    QTemporaryFile m_temporary;
    SystemErrorDevice m_device;
    QString m_error;
};

} // namespace packscope
