#include "readers/ZipLocalBytes.h"
#include "io/FileImage.h"

#include <algorithm>

namespace packscope {

ZipLocalBytes::ZipLocalBytes(const FileImage &image, std::uint64_t loadedFrom)
    : m_data(image.data()), m_image(&image), m_loadedFrom(loadedFrom)
{
}

const unsigned char *ZipLocalBytes::held(std::uint64_t offset, std::uint64_t length) const
{
    if (!m_image)
        return m_data + offset;
    if (offset >= m_loadedFrom && length <= m_image->size() - std::min(offset, m_image->size()))
        return m_data + offset;
    if (offset >= m_windowStart && offset + length <= m_windowEnd)
        return m_window.data() + (offset - m_windowStart);
    return nullptr;
}

const unsigned char *ZipLocalBytes::read(std::uint64_t offset, std::uint64_t length, std::uint64_t ahead)
{
    if (!m_image)
        return m_data + offset;
    // Reading ahead stops at the end of the file as it was opened.
    const std::uint64_t end = std::max(offset + length, std::min(ahead, m_image->size()));
    if (m_window.size() < end - offset)
        m_window.resize(std::size_t(end - offset));
    m_windowStart = m_windowEnd = 0;
    m_error = m_image->readAt(m_window.data(), offset, end - offset);
    if (!m_error.isEmpty())
        return nullptr;
    m_windowStart = offset;
    m_windowEnd = end;
    return m_window.data();
}

} // namespace packscope
