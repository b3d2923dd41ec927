#include "readers/EntryContents.h"
#include "readers/RawInflate.h"
#include "readers/ZipFormat.h"

#include <QDir>

#include <algorithm>
#include <cerrno>
#include <unistd.h>

namespace packscope {

EntryContents::EntryContents(const Package &package) : m_package(package)
{
    if (package.format == PackageFormat::Directory) {
        m_readable = true;
    } else if (package.format == PackageFormat::Zip) {
        m_zip.setFileName(package.path);
        if (m_zip.open(QIODevice::ReadOnly) && package.fileSize > 0) {
            m_readable = true;
            if (std::uint64_t(m_zip.size()) != package.fileSize
                || (package.stamp.isValid() && !FileStamp::ofDescriptor(m_zip.handle()).sameAs(package.stamp)))
                m_error = changedOnDiskError(package.path);
        }
    }
}

EntryContents::~EntryContents() = default;

bool EntryContents::stillUnchanged() const
{
    if (m_error.isEmpty() && m_package.stamp.isValid()
        && (!FileStamp::ofDescriptor(m_zip.handle()).sameAs(m_package.stamp)
            || !checkUnchanged(m_package.path, m_package.stamp).isEmpty()))
        m_error = changedOnDiskError(m_package.path);
    return m_error.isEmpty();
}

bool EntryContents::readAt(void *into, std::uint64_t offset, std::uint64_t length) const
{
    auto *at = static_cast<char *>(into);
    while (length > 0) {
        const ssize_t got = ::pread(m_zip.handle(), at, std::size_t(length), off_t(offset));
        if (got < 0 && errno == EINTR)
            continue;
        if (got == 0)
            m_error = changedOnDiskError(m_package.path);  // shorter than when it was opened
        if (got <= 0)
            return false;
        at += got;
        offset += std::uint64_t(got);
        length -= std::uint64_t(got);
    }
    return true;
}

QByteArray EntryContents::read(NodeId id, qsizetype maxBytes, bool *complete) const
{
    *complete = false;
    const PackageTree &tree = m_package.tree;
    if (!m_readable || id >= tree.nodeCount() || tree.node(id).kind != NodeKind::File || maxBytes < 0)
        return {};
    if (m_package.format == PackageFormat::Directory) {
        QFile file(QDir(m_package.path).filePath(tree.path(id)));
        if (!file.open(QIODevice::ReadOnly))
            return {};
        QByteArray bytes = file.read(maxBytes + 1);
        *complete = bytes.size() <= maxBytes;
        bytes.truncate(maxBytes);
        return bytes;
    }
    const ZipEntryLocation *loc = tree.zipLocation(id);
    const std::uint64_t size = m_package.fileSize;
    unsigned char h[zip::local::kSize];
    if (!loc || (loc->generalFlags & (zip::kFlagEncrypted | zip::kFlagStrongEncryption))
        || loc->localOffset > size - std::min<std::uint64_t>(size, zip::local::kSize) || !stillUnchanged()
        || !readAt(h, loc->localOffset, sizeof h) || zip::u32(h) != zip::local::kSignature)
        return {};
    const std::uint64_t start = loc->localOffset + zip::local::headerLength(h);
    if (start > size)
        return {};
    const std::uint64_t available = std::min<std::uint64_t>(size - start, tree.node(id).totals.compressed);
    if (loc->method == zip::kMethodStored) {
        const auto length = qsizetype(std::min<std::uint64_t>(available, std::uint64_t(maxBytes)));
        QByteArray bytes(length, Qt::Uninitialized);
        if (!readAt(bytes.data(), start, std::uint64_t(length)))
            return {};
        *complete = available <= std::uint64_t(maxBytes);
        return bytes;
    }
    if (loc->method != zip::kMethodDeflated)
        return {};
    std::uint64_t offset = start;
    std::uint64_t left = available;
    QByteArray bytes = rawInflate(
        [&](unsigned char *buffer, qint64 room) -> qint64 {
            const std::uint64_t step = std::min<std::uint64_t>(left, std::uint64_t(room));
            if (step == 0)
                return 0;
            if (!readAt(buffer, offset, step))
                return -1;
            offset += step;
            left -= step;
            return qint64(step);
        },
        maxBytes, complete);
    if (!m_error.isEmpty()) {
        *complete = false;
        return {};
    }
    return bytes;
}

QByteArray EntryContents::head(NodeId id, qsizetype maxBytes) const
{
    bool complete = false;
    return read(id, maxBytes, &complete);
}

std::optional<QByteArray> EntryContents::whole(NodeId id, qsizetype maxBytes) const
{
    if (id >= m_package.tree.nodeCount() || m_package.tree.node(id).totals.unzipped > std::uint64_t(maxBytes))
        return std::nullopt;
    // Never more than the declared size: a lying entry is read as far as
    // its header claims, and then found incomplete.
    bool complete = false;
    const auto declared = qsizetype(m_package.tree.node(id).totals.unzipped);
    QByteArray bytes = read(id, std::min(maxBytes, declared), &complete);
    if (!complete)
        return std::nullopt;
    return bytes;
}

} // namespace packscope
