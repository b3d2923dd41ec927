#include "io/FileImage.h"
#include "io/FileIdentity.h"

#include <algorithm>
#include <cerrno>
#include <sys/mman.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace packscope {

FileImage::FileImage(int fd, std::uint64_t size, const QString &path) : m_fd(fd), m_size(size), m_path(path)
{
    if (size == 0)
        return;
    // No reservation: a zip larger than memory and swap still opens, as
    // only its index is ever loaded.
    void *image = ::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (image == MAP_FAILED)
        return;
    m_image = static_cast<unsigned char *>(image);
#ifdef MADV_HUGEPAGE
    // A central directory of tens of MiB in 4 KiB pages would spend as long
    // in page faults as in being read. Only advice: 4 KiB pages serve too.
    ::madvise(image, size, MADV_HUGEPAGE);
#endif
}

FileImage::~FileImage()
{
    if (m_image)
        ::munmap(m_image, m_size);
}

QString FileImage::load(std::uint64_t from, std::uint64_t to)
{
    if (!m_image && m_size > 0)
        return u"%1: cannot allocate room to read it"_s.arg(m_path);
    to = std::min(to, m_size);
    return from < to ? readAt(m_image + from, from, to - from) : QString();
}

QString FileImage::readAt(void *into, std::uint64_t offset, std::uint64_t length) const
{
    auto *at = static_cast<unsigned char *>(into);
    while (length > 0) {
        const ssize_t got =
            ::pread(m_fd, at, std::size_t(std::min<std::uint64_t>(length, 1u << 30)), off_t(offset));
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            return u"%1: %2"_s.arg(m_path, qt_error_string(errno));
        if (got == 0)
            return changedOnDiskError(m_path);  // shorter than when it was opened
        at += got;
        offset += std::uint64_t(got);
        length -= std::uint64_t(got);
    }
    return {};
}

} // namespace packscope
