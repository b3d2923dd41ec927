#include "readers/ArchivePackageReader.h"
#include "readers/ArchiveHandle.h"
#include "readers/EstimatedZipPackage.h"

#include <QFileInfo>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace packscope {

LoadResult ArchivePackageReader::read(const QString &path, const LoadProgressSink &progress)
{
    // Taken before the archive is read, so a change during the read shows too.
    const FileStamp stamp = FileStamp::capture(path);
    QString error;
    ArchiveHandle archive = ArchiveHandle::openForReading(path, ArchiveHandle::AnyArchive, &error);
    if (!archive)
        return LoadResult::failure(path, u"cannot open archive: "_s + error);
    LoadResult result = readFrom(archive, path, progress, std::uint64_t(std::max<qint64>(0, QFileInfo(path).size())));
    if (result.package)
        result.package->stamp = stamp;
    return result;
}

LoadResult ArchivePackageReader::readBytes(const void *data, std::size_t size, const QString &path)
{
    QString error;
    ArchiveHandle archive = ArchiveHandle::openMemory(data, size, ArchiveHandle::AnyArchive, &error);
    if (!archive)
        return LoadResult::failure(path, u"cannot open archive: "_s + error);
    return readFrom(archive, path, {}, size);
}

LoadResult ArchivePackageReader::readFrom(ArchiveHandle &archive, const QString &path,
                                          const LoadProgressSink &progress, std::uint64_t bytesTotal)
{
    EstimatedZipPackage collected;
    ArchiveHeader header;
    int entries = 0;
    std::vector<char> buffer(1 << 20);
    // Told after every header and every buffer of contents: cheap next to
    // inflating and deflating a megabyte, and it lets a cancel stop at once.
    const auto goOn = [&] {
        return !progress || progress({archive.bytesConsumed(), bytesTotal, std::uint64_t(entries)});
    };
    while (true) {
        if (!goOn())
            return LoadResult::failure(path, u"cancelled"_s);
        const ArchiveHandle::Next next = archive.next(&header);
        if (next == ArchiveHandle::Next::End)
            break;
        if (next == ArchiveHandle::Next::Failed) {
            if (entries == 0)
                return LoadResult::failure(path, u"not a readable package: "_s + archive.errorString());
            return LoadResult::failure(path, u"archive is damaged after %1 entries: %2"_s.arg(entries).arg(
                                                 archive.errorString()));
        }
        ++entries;
        const QByteArray name = header.path ? QByteArray(header.path) : QByteArray();
        if (header.kind == NodeKind::Folder) {
            collected.addFolder(name, header.mode);
        } else if (header.kind == NodeKind::Symlink) {
            collected.addSymlink(name, QByteArray(header.symlink), header.mode);
        } else {
            collected.beginFile(name, header.mode);
            std::int64_t got;
            while ((got = archive.readData(buffer.data(), buffer.size())) > 0) {
                collected.addFileData(buffer.data(), std::size_t(got));
                if (std::size_t(got) == buffer.size() && !goOn())
                    return LoadResult::failure(path, u"cancelled"_s);
            }
            collected.endFile(header.size.value_or(0));
            if (got < 0)
                return LoadResult::failure(path, u"cannot read the contents of %1: %2"_s.arg(
                                                     QString::fromUtf8(name), archive.errorString()));
            if (header.hardlink)
                collected.warnings().push_back({u"hardlink"_s, QString::fromUtf8(name),
                                                u"hard link to %1; a zip would store a full copy"_s.arg(
                                                    QString::fromUtf8(header.hardlink))});
        }
    }
    return LoadResult{collected.finish(path, archive.format()), {}, {}};
}

} // namespace packscope
