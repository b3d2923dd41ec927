#include "readers/EstimatedZipPackage.h"
#include "model/EntryWarnings.h"
#include "model/PackageTreeBuilder.h"

using namespace Qt::StringLiterals;

namespace packscope {

void EstimatedZipPackage::addFolder(const QByteArray &path, std::uint32_t mode)
{
    m_entries.push_back({path, 0, 0, mode, 0, NodeKind::Folder});
}

void EstimatedZipPackage::addSymlink(const QByteArray &path, const QByteArray &target, std::uint32_t mode)
{
    const auto targetLength = std::uint64_t(target.size());
    const bool escapes = warnSymlink(m_warnings, path, targetLength, QByteArrayView(target));
    m_entries.push_back({path, targetLength, 0, mode, 0, NodeKind::Symlink,
                         std::uint8_t(escapes ? NodeEscapingLink : 0)});
}

void EstimatedZipPackage::beginFile(const QByteArray &path, std::uint32_t mode)
{
    const std::uint32_t slot = m_estimator.beginFile();
    m_entries.push_back({path, 0, 0, mode, slot, NodeKind::File});
}

void EstimatedZipPackage::endFile(std::uint64_t declaredSize)
{
    m_estimator.endFile();
    m_entries.back().unzipped = declaredSize;
}

std::shared_ptr<Package> EstimatedZipPackage::finish(const QString &path, PackageFormat format)
{
    const std::vector<std::uint64_t> compressed = m_estimator.finish();
    auto package = std::make_shared<Package>();
    package->path = path;
    package->format = format;
    package->zippedEstimated = true;
    package->fixedZipBytes = ZipSizeEstimator::kEndRecordBytes;
    PackageTreeBuilder builder(&package->warnings, m_entries.size());
    for (std::size_t index = 0; index < m_entries.size(); ++index) {
        const Pending &pending = m_entries[index];
        EntryData entry;
        entry.entryIndex = std::uint32_t(index);  // the reader's order: a rebuild walks it again
        entry.kind = pending.kind;
        entry.mode = pending.mode;
        entry.flags = std::uint8_t((pending.mode ? NodeModeKnown : 0) | pending.flags);
        entry.unzipped = pending.unzipped;
        std::uint64_t nameLength = std::uint64_t(pending.path.size());
        if (pending.kind == NodeKind::File) {
            const std::uint64_t unread = pending.unzipped > pending.fed ? pending.unzipped - pending.fed : 0;
            entry.compressed = std::min(compressed[pending.slot] + unread, pending.unzipped);
        }
        else if (pending.kind == NodeKind::Symlink)
            entry.compressed = pending.unzipped;
        else
            nameLength += 1;  // zip stores directories as "name/"
        entry.footprint = entry.compressed + ZipSizeEstimator::recordOverhead(nameLength);
        builder.addEntry(pending.path, entry);
        if (pending.kind == NodeKind::File)
            warnIfNotWorldReadable(package->warnings, pending.path, pending.mode);
    }
    package->tree = builder.finish();
    // Reader warnings (symlinks, unreadable files) first, then the tree's.
    PackageWarnings all = std::move(m_warnings);
    all.append(package->warnings);
    package->warnings = std::move(all);
    m_entries.clear();
    m_warnings = {};
    return package;
}

} // namespace packscope
