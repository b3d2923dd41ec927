#include "slim/SlimZipWriter.h"
#include "io/FileIdentity.h"
#include "io/FileImage.h"
#include "io/VerifiedSaveFile.h"
#include "readers/ZipEndRecords.h"
#include "readers/ZipExtraFields.h"
#include "readers/ZipFormat.h"
#include "slim/ZipRebuilder.h"
#include "whatif/ExclusionSet.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <numeric>
#include <vector>

using namespace Qt::StringLiterals;

namespace packscope {

namespace {

// The input zip as the copy sees it: an image of the file into which only
// the index (central directory and end records) is read, and the entries'
// records streamed from the file straight into the output. Nothing maps the
// file itself, so a package truncated while it is copied gives a short
// read, never a SIGBUS.
class ZipSource
{
public:
    ZipSource(int fd, std::uint64_t size, const QString &path) : m_image(fd, size, path) {}

    // The file's bytes where load() has read them, zeros elsewhere.
    const unsigned char *data() const { return m_image.data(); }
    // Reads [from, to) into data(); returns an error or an empty string.
    QString load(std::uint64_t from, std::uint64_t to) { return m_image.load(from, to); }
    // Copies [from, from + length) of the file into `out`; returns an error or an empty string.
    QString copy(std::uint64_t from, std::uint64_t length, QIODevice &out)
    {
        constexpr std::uint64_t kChunk = 1 << 20;
        if (m_buffer.empty() && length > 0)
            m_buffer.resize(kChunk);
        while (length > 0) {
            const std::uint64_t step = std::min(length, kChunk);
            if (QString error = m_image.readAt(m_buffer.data(), from, step); !error.isEmpty())
                return error;
            if (out.write(reinterpret_cast<const char *>(m_buffer.data()), qint64(step)) != qint64(step))
                return out.errorString();
            from += step;
            length -= step;
        }
        return {};
    }

private:
    FileImage m_image;
    std::vector<unsigned char> m_buffer;
};

// Copies a zip's kept records into `out`; returns an error or an empty string.
QString copyKeptRecords(ZipSource &source, std::uint64_t size, const Package &package,
                        const std::vector<std::uint8_t> &keep, QIODevice &out)
{
    const auto locations = package.tree.zipLocations();
    // The index lies at the end: the central records (where the reader found
    // them) and the end records, which sit within the last 64 KiB or so.
    constexpr std::uint64_t kEndRecordsReach = zip::end::kSize + zip::end::kMaxCommentLength + 128;
    std::uint64_t indexStart = size - std::min(size, kEndRecordsReach);
    for (const ZipEntryLocation &loc : locations)
        indexStart = std::min(indexStart, loc.centralOffset);
    if (QString error = source.load(indexStart, size); !error.isEmpty())
        return error;
    const unsigned char *data = source.data();
    const ZipEndRecordsResult located = locateZipEndRecords(data, size);
    if (!located.ok())
        return located.error;
    const ZipEndRecords &end = located.records;
    if (end.centralStart < indexStart) {
        if (QString error = source.load(end.centralStart, indexStart); !error.isEmpty())
            return error;
    }
    const std::uint64_t shift = end.offsetShift;

    // Prepended data: everything before the first local record.
    std::uint64_t prefixEnd = end.centralStart;
    std::uint64_t lastCentral = end.centralStart;
    for (const ZipEntryLocation &loc : locations) {
        if (loc.localLength > 0)
            prefixEnd = std::min(prefixEnd, loc.localOffset);
        lastCentral = std::max(lastCentral, loc.centralOffset + loc.centralLength);
    }
    auto write = [&out](const unsigned char *bytes, std::uint64_t length) {
        return out.write(reinterpret_cast<const char *>(bytes), qint64(length)) == qint64(length);
    };
    if (QString error = source.copy(0, prefixEnd, out); !error.isEmpty())
        return error;

    // Local records in file order, each to its new place.
    std::vector<std::uint32_t> order;
    for (std::uint32_t i = 0; i < locations.size(); ++i) {
        if (keep[i])
            order.push_back(i);
    }
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        return locations[a].localOffset < locations[b].localOffset;
    });
    std::vector<std::uint64_t> newOffset(locations.size(), 0);
    std::uint64_t pos = prefixEnd;
    for (std::uint32_t i : order) {
        newOffset[i] = pos;
        if (QString error = source.copy(locations[i].localOffset, locations[i].localLength, out); !error.isEmpty())
            return error;
        pos += locations[i].localLength;
    }

    // Central records in their own order, offsets rewritten in place (the
    // 32-bit field, or the zip64 extra field when the record uses one).
    const std::uint64_t newCentralStart = pos;
    QByteArray record;
    std::uint64_t keptEntries = 0;
    for (std::uint32_t i = 0; i < locations.size(); ++i) {
        if (!keep[i])
            continue;
        const ZipEntryLocation &loc = locations[i];
        record = QByteArray(reinterpret_cast<const char *>(data + loc.centralOffset), qsizetype(loc.centralLength));
        auto *h = reinterpret_cast<unsigned char *>(record.data());
        const std::uint64_t stored = newOffset[i] - shift;
        if (zip::u32(h + zip::central::kLocalHeaderOffset) != zip::kZip64Marker32) {
            // Smaller than before, so it fits.
            zip::put32(h + zip::central::kLocalHeaderOffset, std::uint32_t(stored));
        } else {
            unsigned char *extra = h + zip::central::kSize + zip::u16(h + zip::central::kNameLength);
            // The first zip64 block with room for the offset: after the
            // sizes that are all ones.
            Zip64Fields fields;
            fields.uncompressed = zip::u32(h + zip::central::kUncompressedSize) == zip::kZip64Marker32;
            fields.compressed = zip::u32(h + zip::central::kCompressedSize) == zip::kZip64Marker32;
            fields.localHeaderOffset = true;
            bool rewritten = false;
            forEachExtraBlock(extra, zip::u16(h + zip::central::kExtraLength), [&](const ZipExtraBlock &block) {
                if (block.id != zip::extra::kZip64Id)
                    return true;
                const Zip64Values values = readZip64Block(block, fields);
                if (!values.localHeaderOffset)
                    return true;
                zip::put64(extra + block.dataAt + values.localHeaderOffsetAt, stored);
                rewritten = true;
                return false;
            });
            if (!rewritten)
                return u"entry %1 marks its offset as zip64 but has no zip64 offset field"_s.arg(i + 1);
        }
        if (out.write(record) != record.size())
            return out.errorString();
        pos += loc.centralLength;
        ++keptEntries;
    }
    // Bytes inside the declared central directory that belong to no record.
    const std::uint64_t centralEnd = end.centralStart + end.centralSize;
    if (lastCentral < centralEnd && !write(data + lastCentral, centralEnd - lastCentral))
        return out.errorString();
    pos += centralEnd > lastCentral ? centralEnd - lastCentral : 0;
    const std::uint64_t newCentralSize = pos - newCentralStart;

    // Everything after the central directory (zip64 end record and locator,
    // end record, comment, trailing bytes), with its counts and offsets updated.
    QByteArray tail(reinterpret_cast<const char *>(data + centralEnd), qsizetype(size - centralEnd));
    auto *t = reinterpret_cast<unsigned char *>(tail.data());
    const std::uint64_t newTailStart = pos;
    auto put16Unless = [](unsigned char *p, std::uint64_t value) {
        if (zip::u16(p) != zip::kZip64Marker16)
            zip::put16(p, std::uint16_t(value));
    };
    auto put32Unless = [](unsigned char *p, std::uint64_t value) {
        if (zip::u32(p) != zip::kZip64Marker32)
            zip::put32(p, std::uint32_t(value));
    };
    unsigned char *eocd = t + (end.endOffset - centralEnd);
    put16Unless(eocd + zip::end::kEntriesOnDisk, keptEntries);
    put16Unless(eocd + zip::end::kEntries, keptEntries);
    put32Unless(eocd + zip::end::kCentralSize, newCentralSize);
    put32Unless(eocd + zip::end::kCentralOffset, newCentralStart - shift);
    if (end.zip64) {
        unsigned char *record64 = t + (end.zip64RecordOffset - centralEnd);
        zip::put64(record64 + zip::zip64End::kEntriesOnDisk, keptEntries);
        zip::put64(record64 + zip::zip64End::kEntries, keptEntries);
        zip::put64(record64 + zip::zip64End::kCentralSize, newCentralSize);
        zip::put64(record64 + zip::zip64End::kCentralOffset, newCentralStart - shift);
        unsigned char *locator = eocd - zip::zip64Locator::kSize;
        if (zip::u32(locator) == zip::zip64Locator::kSignature)
            zip::put64(locator + zip::zip64Locator::kZip64EndOffset,
                       newTailStart + (end.zip64RecordOffset - centralEnd) - shift);
    }
    if (out.write(tail) != tail.size())
        return out.errorString();
    return {};
}

} // namespace

SlimResult SlimZipWriter::write(const Package &package, const ExclusionSet &exclusions, const QString &outputPath)
{
    SlimResult r;
    r.outputPath = outputPath;
    const PackageTree &tree = package.tree;
    r.predictedBytes = package.fixedZipBytes + exclusions.keptTotals(tree.root()).footprint;
    r.predictionEstimated = package.zippedEstimated;
    if (isSameFile(outputPath, package.path) || QFileInfo(outputPath).absoluteFilePath() == QFileInfo(package.path).absoluteFilePath()) {
        r.error = u"%1: refusing to write over the package being slimmed"_s.arg(outputPath);
        return r;
    }
    const std::vector<std::uint8_t> excluded = exclusions.excludedMask();
    // A kept entry whose name leads outside the folder it is extracted into
    // must not reach a zip someone will deploy: the user excludes it first.
    // (Implicit folders are never written, so only real entries count.) The
    // same for a symlink leading outside.
    for (NodeId id = 0; id < tree.nodeCount(); ++id) {
        const PackageNode &node = tree.node(id);
        if (node.entryIndex == kNoEntry || (!excluded.empty() && excluded[id]))
            continue;
        if (node.flags & NodeUnsafePath) {
            r.error = u"%1: refusing to write entry \"%2\", whose name escapes the extraction folder "
                      u"(absolute, drive letter, '..' or NUL byte); exclude it first"_s.arg(package.path,
                                                                                           tree.path(id));
            return r;
        }
        // A link out of the folder lets a later entry written through it land anywhere.
        if (node.flags & NodeEscapingLink) {
            r.error = u"%1: refusing to write symlink \"%2\", which points outside the package; "
                      u"exclude it first"_s.arg(package.path, tree.path(id));
            return r;
        }
    }
    VerifiedSaveFile file(outputPath);
    if (!file.open()) {
        r.error = u"%1: %2"_s.arg(outputPath, file.errorString());
        return r;
    }
    QIODevice &out = file.device();
    QString error;
    if (package.format == PackageFormat::Zip) {
        QFile in(package.path);
        if (!in.open(QIODevice::ReadOnly)) {
            r.error = u"%1: %2"_s.arg(package.path, in.errorString());
            return r;
        }
        // What was opened must be what was read: the tree's offsets are the old file's.
        const FileStamp opened = FileStamp::ofDescriptor(in.handle());
        if (std::uint64_t(in.size()) != package.fileSize
            || (package.stamp.isValid() && !opened.sameAs(package.stamp))) {
            r.error = changedOnDiskError(package.path);
            return r;
        }
        const auto locations = tree.zipLocations();
        std::vector<std::uint8_t> keep(locations.size(), 1);
        for (std::uint32_t i = 0; i < locations.size(); ++i) {
            const NodeId node = tree.entryNode(i);
            if (!excluded.empty() && node != kNoNode && excluded[node])
                keep[i] = 0;
            if (keep[i] && locations[i].localLength == 0) {
                r.error = u"%1: entry %2 has no local record of its own (offset shared with another entry or "
                          u"outside the file); such a zip cannot be slimmed safely"_s.arg(package.path).arg(i + 1);
                return r;
            }
        }
        r.keptEntries = std::uint64_t(std::count(keep.begin(), keep.end(), 1));
        r.removedEntries = locations.size() - r.keptEntries;
        ZipSource source(in.handle(), package.fileSize, package.path);
        error = copyKeptRecords(source, package.fileSize, package, keep, out);
        // Rewritten while it was copied (truncated and grown again, say):
        // what was copied may mix the two files.
        if (error.isEmpty() && package.stamp.isValid() && !FileStamp::ofDescriptor(in.handle()).sameAs(package.stamp))
            error = changedOnDiskError(package.path);
    } else {
        const ZipRebuild rebuilt = ZipRebuilder::write(package, excluded, out);
        error = rebuilt.error;
        r.keptEntries = rebuilt.entries;
        r.removedEntries = rebuilt.removed;
    }
    if (file.writeFailed())
        error = file.errorString();  // the system's reason beats "cannot write X into the zip"
    if (!error.isEmpty()) {
        // A changed package is the package's error; anything else is the output's.
        r.error = error == changedOnDiskError(package.path) ? error : u"%1: %2"_s.arg(outputPath, error);
        return r;  // the temporary file is removed
    }
    // Read back what was written before it replaces anything.
    const bool committed = file.commit([&r, &package](const unsigned char *data, std::uint64_t size) {
        // Last look just before the rename: the output must match the package as opened.
        if (const QString changed = checkUnchanged(package.path, package.stamp); !changed.isEmpty())
            return changed;
        r.writtenBytes = size;
        r.verification = ZipVerifier::verify(data, size, r.keptEntries);
        if (!r.verification.ok())
            return u"the written zip does not check out (%1)"_s.arg(r.verification.error);
        if (!r.predictionEstimated && r.writtenBytes != r.predictedBytes)
            return u"wrote %1 bytes where %2 were predicted"_s.arg(r.writtenBytes).arg(r.predictedBytes);
        return QString();
    });
    if (!committed) {
        const QString reason = file.errorString();
        r.error = reason == changedOnDiskError(package.path)
            ? reason
            : u"%1: %2; nothing was written"_s.arg(outputPath, reason);
    }
    return r;
}

} // namespace packscope
