#pragma once

#include <QString>

#include <cstdint>

namespace packscope {

// A file's bytes in memory at their own offsets, read with pread(2) only
// where load() is asked to: an anonymous mapping of the file's size, which
// costs memory only where something was loaded. Nothing maps the file
// itself, so a file truncated while it is read gives a short read and an
// error, never a SIGBUS.
class FileImage
{
public:
    // `fd` stays the caller's and must outlive the image; `path` names the
    // file in errors.
    FileImage(int fd, std::uint64_t size, const QString &path);
    ~FileImage();
    FileImage(const FileImage &) = delete;
    FileImage &operator=(const FileImage &) = delete;

    // The file's bytes where load() has read them, zeros elsewhere; null
    // when no room could be had (load() then says so).
    const unsigned char *data() const { return m_image; }
    std::uint64_t size() const { return m_size; }
    // Reads [from, to) into data(); returns an error or an empty string.
    QString load(std::uint64_t from, std::uint64_t to);
    // Reads `length` bytes at `offset` into `into`. Returns the system's
    // error ("PATH: reason"), changedOnDiskError() when the file ends
    // sooner than that, or an empty string.
    QString readAt(void *into, std::uint64_t offset, std::uint64_t length) const;

private:
    int m_fd;
    std::uint64_t m_size;
    QString m_path;
    unsigned char *m_image = nullptr;
};

} // namespace packscope
