#include "readers/ArchiveHandle.h"

#include <QFile>
#include <QLibrary>
#include <QStringList>

#include <archive.h>
#include <archive_entry.h>

using namespace Qt::StringLiterals;

namespace packscope {

namespace {

// Every libarchive function Packscope calls, resolved from libarchive.so.13
// (its C ABI is stable under that soname) the first time one is needed.
#define PACKSCOPE_LIBARCHIVE_FUNCTIONS(F)                                                                         \
    F(archive_read_new)                                                                                           \
    F(archive_read_support_format_zip_streamable)                                                                 \
    F(archive_read_support_filter_all)                                                                            \
    F(archive_read_support_format_all)                                                                            \
    F(archive_read_open_filename)                                                                                 \
    F(archive_read_open_memory)                                                                                   \
    F(archive_read_free)                                                                                          \
    F(archive_error_string)                                                                                       \
    F(archive_format)                                                                                             \
    F(archive_read_next_header)                                                                                   \
    F(archive_read_data)                                                                                          \
    F(archive_read_data_skip)                                                                                     \
    F(archive_filter_bytes)                                                                                       \
    F(archive_entry_pathname)                                                                                     \
    F(archive_entry_symlink)                                                                                      \
    F(archive_entry_hardlink)                                                                                     \
    F(archive_entry_filetype)                                                                                     \
    F(archive_entry_mode)                                                                                         \
    F(archive_entry_size_is_set)                                                                                  \
    F(archive_entry_size)

struct LibArchive {
#define PACKSCOPE_DECLARE(name) decltype(&::name) name = nullptr;
    PACKSCOPE_LIBARCHIVE_FUNCTIONS(PACKSCOPE_DECLARE)
#undef PACKSCOPE_DECLARE
    QString error;  // why it could not be loaded; empty when it was
};

const LibArchive &libarchive()
{
    static const LibArchive loaded = [] {
        LibArchive api;
        QLibrary library(u"archive"_s, 13);  // never unloaded: QLibrary's destructor leaves it
        if (!library.load()) {
            api.error = u"libarchive cannot be loaded, so tar and 7z packages cannot be read (%1)"_s.arg(
                library.errorString());
            return api;
        }
        QStringList missing;
#define PACKSCOPE_RESOLVE(name)                                                                                   \
    api.name = reinterpret_cast<decltype(api.name)>(library.resolve(#name));                                     \
    if (!api.name)                                                                                                \
        missing << QStringLiteral(#name);
        PACKSCOPE_LIBARCHIVE_FUNCTIONS(PACKSCOPE_RESOLVE)
#undef PACKSCOPE_RESOLVE
        if (!missing.isEmpty())
            api.error = u"the libarchive found lacks %1"_s.arg(missing.join(u", "_s));
        return api;
    }();
    return loaded;
}

} // namespace

bool ArchiveHandle::available(QString *error)
{
    const QString &why = libarchive().error;
    if (error)
        *error = why;
    return why.isEmpty();
}

ArchiveHandle ArchiveHandle::create(Formats formats, QString *error)
{
    ArchiveHandle handle;
    if (!available(error))
        return handle;
    const LibArchive &api = libarchive();
    handle.m_archive = api.archive_read_new();
    if (!handle.m_archive) {
        if (error)
            *error = u"libarchive cannot make a reader (out of memory?)"_s;
        return handle;
    }
    if (formats == ZipStreamable) {
        api.archive_read_support_format_zip_streamable(handle.m_archive);
    } else {
        api.archive_read_support_filter_all(handle.m_archive);
        api.archive_read_support_format_all(handle.m_archive);
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
    ArchiveHandle handle = create(formats, error);
    if (!handle)
        return handle;
    const QByteArray encoded = QFile::encodeName(path);
    const int status = libarchive().archive_read_open_filename(handle.m_archive, encoded.constData(), 1 << 16);
    return opened(std::move(handle), status, error);
}

ArchiveHandle ArchiveHandle::openMemory(const void *data, std::size_t size, Formats formats, QString *error)
{
    ArchiveHandle handle = create(formats, error);
    if (!handle)
        return handle;
    const int status = libarchive().archive_read_open_memory(handle.m_archive, data, size);
    return opened(std::move(handle), status, error);
}

ArchiveHandle &ArchiveHandle::operator=(ArchiveHandle &&other) noexcept
{
    if (this != &other) {
        if (m_archive)
            libarchive().archive_read_free(m_archive);
        m_archive = other.m_archive;
        other.m_archive = nullptr;
    }
    return *this;
}

ArchiveHandle::~ArchiveHandle()
{
    if (m_archive)
        libarchive().archive_read_free(m_archive);
}

ArchiveHandle::Next ArchiveHandle::next(ArchiveHeader *header)
{
    const LibArchive &api = libarchive();
    archive_entry *entry = nullptr;
    const int status = api.archive_read_next_header(m_archive, &entry);
    if (status == ARCHIVE_EOF)
        return Next::End;
    if (status != ARCHIVE_OK && status != ARCHIVE_WARN)
        return Next::Failed;
    const auto type = api.archive_entry_filetype(entry);
    header->kind = type == AE_IFDIR ? NodeKind::Folder : type == AE_IFLNK ? NodeKind::Symlink : NodeKind::File;
    header->path = api.archive_entry_pathname(entry);
    header->symlink = api.archive_entry_symlink(entry);
    header->hardlink = api.archive_entry_hardlink(entry);
    header->mode = std::uint32_t(api.archive_entry_mode(entry));
    header->size.reset();
    if (api.archive_entry_size_is_set(entry))
        header->size = std::uint64_t(api.archive_entry_size(entry));
    return Next::Header;
}

std::int64_t ArchiveHandle::readData(void *buffer, std::size_t size)
{
    return libarchive().archive_read_data(m_archive, buffer, size);
}

std::uint64_t ArchiveHandle::bytesConsumed() const
{
    // Filter -1 is the last one: the file as read from disk, still compressed.
    const la_int64_t bytes = libarchive().archive_filter_bytes(m_archive, -1);
    return bytes > 0 ? std::uint64_t(bytes) : 0;
}

bool ArchiveHandle::skipData()
{
    return libarchive().archive_read_data_skip(m_archive) == ARCHIVE_OK;
}

PackageFormat ArchiveHandle::format() const
{
    switch (libarchive().archive_format(m_archive) & ARCHIVE_FORMAT_BASE_MASK) {
    case ARCHIVE_FORMAT_TAR:
        return PackageFormat::Tar;
    case ARCHIVE_FORMAT_7ZIP:
        return PackageFormat::SevenZip;
    default:
        return PackageFormat::OtherArchive;
    }
}

QString ArchiveHandle::errorString() const
{
    const char *message = m_archive ? libarchive().archive_error_string(m_archive) : nullptr;
    return message ? QString::fromLocal8Bit(message) : u"unknown libarchive error"_s;
}

} // namespace packscope
