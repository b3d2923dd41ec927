#include "readers/ZipRecovery.h"
#include "model/PackageTreeBuilder.h"
#include "readers/ArchiveHandle.h"

using namespace Qt::StringLiterals;

namespace packscope {

namespace {

ZipRecovery scanArchive(ArchiveHandle archive, const QString &path)
{
    ZipRecovery result;
    if (!archive)
        return result;
    auto package = std::make_shared<Package>();
    package->path = path;
    package->format = PackageFormat::Zip;
    package->zippedEstimated = true;
    package->warnings.push_back({u"recovered"_s, {},
                                 u"central directory damaged; entries recovered from local headers"_s});
    PackageTreeBuilder builder(&package->warnings);
    ArchiveHeader header;
    while (archive.next(&header) == ArchiveHandle::Next::Header) {
        EntryData data;
        data.kind = header.kind;
        data.unzipped = data.kind != NodeKind::Folder ? header.size.value_or(0) : 0;
        data.mode = header.mode;
        builder.addEntry(header.path ? QByteArrayView(header.path) : QByteArrayView(), data);
        ++result.entries;
        if (!archive.skipData())
            break;
    }
    if (result.entries > 0) {
        package->tree = builder.finish();
        result.partial = std::move(package);
    }
    return result;
}

} // namespace

ZipRecovery ZipRecovery::scan(const unsigned char *data, std::uint64_t size, const QString &path)
{
    ZipRecovery result;
    if (!ArchiveHandle::available(&result.error))
        return result;
    return scanArchive(ArchiveHandle::openMemory(data, std::size_t(size), ArchiveHandle::ZipStreamable), path);
}

ZipRecovery ZipRecovery::scanFile(const QString &path)
{
    ZipRecovery result;
    if (!ArchiveHandle::available(&result.error))
        return result;
    return scanArchive(ArchiveHandle::openForReading(path, ArchiveHandle::ZipStreamable), path);
}

} // namespace packscope
