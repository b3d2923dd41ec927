#include "readers/ZipPackageReader.h"
#include "io/FileIdentity.h"
#include "io/FileImage.h"
#include "model/EntryWarnings.h"
#include "model/PackageTreeBuilder.h"
#include "readers/OtherCoreThread.h"
#include "readers/ZipCentralRecord.h"
#include "readers/ZipEndRecords.h"
#include "readers/ZipEntryLocations.h"
#include "readers/ZipFormat.h"
#include "readers/ZipLocalBytes.h"
#include "readers/ZipLocalChecks.h"
#include "readers/ZipRecovery.h"

#include <QFile>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <functional>
#include <future>
#include <optional>
#include <span>
#include <system_error>
#include <type_traits>
#include <utility>

using namespace Qt::StringLiterals;

namespace packscope {

namespace {

// Below this size the central directory is walked on one thread: starting
// another costs more than it saves.
constexpr std::uint64_t kParallelCentralBytes = 256 * 1024;

// What the tree build takes from one central record. Trivial, so storage
// for it can be reserved without being written.
struct TreeRecord {
    // The name's bytes in the zip's central directory, when they are used
    // as stored; null when they are not (a CP437 name decoded elsewhere).
    const unsigned char *name;
    std::uint64_t unzipped;
    std::uint64_t compressed;
    std::uint32_t centralLength;
    std::uint16_t nameLength;
    std::uint16_t mode;  // st_mode fits 16 bits
    NodeKind kind;
    std::uint8_t flags;  // NodeFlag bits
    bool sizeWithoutZip64;
};
static_assert(std::is_trivial_v<TreeRecord>);

// `name` gets the record's decoded name, which may live in `decoded`.
TreeRecord treeRecordOf(const ZipCentralRecord &rec, QByteArrayView *name, QByteArray &decoded)
{
    TreeRecord tree{};
    *name = rec.decodedName(decoded);
    if (name->data() != decoded.constData())
        tree.name = reinterpret_cast<const unsigned char *>(name->data());
    tree.nameLength = std::uint16_t(name->size());  // names in a zip are at most 65,535 bytes
    std::uint32_t mode = 0;
    bool modeKnown = false;
    tree.kind = rec.kind(&mode, &modeKnown);
    tree.mode = std::uint16_t(mode);
    tree.unzipped = tree.kind == NodeKind::Folder ? 0 : rec.unzipped;
    tree.compressed = rec.compressed;
    tree.centralLength = rec.centralLength;
    tree.flags = std::uint8_t((rec.encrypted() ? NodeEncrypted : 0)
                              | ((rec.flags & zip::kFlagDataDescriptor) ? NodeDataDescriptor : 0)
                              | (modeKnown ? NodeModeKnown : 0));
    tree.sizeWithoutZip64 = rec.sizeWithoutZip64;
    return tree;
}

// Tree records the location walk prepares as it goes, published in order:
// the first `ready` are written. Storage is sized once, so the tree build can
// read while the walk writes further on.
struct PreparedTreeRecords {
    LargeVector<TreeRecord> records;
    std::atomic<std::size_t> ready = 0;

    void add(const ZipCentralRecord &rec, std::size_t index, QByteArray &decoded)
    {
        if (index >= records.size())
            return;  // more records than the end record declared: the tree build parses them
        QByteArrayView name;
        records[index] = treeRecordOf(rec, &name, decoded);
        // Publishing every record would bounce the counter's cache line
        // between the cores; every few dozen is plenty.
        if ((index + 1) % 32 == 0)
            ready.store(index + 1, std::memory_order_release);
    }
    void finish(std::size_t count)
    {
        ready.store(std::min(count, records.size()), std::memory_order_release);
    }
};

// Builds the size tree from the central directory: names, sizes, kinds and
// each entry's central record in its footprint (the local record's share is
// added once the locations are known). Takes each record from `prepared`
// when the location walk has prepared it, else parses it. Stops at a
// damaged record, which the location walk reports. Tells `progress` (when
// given) how far it is through the central directory now and then, and
// returns false as soon as that says stop.
bool buildTree(PackageTreeBuilder &builder, const unsigned char *data, const ZipEndRecords &end,
               const PreparedTreeRecords &prepared, PackageWarnings &warnings, const LoadProgressSink &progress)
{
    const std::uint64_t stop = end.centralStart + end.centralSize;
    std::uint64_t pos = end.centralStart;
    ZipCentralRecord rec;
    QByteArray decoded;
    std::size_t ready = 0;
    for (std::uint32_t index = 0; pos + zip::central::kSize <= stop; ++index) {
        constexpr std::uint32_t kProgressStep = 4096;  // a millisecond or less of work
        if (progress && index != 0 && index % kProgressStep == 0
            && !progress({pos - end.centralStart, end.centralSize, std::uint64_t(index)}))
            return false;
        if (index >= ready)
            ready = prepared.ready.load(std::memory_order_acquire);
        TreeRecord tree{};
        QByteArrayView name;
        if (index < ready && prepared.records[index].name) {
            tree = prepared.records[index];
            name = QByteArrayView(tree.name, tree.nameLength);
        } else {
            if (rec.parse(data, pos, stop, end.offsetShift) != ZipCentralRecord::Status::Ok)
                return true;
            tree = treeRecordOf(rec, &name, decoded);
        }
        pos += tree.centralLength;
        EntryData entry;
        entry.kind = tree.kind;
        entry.mode = tree.mode;
        entry.unzipped = tree.unzipped;
        entry.compressed = tree.compressed;
        entry.footprint = tree.centralLength;
        entry.flags = tree.flags;
        entry.entryIndex = index;
        builder.addEntry(name, entry);
        if (tree.sizeWithoutZip64)
            warnings.push_back({u"zip64-missing"_s, QString::fromUtf8(name),
                                u"size or offset field is 0xFFFFFFFF but no zip64 value follows; "
                                u"counted as 4294967295"_s});
        if (tree.flags & NodeEncrypted)
            warnings.add(u"encrypted"_s, [&] {
                return std::pair{QString::fromUtf8(name),
                                 u"entry is encrypted: its sizes are counted, its contents cannot be inspected"_s};
            });
        if (entry.kind == NodeKind::File)
            warnIfNotWorldReadable(warnings, name, entry.mode);
    }
    return true;
}

// The end records and the central directory lie together at the end of
// the file. A first read takes this much of it, which holds every end
// record (and all of a small zip); locating them says how much more to read.
constexpr std::uint64_t kTailBytes = 128 * 1024;
static_assert(kTailBytes >= zip::end::kSize + zip::end::kMaxCommentLength + zip::zip64Locator::kSize
              + zip::zip64End::kMinSize);

// Reads [from, to) of the file into `image`, a large stretch on two cores
// at once: copying from the page cache is bound by one core's memory
// bandwidth, and two get a central directory of tens of MiB read in about
// half the time.
QString loadStretch(FileImage &image, std::uint64_t from, std::uint64_t to)
{
    constexpr std::uint64_t kSplitBytes = 4 << 20;
    if (to - from < kSplitBytes || QThread::idealThreadCount() < 2)
        return image.load(from, to);
    const std::uint64_t middle = from + (to - from) / 2;
    QString upperError;
    std::optional<OtherCoreThread> upper;
    try {
        upper.emplace([&] { upperError = image.load(middle, to); });
    } catch (const std::system_error &) {
        return image.load(from, to);  // no thread to be had
    }
    QString error = image.load(from, middle);
    upper->join();
    return error.isEmpty() ? upperError : error;
}

// Reads the zip whose end records `located` found in `data`, the local
// records through `local`; `recover` scans a damaged one's local headers.
LoadResult readZip(const unsigned char *data, std::uint64_t fileSize, const ZipEndRecordsResult &located,
                   ZipLocalBytes &local, const std::function<ZipRecovery()> &recover, const QString &path,
                   ZipPackageReader::Threads threads, const LoadProgressSink &progress)
{
    // A damaged central directory: say what a scan of the local headers
    // still finds, and keep that for inspection.
    auto damaged = [&](const QString &reason) {
        ZipRecovery recovery = recover();
        const QString salvage = recovery.error.isEmpty()
            ? u"a scan of local headers recovers %1 entries"_s.arg(recovery.entries)
            : u"no scan of local headers was possible: "_s + recovery.error;
        LoadResult r = LoadResult::failure(path, reason + u"; "_s + salvage);
        r.partial = std::move(recovery.partial);
        return r;
    };

    if (!located.ok()) {
        if (located.error.contains(u"multi-disk"_s))
            return LoadResult::failure(path, located.error);
        return damaged(located.error);
    }
    const ZipEndRecords &end = located.records;

    // The entries' locations and the tree are two walks of the central
    // directory that need nothing from each other: on a large zip they run
    // at once. Every name lies inside the central directory, so its size
    // bounds the name storage (CP437 names may grow it later).
    const auto expectedEntries =
        std::size_t(std::min<std::uint64_t>(end.declaredEntries, end.centralSize / zip::central::kSize));
    using Threads = ZipPackageReader::Threads;
    const bool twoThreads = threads == Threads::Two
        || (threads == Threads::Auto && end.centralSize >= kParallelCentralBytes && QThread::idealThreadCount() > 1);
    PackageWarnings treeWarnings;
    PackageTreeBuilder builder(&treeWarnings, expectedEntries, std::size_t(end.centralSize));
    ZipEntryLocations entries;
    PreparedTreeRecords prepared;
    prepared.records.resize(expectedEntries);  // written as the walk goes: untouched until then
    // The locations end up in the package's tree, which the local checks
    // may still be reading them from: it is made before the thread, so
    // that the thread is joined before it goes.
    auto package = std::make_shared<Package>();
    ZipLocalChecks checks;

    // The location walk is the shorter one, so it works for the tree build
    // as it goes (never for records a damaged directory does not hold): it
    // prepares each record's tree facts, and it maps the tree's storage
    // ahead, which saves the tree build its page faults. Then, as the
    // locations are all that the tree still needs from it, it hands them
    // over and goes on to read and check the local records (on a large zip
    // as much work as either walk) while the tree is built and finished.
    const auto locate = [&](bool mapAhead) {
        constexpr std::size_t kMapStep = 4096;
        QByteArray decoded;
        entries = locateZipEntries(data, end, [&](const ZipCentralRecord &rec, std::size_t index) {
            prepared.add(rec, index, decoded);
            if (mapAhead && (index + 1) % kMapStep == 0)
                builder.mapStorageAhead(index + 1 - kMapStep, index + 1);
        });
        prepared.finish(entries.locations.size());
    };
    // The tree adopts the locations while the checks read them, which moves
    // the vector but not its storage.
    std::atomic<bool> cancelled{false};
    const auto check = [&](std::span<const ZipEntryLocation> locations) {
        checks = checkLocalRecords(data, end, locations, local, &cancelled);
    };
    std::promise<void> handOver;
    std::future<void> handedOver = handOver.get_future();
    std::optional<OtherCoreThread> locator;
    if (twoThreads) {
        try {
            locator.emplace([&] {
                try {
                    locate(true);
                } catch (...) {
                    handOver.set_exception(std::current_exception());
                    return;
                }
                const std::span<const ZipEntryLocation> locations(entries.locations);
                const bool sound = entries.damage.isEmpty();
                handOver.set_value();
                if (sound)
                    check(locations);
            });
        } catch (const std::system_error &) {
            // No thread to be had: one walk after the other.
        }
    }
    if (!locator) {
        locate(false);
        handOver.set_value();
    }
    const bool built = buildTree(builder, data, end, prepared, treeWarnings, progress);
    if (!built)
        cancelled.store(true, std::memory_order_relaxed);  // the checks stop too
    handedOver.get();  // rethrows what the location walk threw
    if (!built) {
        if (locator)
            locator->join();  // before the locations it reads go
        return LoadResult::failure(path, u"cancelled"_s);
    }
    prepared.records = LargeVector<TreeRecord>();  // `= {}` would keep the storage
    if (!entries.damage.isEmpty())
        return damaged(entries.damage);
    if (!locator)
        check(entries.locations);

    for (std::size_t index = 0; index < entries.locations.size(); ++index)
        builder.addFootprint(std::uint32_t(index), entries.locations[index].localLength);
    const bool empty = entries.locations.empty();
    builder.adoptZipLocations(std::move(entries.locations));
    package->path = path;
    package->format = PackageFormat::Zip;
    package->fileSize = fileSize;
    package->tree = builder.finish();
    if (locator)
        locator->join();  // rethrows what the local checks threw
    if (!checks.readError.isEmpty())
        return LoadResult{nullptr, checks.readError, nullptr};  // it names the file
    for (const std::uint32_t index : checks.escapingLinks)
        PackageTreeBuilder::addEntryFlags(package->tree, index, NodeEscapingLink);
    package->fixedZipBytes = fileSize - std::min(fileSize, entries.footprints);
    package->warnings = std::move(entries.warnings);
    package->warnings.append(checks.warnings);
    package->warnings.append(treeWarnings);
    if (empty)
        package->warnings.push_back({u"empty-package"_s, {}, u"the zip holds no entries"_s});
    return LoadResult{std::move(package), {}, {}};
}

} // namespace

LoadResult ZipPackageReader::read(const QString &path, Threads threads, const LoadProgressSink &progress)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return LoadResult::failure(path, file.errorString());
    const FileStamp stamp = FileStamp::ofDescriptor(file.handle());
    const auto fileSize = std::uint64_t(stamp.isValid() ? stamp.size : file.size());
    if (fileSize == 0)
        return LoadResult::failure(path, u"empty file (0 bytes), not a zip archive"_s);
    // Whatever else went wrong, a file that changed meanwhile is the
    // reason: bytes read before and after the change need not fit together.
    auto changed = [&] {
        return !FileStamp::ofDescriptor(file.handle()).sameAs(stamp) || !checkUnchanged(path, stamp).isEmpty();
    };
    auto failure = [&](const QString &error) {  // `error` names the file
        return LoadResult{nullptr, changed() ? changedOnDiskError(path) : error, nullptr};
    };

    // The tail, then on down to the lowest end record and the central
    // directory: a contiguous stretch, so one more read for any zip.
    FileImage image(file.handle(), fileSize, path);
    std::uint64_t loadedFrom = fileSize - std::min(fileSize, kTailBytes);
    if (QString error = image.load(loadedFrom, fileSize); !error.isEmpty())
        return failure(error);
    ZipEndRecordsResult located = locateZipEndRecords(image.data(), fileSize, loadedFrom);
    while (located.reach < loadedFrom) {
        if (QString error = loadStretch(image, located.reach, loadedFrom); !error.isEmpty())
            return failure(error);
        loadedFrom = located.reach;
        located = locateZipEndRecords(image.data(), fileSize, loadedFrom);
    }
    // A cancelled read says so, whether or not the file changed meanwhile.
    bool stopped = false;
    LoadProgressSink watched;
    if (progress)
        watched = [&](const LoadProgress &now) { return !(stopped = !progress(now)); };
    if (watched && !watched({0, located.records.centralSize, 0}))
        return LoadResult::failure(path, u"cancelled"_s);
    ZipLocalBytes local(image, loadedFrom);
    LoadResult result = readZip(image.data(), fileSize, located, local,
                                [&] { return ZipRecovery::scanFile(path); }, path, threads, watched);
    if (stopped)
        return result;
    if (changed())
        return LoadResult{nullptr, changedOnDiskError(path), nullptr};
    if (result.package)
        result.package->stamp = stamp;
    return result;
}

LoadResult ZipPackageReader::readBytes(const unsigned char *data, std::uint64_t fileSize, const QString &path,
                                       Threads threads)
{
    if (fileSize == 0)
        return LoadResult::failure(path, u"empty file (0 bytes), not a zip archive"_s);
    ZipLocalBytes local(data);
    return readZip(data, fileSize, locateZipEndRecords(data, fileSize), local,
                   [&] { return ZipRecovery::scan(data, fileSize, path); }, path, threads, {});
}

} // namespace packscope
