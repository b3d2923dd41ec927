#pragma once

#include <QString>

#include <cstddef>

struct archive;

namespace packscope {

// Owns a libarchive read handle; closes it on destruction.
class ArchiveHandle
{
public:
    enum Formats {
        AnyArchive,     // every format and filter libarchive reads (tar.*, 7z, cpio, ...)
        ZipStreamable,  // zip by scanning local headers, for damaged central directories
    };

    // Opens `path`; an empty handle (false) when libarchive cannot open it, with
    // the reason in `error` if given.
    static ArchiveHandle openForReading(const QString &path, Formats formats, QString *error = nullptr);
    // The same over bytes in memory, which must outlive the handle.
    static ArchiveHandle openMemory(const void *data, std::size_t size, Formats formats, QString *error = nullptr);

    ArchiveHandle() = default;
    ArchiveHandle(ArchiveHandle &&other) noexcept : m_archive(other.m_archive) { other.m_archive = nullptr; }
    ArchiveHandle &operator=(ArchiveHandle &&other) noexcept;
    ArchiveHandle(const ArchiveHandle &) = delete;
    ArchiveHandle &operator=(const ArchiveHandle &) = delete;
    ~ArchiveHandle();

    archive *get() const { return m_archive; }
    explicit operator bool() const { return m_archive != nullptr; }
    // libarchive's last error message for this handle.
    QString errorString() const;

private:
    // A new handle reading `formats`, not yet opened.
    static ArchiveHandle create(Formats formats);
    // Keeps the handle if `status` says it opened, else reports and drops it.
    static ArchiveHandle opened(ArchiveHandle handle, int status, QString *error);

    archive *m_archive = nullptr;
};

} // namespace packscope
