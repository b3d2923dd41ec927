#pragma once

#include "model/Package.h"

#include <QString>

#include <cstddef>
#include <cstdint>
#include <optional>

struct archive;

namespace packscope {

// One header of an archive as libarchive read it. The strings stay valid
// until the next header is read.
struct ArchiveHeader {
    const char *path = nullptr;
    const char *symlink = nullptr;   // a symlink's target
    const char *hardlink = nullptr;  // set when the entry is a hard link
    NodeKind kind = NodeKind::File;
    std::uint32_t mode = 0;  // Unix st_mode
    std::optional<std::uint64_t> size;  // declared size, when the archive states one
};

// A libarchive read handle, closed on destruction: the one place Packscope
// calls libarchive. libarchive is loaded the first time a package needs it
// (a tar or 7z, the scan of a damaged zip, a slim export from an archive), not
// at every start: with the compression, XML and ACL libraries it brings, it
// costs about 1.3 ms to load, a twentieth of auditing a 70,000-entry zip.
class ArchiveHandle
{
public:
    enum Formats {
        AnyArchive,     // every format and filter libarchive reads (tar.*, 7z, cpio, ...)
        ZipStreamable,  // zip by scanning local headers, for damaged central directories
    };

    // Whether libarchive could be loaded; if not, `error` says why.
    static bool available(QString *error = nullptr);

    // Opens `path`; an empty handle (false) when libarchive cannot open it, or
    // cannot be loaded, with the reason in `error` if given.
    static ArchiveHandle openForReading(const QString &path, Formats formats, QString *error = nullptr);
    // The same over bytes in memory, which must outlive the handle.
    static ArchiveHandle openMemory(const void *data, std::size_t size, Formats formats, QString *error = nullptr);

    ArchiveHandle() = default;
    ArchiveHandle(ArchiveHandle &&other) noexcept : m_archive(other.m_archive) { other.m_archive = nullptr; }
    ArchiveHandle &operator=(ArchiveHandle &&other) noexcept;
    ArchiveHandle(const ArchiveHandle &) = delete;
    ArchiveHandle &operator=(const ArchiveHandle &) = delete;
    ~ArchiveHandle();

    explicit operator bool() const { return m_archive != nullptr; }

    enum class Next { Header, End, Failed };
    // Reads the next header (Failed: errorString() says why).
    Next next(ArchiveHeader *header);
    // Reads the current entry's data: the bytes read, 0 at its end, < 0 on error.
    std::int64_t readData(void *buffer, std::size_t size);
    // Bytes of the file (or memory) libarchive has read so far, before
    // decompression: how far through the archive it is.
    std::uint64_t bytesConsumed() const;
    // Skips the current entry's data; false on error.
    bool skipData();
    // What libarchive found the archive to be (known after the first header).
    PackageFormat format() const;
    // libarchive's last error message for this handle.
    QString errorString() const;

private:
    // A new handle reading `formats`, not yet opened.
    static ArchiveHandle create(Formats formats, QString *error);
    // Keeps the handle if `status` says it opened, else reports and drops it.
    static ArchiveHandle opened(ArchiveHandle handle, int status, QString *error);

    archive *m_archive = nullptr;
};

} // namespace packscope
