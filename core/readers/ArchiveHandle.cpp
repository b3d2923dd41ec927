#include "readers/ArchiveHandle.h"

#include <QFile>

#include <archive.h>

using namespace Qt::StringLiterals;

namespace packscope {

ArchiveHandle ArchiveHandle::create(Formats formats)
{
    ArchiveHandle handle;
    handle.m_archive = archive_read_new();
    if (!handle.m_archive)
        return handle;
    if (formats == ZipStreamable) {
        archive_read_support_format_zip_streamable(handle.m_archive);
    } else {
        archive_read_support_filter_all(handle.m_archive);
        archive_read_support_format_all(handle.m_archive);
    }
    return handle;
}

ArchiveHandle ArchiveHandle::opened(ArchiveHandle handle, int status, QString *error)
{
    if (status == ARCHIVE_OK)
        return handle;
    if (error)
        *error = handle.errorString();
    return ArchiveHandle();
}

ArchiveHandle ArchiveHandle::openForReading(const QString &path, Formats formats, QString *error)
{
    ArchiveHandle handle = create(formats);
    if (!handle)
        return handle;
    const QByteArray encoded = QFile::encodeName(path);
    const int status = archive_read_open_filename(handle.m_archive, encoded.constData(), 1 << 16);
    return opened(std::move(handle), status, error);
}

ArchiveHandle ArchiveHandle::openMemory(const void *data, std::size_t size, Formats formats, QString *error)
{
    ArchiveHandle handle = create(formats);
    if (!handle)
        return handle;
    const int status = archive_read_open_memory(handle.m_archive, data, size);
    return opened(std::move(handle), status, error);
}

ArchiveHandle &ArchiveHandle::operator=(ArchiveHandle &&other) noexcept
{
    if (this != &other) {
        if (m_archive)
            archive_read_free(m_archive);
        m_archive = other.m_archive;
        other.m_archive = nullptr;
    }
    return *this;
}

ArchiveHandle::~ArchiveHandle()
{
    if (m_archive)
        archive_read_free(m_archive);
}

QString ArchiveHandle::errorString() const
{
    const char *message = m_archive ? archive_error_string(m_archive) : nullptr;
    return message ? QString::fromLocal8Bit(message) : u"unknown libarchive error"_s;
}

} // namespace packscope
