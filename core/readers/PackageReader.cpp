#include "readers/PackageReader.h"
#include "readers/ArchivePackageReader.h"
#include "readers/FolderPackageReader.h"
#include "readers/ZipEndRecords.h"
#include "readers/ZipFormat.h"
#include "readers/ZipPackageReader.h"

#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace packscope {

namespace {

enum class Sniffed { Zip, Archive, Unknown };

Sniffed sniff(const QByteArray &head)
{
    auto startsWith = [&](QByteArrayView magic) { return head.startsWith(magic); };
    if (startsWith("PK\x03\x04") || startsWith("PK\x05\x06") || startsWith("PK\x07\x08"))
        return Sniffed::Zip;
    if (startsWith("\x1f\x8b") || startsWith("\xfd" "7zXZ") || startsWith("BZh") || startsWith("\x28\xb5\x2f\xfd")
        || startsWith("7z\xbc\xaf\x27\x1c") || startsWith("\x04\x22\x4d\x18") || startsWith("\x5d\x00\x00")
        || (head.size() >= 262 && head.mid(257, 5) == "ustar"))
        return Sniffed::Archive;
    return Sniffed::Unknown;
}

bool hasZipName(const QString &path)
{
    static const QStringList suffixes = {u"zip"_s, u"jar"_s, u"whl"_s, u"war"_s, u"ear"_s, u"apk"_s, u"egg"_s};
    return suffixes.contains(QFileInfo(path).suffix().toLower());
}

} // namespace

LoadResult PackageReader::read(const QString &path, const LoadProgressSink &progress)
{
    const QFileInfo info(path);
    if (!info.exists())
        return LoadResult::failure(path, u"no such file or directory"_s);
    if (info.isDir())
        return FolderPackageReader::read(path, progress);

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return LoadResult::failure(path, file.errorString());
    const qint64 size = file.size();
    if (size == 0)
        return LoadResult::failure(path, u"empty file (0 bytes), not a package"_s);
    const QByteArray head = file.read(512);
    switch (sniff(head)) {
    case Sniffed::Zip:
        return ZipPackageReader::read(path, ZipPackageReader::Threads::Auto, progress);
    case Sniffed::Archive:
        return ArchivePackageReader::read(path, progress);
    case Sniffed::Unknown:
        break;
    }
    // Self-extracting and other prefixed zips start with something else but
    // end with an end-of-central-directory record. Read, not mapped: a file
    // truncated meanwhile reads short instead of raising SIGBUS.
    const qint64 tailSize = std::min<qint64>(size, zip::end::kSize + zip::end::kMaxCommentLength);
    const QByteArray tail = file.seek(size - tailSize) ? file.read(tailSize) : QByteArray();
    const bool zipTail =
        hasZipEndRecord(reinterpret_cast<const unsigned char *>(tail.constData()), std::uint64_t(tail.size()));
    file.close();
    if (zipTail)
        return ZipPackageReader::read(path, ZipPackageReader::Threads::Auto, progress);
    if (hasZipName(path))
        return LoadResult::failure(path, u"not a zip archive: no zip signature at the start and no "
                                         u"end-of-central-directory record at the end"_s);
    LoadResult archive = ArchivePackageReader::read(path, progress);
    if (!archive.ok() && archive.error.contains(u"Unrecognized archive format"_s))
        return LoadResult::failure(path, u"not a package: not a zip, tar or 7z archive, nor a directory"_s);
    return archive;
}

} // namespace packscope
