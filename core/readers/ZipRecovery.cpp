#include "readers/ZipRecovery.h"
#include "model/PackageTreeBuilder.h"
#include "readers/ArchiveHandle.h"

#include <archive.h>
#include <archive_entry.h>

using namespace Qt::StringLiterals;

namespace packscope {

ZipRecovery ZipRecovery::scan(const unsigned char *data, std::uint64_t size, const QString &path)
{
    ZipRecovery result;
    ArchiveHandle archive = ArchiveHandle::openMemory(data, std::size_t(size), ArchiveHandle::ZipStreamable);
    if (!archive)
        return result;
    auto package = std::make_shared<Package>();
    package->path = path;
    package->format = PackageFormat::Zip;
    package->zippedEstimated = true;
    package->warnings.push_back({u"recovered"_s, {},
                                 u"central directory damaged; entries recovered from local headers"_s});
    PackageTreeBuilder builder(&package->warnings);
    archive_entry *entry = nullptr;
    while (true) {
        const int status = archive_read_next_header(archive.get(), &entry);
        if (status != ARCHIVE_OK && status != ARCHIVE_WARN)
            break;
        EntryData data;
        const mode_t type = archive_entry_filetype(entry);
        data.kind = type == AE_IFDIR ? NodeKind::Folder : type == AE_IFLNK ? NodeKind::Symlink : NodeKind::File;
        data.unzipped = archive_entry_size_is_set(entry) && data.kind != NodeKind::Folder
            ? std::uint64_t(archive_entry_size(entry))
            : 0;
        data.mode = archive_entry_mode(entry);
        const char *name = archive_entry_pathname(entry);
        builder.addEntry(name ? QByteArrayView(name) : QByteArrayView(), data);
        ++result.entries;
        if (archive_read_data_skip(archive.get()) != ARCHIVE_OK)
            break;
    }
    if (result.entries > 0) {
        package->tree = builder.finish();
        result.partial = std::move(package);
    }
    return result;
}

} // namespace packscope
