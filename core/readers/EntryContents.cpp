#include "readers/EntryContents.h"
#include "readers/RawInflate.h"
#include "readers/ZipFormat.h"

#include <QDir>

#include <algorithm>

namespace packscope {

EntryContents::EntryContents(const Package &package) : m_package(package)
{
    if (package.format == PackageFormat::Directory) {
        m_readable = true;
    } else if (package.format == PackageFormat::Zip) {
        m_zip.setFileName(package.path);
        if (m_zip.open(QIODevice::ReadOnly) && std::uint64_t(m_zip.size()) == package.fileSize && package.fileSize > 0)
            m_data = m_zip.map(0, m_zip.size());
        m_readable = m_data != nullptr;
    }
}

EntryContents::~EntryContents()
{
    if (m_data)
        m_zip.unmap(const_cast<unsigned char *>(m_data));
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
    if (!loc || (loc->generalFlags & (zip::kFlagEncrypted | zip::kFlagStrongEncryption))
        || loc->localOffset > size - std::min<std::uint64_t>(size, zip::kLocalHeaderSize)
        || zip::u32(m_data + loc->localOffset) != zip::kLocalHeaderSignature)
        return {};
    const unsigned char *h = m_data + loc->localOffset;
    const std::uint64_t start = loc->localOffset + zip::kLocalHeaderSize + zip::u16(h + 26) + zip::u16(h + 28);
    if (start > size)
        return {};
    const std::uint64_t available = std::min<std::uint64_t>(size - start, tree.node(id).totals.compressed);
    if (loc->method == 0) {
        const auto length = qsizetype(std::min<std::uint64_t>(available, std::uint64_t(maxBytes)));
        *complete = available <= std::uint64_t(maxBytes);
        return QByteArray(reinterpret_cast<const char *>(m_data + start), length);
    }
    if (loc->method != 8)
        return {};
    return rawInflate(m_data + start, available, maxBytes, complete);
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
