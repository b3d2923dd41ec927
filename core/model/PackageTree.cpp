#include "model/PackageTree.h"
#include "model/Package.h"
#include "text/PathSegments.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace packscope {

QString formatName(PackageFormat format)
{
    switch (format) {
    case PackageFormat::Zip:
        return u"zip"_s;
    case PackageFormat::Tar:
        return u"tar"_s;
    case PackageFormat::SevenZip:
        return u"7z"_s;
    case PackageFormat::Directory:
        return u"directory"_s;
    case PackageFormat::OtherArchive:
        return u"archive"_s;
    }
    return u"unknown"_s;
}

std::span<const NodeId> PackageTree::children(NodeId id) const
{
    const PackageNode &n = m_nodes[id];
    const std::uint32_t end = id + 1 < m_nodes.size() ? m_nodes[id + 1].firstChild : std::uint32_t(m_childIds.size());
    return {m_childIds.data() + n.firstChild, end - n.firstChild};
}

NodeId PackageTree::findPath(QByteArrayView path) const
{
    NodeId at = root();
    forEachPathSegment(path, [&](QByteArrayView segment) {
        if (at == kNoNode || segment.isEmpty() || segment == ".")
            return;
        const auto kids = children(at);
        const auto found = std::find_if(kids.begin(), kids.end(), [&](NodeId c) { return nameBytes(c) == segment; });
        at = found == kids.end() ? kNoNode : *found;
    });
    return at;
}

QByteArrayView PackageTree::nameBytes(NodeId id) const
{
    const PackageNode &n = m_nodes[id];
    return QByteArrayView(m_names.data() + n.nameOffset, n.nameLength);
}

QString PackageTree::name(NodeId id) const
{
    return QString::fromUtf8(nameBytes(id));
}

QByteArray PackageTree::pathBytes(NodeId id) const
{
    if (id == root())
        return {};
    // Collect the chain first so the path is built with one allocation.
    NodeId chain[256];
    int depth = 0;
    std::vector<NodeId> deepChain;
    qsizetype length = 0;
    for (NodeId n = id; n != root() && n != kNoNode; n = m_nodes[n].parent) {
        if (depth < 256)
            chain[depth] = n;
        else
            deepChain.push_back(n);
        ++depth;
        length += m_nodes[n].nameLength + 1;
    }
    QByteArray path;
    path.reserve(length);
    for (int i = depth - 1; i >= 0; --i) {
        const NodeId n = i < 256 ? chain[i] : deepChain[i - 256];
        if (!path.isEmpty())
            path += '/';
        path += nameBytes(n);
    }
    return path;
}

QString PackageTree::path(NodeId id) const
{
    return QString::fromUtf8(pathBytes(id));
}

const ZipEntryLocation *PackageTree::zipLocation(NodeId id) const
{
    const std::uint32_t index = m_nodes[id].entryIndex;
    return index < m_zipLocations.size() ? &m_zipLocations[index] : nullptr;
}

std::size_t PackageTree::memoryBytes() const
{
    return m_nodes.size() * sizeof(PackageNode) + m_childIds.size() * sizeof(NodeId)
        + m_zipLocations.size() * sizeof(ZipEntryLocation) + m_entryNodes.size() * sizeof(NodeId) + m_names.size();
}

} // namespace packscope
