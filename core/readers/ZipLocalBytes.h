#pragma once

#include <QString>

#include <cstdint>
#include <vector>

namespace packscope {

class FileImage;

// Where the check of each local record against its central record reads
// the record from: in place when the whole zip is in memory or the record
// lies in what the file's image holds already, otherwise with pread(2)
// into a window. Local records are spread over the whole file, so they are
// not loaded into the image (for a zip of large entries that would commit
// a page per entry); the caller says how far a read may reach ahead instead,
// so that a run of small entries costs one read and a large entry little
// more than its header.
class ZipLocalBytes
{
public:
    // The whole zip is at `data`.
    explicit ZipLocalBytes(const unsigned char *data) : m_data(data) {}
    // `image` holds its file's bytes from `loadedFrom` to its end; the rest is read from the file.
    ZipLocalBytes(const FileImage &image, std::uint64_t loadedFrom);

    // [offset, offset + length) when held already, else null.
    const unsigned char *held(std::uint64_t offset, std::uint64_t length) const;
    // Reads [offset, max(offset + length, ahead)) into the window and gives
    // [offset, offset + length); null when that cannot be read (error() says why).
    const unsigned char *read(std::uint64_t offset, std::uint64_t length, std::uint64_t ahead);
    // Empty, or why a read failed: the system's reason, or the file changed on disk.
    const QString &error() const { return m_error; }

private:
    const unsigned char *m_data = nullptr;  // the whole zip, or the image's bytes
    const FileImage *m_image = nullptr;
    std::uint64_t m_loadedFrom = 0;
    std::vector<unsigned char> m_window;
    std::uint64_t m_windowStart = 0;
    std::uint64_t m_windowEnd = 0;
    QString m_error;
};

} // namespace packscope
