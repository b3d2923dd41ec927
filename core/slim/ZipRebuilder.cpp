#include "slim/ZipRebuilder.h"
#include "io/FileIdentity.h"
#include "readers/ArchiveHandle.h"
#include "readers/ZipFormat.h"

#include <QDir>
#include <QFile>

#include <quazip/quazip.h>
#include <quazip/quazipfile.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace packscope {

namespace {

const QDateTime kFixedTime(QDate(1980, 1, 1), QTime(0, 0));

// One entry of the new zip; `write` feeds its contents.
bool addEntry(QuaZip &zip, const QString &name, std::uint32_t mode, NodeKind kind,
              const std::function<bool(QuaZipFile &)> &write, QString *error)
{
    QuaZipFile file(&zip);
    QuaZipNewInfo info(kind == NodeKind::Folder ? name + u'/' : name);
    info.dateTime = kFixedTime;
    std::uint32_t type = kind == NodeKind::Folder ? S_IFDIR : (kind == NodeKind::Symlink ? S_IFLNK : S_IFREG);
    std::uint32_t permissions = mode & 07777;
    if (permissions == 0)
        permissions = kind == NodeKind::File ? 0644 : 0755;
    info.externalAttr =
        ((type | permissions) << zip::kUnixModeShift) | (kind == NodeKind::Folder ? zip::kDosDirectoryAttribute : 0);
    const bool store = kind != NodeKind::File;
    const int method = store ? zip::kMethodStored : zip::kMethodDeflated;
    if (!file.open(QIODevice::WriteOnly, info, nullptr, 0, method, store ? 0 : 6)) {
        *error = u"cannot add %1 to the zip"_s.arg(name);
        return false;
    }
    if (write && !write(file)) {
        if (error->isEmpty())
            *error = u"cannot write %1 into the zip"_s.arg(name);
        return false;
    }
    file.close();
    if (file.getZipError() != ZIP_OK) {
        *error = u"cannot finish %1 in the zip"_s.arg(name);
        return false;
    }
    return true;
}

} // namespace

ZipRebuild ZipRebuilder::write(const Package &package, const std::vector<std::uint8_t> &excluded, QIODevice &out)
{
    ZipRebuild r;
    QuaZip zip(&out);
    zip.setAutoClose(false);
    zip.setUtf8Enabled(true);
    if (!zip.open(QuaZip::mdCreate)) {
        r.error = u"cannot start the zip"_s;
        return r;
    }
    const PackageTree &tree = package.tree;
    auto isExcluded = [&](NodeId node) { return !excluded.empty() && node != kNoNode && excluded[node]; };

    if (package.format == PackageFormat::Directory) {
        const QDir root(package.path);
        for (std::uint32_t index = 0; tree.entryNode(index) != kNoNode; ++index) {
            const NodeId node = tree.entryNode(index);
            if (isExcluded(node) || node == tree.root()) {
                r.removed += node == tree.root() ? 0 : 1;
                continue;
            }
            const PackageNode &n = tree.node(node);
            const QString name = tree.path(node);
            const QString full = root.filePath(name);
            std::function<bool(QuaZipFile &)> feed;
            if (n.kind == NodeKind::File) {
                feed = [&](QuaZipFile &into) {
                    QFile in(full);
                    if (!in.open(QIODevice::ReadOnly)) {
                        r.error = u"%1: %2"_s.arg(full, in.errorString());
                        return false;
                    }
                    QByteArray chunk;
                    while (!(chunk = in.read(1 << 20)).isEmpty()) {
                        if (into.write(chunk) != chunk.size())
                            return false;
                    }
                    return in.error() == QFileDevice::NoError;
                };
            } else if (n.kind == NodeKind::Symlink) {
                feed = [&](QuaZipFile &into) {
                    QByteArray target(4096, Qt::Uninitialized);
                    const ssize_t length = ::readlink(QFile::encodeName(full).constData(), target.data(), 4096);
                    if (length < 0) {
                        r.error = u"%1: cannot read the link"_s.arg(full);
                        return false;
                    }
                    target.truncate(length);
                    return into.write(target) == target.size();
                };
            }
            if (!addEntry(zip, name, n.mode, n.kind, feed, &r.error))
                return r;
            ++r.entries;
        }
    } else {
        if (QString changed = checkUnchanged(package.path, package.stamp); !changed.isEmpty()) {
            r.error = changed;
            return r;
        }
        QString openError;
        ArchiveHandle archive = ArchiveHandle::openForReading(package.path, ArchiveHandle::AnyArchive, &openError);
        if (!archive) {
            r.error = u"%1: %2"_s.arg(package.path, openError);
            return r;
        }
        ArchiveHeader header;
        std::vector<char> buffer(1 << 20);
        // The reader added one entry per archive header, in this order.
        for (std::uint32_t index = 0;; ++index) {
            const ArchiveHandle::Next next = archive.next(&header);
            if (next == ArchiveHandle::Next::End)
                break;
            if (next == ArchiveHandle::Next::Failed) {
                r.error = u"%1: %2"_s.arg(package.path, archive.errorString());
                return r;
            }
            const NodeId node = tree.entryNode(index);
            if (node == kNoNode) {
                r.error = changedOnDiskError(package.path);
                return r;
            }
            if (node == tree.root())
                continue;  // "./": the root has no entry of its own in a zip
            if (isExcluded(node)) {
                ++r.removed;
                continue;
            }
            const PackageNode &n = tree.node(node);
            std::function<bool(QuaZipFile &)> feed;
            if (n.kind == NodeKind::File) {
                feed = [&](QuaZipFile &into) {
                    std::int64_t got;
                    while ((got = archive.readData(buffer.data(), buffer.size())) > 0) {
                        if (into.write(buffer.data(), got) != got)
                            return false;
                    }
                    if (got < 0)
                        r.error = u"%1: %2"_s.arg(package.path, archive.errorString());
                    return got == 0;
                };
            } else if (n.kind == NodeKind::Symlink) {
                const QByteArray link = header.symlink ? QByteArray(header.symlink) : QByteArray();
                feed = [link](QuaZipFile &into) { return into.write(link) == link.size(); };
            }
            if (!addEntry(zip, tree.path(node), n.mode, n.kind, feed, &r.error))
                return r;
            ++r.entries;
        }
    }
    zip.close();
    if (zip.getZipError() != ZIP_OK)
        r.error = u"cannot finish the zip"_s;
    return r;
}

} // namespace packscope
