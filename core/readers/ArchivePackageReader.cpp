#include "readers/ArchivePackageReader.h"
#include "readers/ArchiveHandle.h"
#include "readers/EstimatedZipPackage.h"

#include <archive.h>
#include <archive_entry.h>

using namespace Qt::StringLiterals;

namespace packscope {

namespace {

PackageFormat formatOf(int archiveFormat)
{
    switch (archiveFormat & ARCHIVE_FORMAT_BASE_MASK) {
    case ARCHIVE_FORMAT_TAR:
        return PackageFormat::Tar;
    case ARCHIVE_FORMAT_7ZIP:
        return PackageFormat::SevenZip;
    default:
        return PackageFormat::OtherArchive;
    }
}

} // namespace

LoadResult ArchivePackageReader::read(const QString &path)
{
    QString error;
    ArchiveHandle archive = ArchiveHandle::openForReading(path, ArchiveHandle::AnyArchive, &error);
    if (!archive)
        return LoadResult::failure(path, u"cannot open archive: "_s + error);
    return readFrom(archive, path);
}

LoadResult ArchivePackageReader::readBytes(const void *data, std::size_t size, const QString &path)
{
    QString error;
    ArchiveHandle archive = ArchiveHandle::openMemory(data, size, ArchiveHandle::AnyArchive, &error);
    if (!archive)
        return LoadResult::failure(path, u"cannot open archive: "_s + error);
    return readFrom(archive, path);
}

LoadResult ArchivePackageReader::readFrom(ArchiveHandle &archive, const QString &path)
{
    EstimatedZipPackage collected;
    archive_entry *entry = nullptr;
    int entries = 0;
    std::vector<char> buffer(1 << 20);
    while (true) {
        const int status = archive_read_next_header(archive.get(), &entry);
        if (status == ARCHIVE_EOF)
            break;
        if (status != ARCHIVE_OK && status != ARCHIVE_WARN) {
            if (entries == 0)
                return LoadResult::failure(path, u"not a readable package: "_s + archive.errorString());
            return LoadResult::failure(path, u"archive is damaged after %1 entries: %2"_s.arg(entries).arg(
                                                 archive.errorString()));
        }
        ++entries;
        const char *rawName = archive_entry_pathname(entry);
        const QByteArray name = rawName ? QByteArray(rawName) : QByteArray();
        const auto mode = std::uint32_t(archive_entry_mode(entry));
        const mode_t type = archive_entry_filetype(entry);
        if (type == AE_IFDIR) {
            collected.addFolder(name, mode);
        } else if (type == AE_IFLNK) {
            const char *target = archive_entry_symlink(entry);
            collected.addSymlink(name, QByteArray(target), mode);
        } else {
            collected.beginFile(name, mode);
            la_ssize_t got;
            while ((got = archive_read_data(archive.get(), buffer.data(), buffer.size())) > 0)
                collected.addFileData(buffer.data(), std::size_t(got));
            const std::uint64_t declared = archive_entry_size_is_set(entry) ? std::uint64_t(archive_entry_size(entry)) : 0;
            collected.endFile(declared);
            if (got < 0)
                return LoadResult::failure(path, u"cannot read the contents of %1: %2"_s.arg(
                                                     QString::fromUtf8(name), archive.errorString()));
            if (archive_entry_hardlink(entry))
                collected.warnings().push_back({u"hardlink"_s, QString::fromUtf8(name),
                                                u"hard link to %1; a zip would store a full copy"_s.arg(
                                                    QString::fromUtf8(archive_entry_hardlink(entry)))});
        }
    }
    const PackageFormat format = formatOf(archive_format(archive.get()));
    return LoadResult{collected.finish(path, format), {}, {}};
}

} // namespace packscope
