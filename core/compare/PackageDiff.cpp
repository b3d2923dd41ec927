#include "compare/PackageDiff.h"

#include "limits/LimitProfile.h"

#include <QHash>

#include <algorithm>
#include <numeric>
#include <unordered_map>

using namespace Qt::StringLiterals;

namespace packscope {

namespace {

std::int64_t signedDelta(std::uint64_t base, std::uint64_t head)
{
    return std::int64_t(head) - std::int64_t(base);
}

std::uint64_t magnitude(std::int64_t value)
{
    return value < 0 ? std::uint64_t(-value) : std::uint64_t(value);
}

// The files of `inventory` in (package, path) order; equal paths (a zip
// may hold a name twice) keep the order they were read in.
std::vector<std::uint32_t> byPackageAndPath(const Inventory &inventory)
{
    std::vector<std::uint32_t> order(inventory.files.size());
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        const Inventory::File &fa = inventory.files[a];
        const Inventory::File &fb = inventory.files[b];
        if (fa.package != fb.package)
            return fa.package < fb.package;
        return inventory.path(fa) < inventory.path(fb);
    });
    return order;
}

int compareKeys(const Inventory &base, std::uint32_t b, const Inventory &head, std::uint32_t h)
{
    const Inventory::File &fb = base.files[b];
    const Inventory::File &fh = head.files[h];
    if (fb.package != fh.package)
        return fb.package < fh.package ? -1 : 1;
    return base.path(fb).compare(head.path(fh));
}

QByteArrayView baseName(QByteArrayView path)
{
    const qsizetype slash = path.lastIndexOf('/');
    return slash < 0 ? path : path.sliced(slash + 1);
}

// What makes a removed file and an added one the same file moved: its
// package and content (CRC and size where both sides have CRCs, else its
// name and size).
struct MoveKey {
    std::uint16_t package = 0;
    bool byCrc = false;
    std::uint32_t crc32 = 0;
    std::uint64_t unzipped = 0;
    QByteArray name;  // when not by CRC
    bool operator==(const MoveKey &other) const = default;
};

struct MoveKeyHash {
    std::size_t operator()(const MoveKey &key) const
    {
        return qHashMulti(0, key.package, key.byCrc, key.crc32, key.unzipped, key.name);
    }
};

// Per package index: true when every file of it on both sides has a CRC.
std::vector<bool> packagesWithCrcs(const Inventory &base, const Inventory &head)
{
    std::vector<bool> all(std::max(base.packages.size(), head.packages.size()), true);
    for (const Inventory *side : {&base, &head}) {
        for (const Inventory::File &file : side->files) {
            if (!file.hasCrc && file.package < all.size())
                all[file.package] = false;
        }
    }
    return all;
}

MoveKey moveKey(const Inventory &inventory, const Inventory::File &file, const std::vector<bool> &crcs)
{
    MoveKey key;
    key.package = file.package;
    key.byCrc = file.package < crcs.size() && crcs[file.package];
    key.unzipped = file.unzipped;
    if (key.byCrc)
        key.crc32 = file.crc32;
    else
        key.name = baseName(inventory.path(file)).toByteArray();
    return key;
}

} // namespace

double PackageDiff::LimitDelta::headroomUsed() const
{
    const std::int64_t grew = delta();
    if (grew <= 0 || base.headroom <= 0)
        return 0;
    return double(grew) / double(base.headroom);
}

std::vector<const PackageDiff::LimitDelta *> PackageDiff::limitsNewFailuresFirst() const
{
    std::vector<const LimitDelta *> ordered;
    for (const LimitDelta &l : limits)
        ordered.push_back(&l);
    std::stable_partition(ordered.begin(), ordered.end(),
                          [](const LimitDelta *l) { return !l->head.rule.isInfo() && l->isNewFailure(); });
    return ordered;
}

std::int64_t PackageDiff::zippedDelta() const
{
    return signedDelta(base.zippedTotal(), head.zippedTotal());
}

std::int64_t PackageDiff::unzippedDelta() const
{
    return signedDelta(base.measures.totalUnzipped, head.measures.totalUnzipped);
}

std::int64_t PackageDiff::filesDelta() const
{
    return std::int64_t(head.files.size()) - std::int64_t(base.files.size());
}

int PackageDiff::newFailures() const
{
    return int(std::count_if(limits.begin(), limits.end(),
                             [](const LimitDelta &l) { return !l.head.rule.isInfo() && l.isNewFailure(); }));
}

int PackageDiff::headFailures() const
{
    return int(std::count_if(limits.begin(), limits.end(),
                             [](const LimitDelta &l) { return !l.head.rule.isInfo() && !l.head.pass; }));
}

QByteArrayView PackageDiff::path(const FileChange &change) const
{
    return change.head != kNone ? head.path(head.files[change.head]) : base.path(base.files[change.base]);
}

int PackageDiff::package(const FileChange &change) const
{
    return change.head != kNone ? head.files[change.head].package : base.files[change.base].package;
}

PackageDiff PackageDiff::compute(Inventory baseSide, Inventory headSide, const LimitProfile &profile)
{
    PackageDiff diff;
    diff.base = std::move(baseSide);
    diff.head = std::move(headSide);
    const Inventory &base = diff.base;
    const Inventory &head = diff.head;

    for (const LimitRule &rule : profile.limits) {
        diff.limits.push_back({LimitResult::checked(rule, base.measures.value(rule.measure)),
                               LimitResult::checked(rule, head.measures.value(rule.measure))});
    }

    // Files: one merge of the two sides in (package, path) order.
    const std::vector<bool> crcs = packagesWithCrcs(base, head);
    const std::vector<std::uint32_t> baseOrder = byPackageAndPath(base);
    const std::vector<std::uint32_t> headOrder = byPackageAndPath(head);
    std::vector<std::uint32_t> removed, added;
    std::size_t i = 0, j = 0;
    while (i < baseOrder.size() || j < headOrder.size()) {
        const int order = i == baseOrder.size()   ? 1
                          : j == headOrder.size() ? -1
                                                  : compareKeys(base, baseOrder[i], head, headOrder[j]);
        if (order < 0) {
            removed.push_back(baseOrder[i++]);
            continue;
        }
        if (order > 0) {
            added.push_back(headOrder[j++]);
            continue;
        }
        const std::uint32_t b = baseOrder[i++];
        const std::uint32_t h = headOrder[j++];
        const Inventory::File &fb = base.files[b];
        const Inventory::File &fh = head.files[h];
        const bool byCrc = fb.package < crcs.size() && crcs[fb.package];
        const bool sameContent = fb.unzipped == fh.unzipped && (!byCrc || fb.crc32 == fh.crc32);
        if (sameContent && fb.zipped == fh.zipped) {
            ++diff.counts.unchanged;
            continue;
        }
        diff.files.push_back({sameContent ? Change::Recompressed : Change::Changed, b, h,
                              signedDelta(fb.zipped, fh.zipped), signedDelta(fb.unzipped, fh.unzipped)});
    }

    // Moves: a removed file whose content comes back at another path. Empty
    // files are all alike and never count as moved.
    std::unordered_map<MoveKey, std::vector<std::uint32_t>, MoveKeyHash> gone;
    for (const std::uint32_t b : removed) {
        if (base.files[b].unzipped > 0)
            gone[moveKey(base, base.files[b], crcs)].push_back(b);
    }
    std::vector<bool> moved(base.files.size(), false);
    std::unordered_map<MoveKey, std::size_t, MoveKeyHash> taken;  // how many of each key are used
    for (const std::uint32_t h : added) {
        const Inventory::File &fh = head.files[h];
        std::uint32_t from = kNone;
        if (fh.unzipped > 0 && !gone.empty()) {
            const MoveKey key = moveKey(head, fh, crcs);
            const auto candidates = gone.find(key);
            if (candidates != gone.end()) {
                std::size_t &used = taken[key];
                if (used < candidates->second.size())
                    from = candidates->second[used++];
            }
        }
        if (from == kNone) {
            diff.files.push_back({Change::Added, kNone, h, std::int64_t(fh.zipped), std::int64_t(fh.unzipped)});
            continue;
        }
        moved[from] = true;
        const Inventory::File &fb = base.files[from];
        diff.files.push_back({Change::Moved, from, h, signedDelta(fb.zipped, fh.zipped), 0});
    }
    for (const std::uint32_t b : removed) {
        if (!moved[b]) {
            const Inventory::File &fb = base.files[b];
            diff.files.push_back({Change::Removed, b, kNone, -std::int64_t(fb.zipped), -std::int64_t(fb.unzipped)});
        }
    }
    for (const FileChange &change : diff.files) {
        switch (change.change) {
        case Change::Added: ++diff.counts.added; break;
        case Change::Removed: ++diff.counts.removed; break;
        case Change::Changed: ++diff.counts.changed; break;
        case Change::Recompressed: ++diff.counts.recompressed; break;
        case Change::Moved: ++diff.counts.moved; break;
        }
    }
    std::sort(diff.files.begin(), diff.files.end(), [&](const FileChange &a, const FileChange &b) {
        if (magnitude(a.unzippedDelta) != magnitude(b.unzippedDelta))
            return magnitude(a.unzippedDelta) > magnitude(b.unzippedDelta);
        if (magnitude(a.zippedDelta) != magnitude(b.zippedDelta))
            return magnitude(a.zippedDelta) > magnitude(b.zippedDelta);
        if (a.change != b.change)
            return a.change < b.change;
        return diff.path(a) < diff.path(b);
    });

    // Dependencies, matched by package, ecosystem and name.
    auto depKey = [](const Inventory::DependencyWeight &d) -> QString {
        return u"%1\x1f%2\x1f"_s.arg(d.package).arg(int(d.ecosystem)) + d.name;
    };
    QHash<QString, std::size_t> inBase;
    for (std::size_t k = 0; k < base.dependencies.size(); ++k)
        inBase.insert(depKey(base.dependencies[k]), k);
    std::vector<bool> matched(base.dependencies.size(), false);
    auto fill = [](DependencyDelta &delta, const Inventory::DependencyWeight &d, bool isBase) {
        delta.package = d.package;
        delta.ecosystem = d.ecosystem;
        delta.name = d.name;
        (isBase ? delta.inBase : delta.inHead) = true;
        (isBase ? delta.baseVersion : delta.headVersion) = d.version;
        (isBase ? delta.baseZipped : delta.headZipped) = d.zipped;
        (isBase ? delta.baseUnzipped : delta.headUnzipped) = d.unzipped;
        (isBase ? delta.baseFiles : delta.headFiles) = d.files;
    };
    for (const Inventory::DependencyWeight &d : head.dependencies) {
        DependencyDelta delta;
        fill(delta, d, false);
        const auto found = inBase.constFind(depKey(d));
        if (found != inBase.constEnd()) {
            matched[*found] = true;
            fill(delta, base.dependencies[*found], true);
            if (delta.baseVersion == delta.headVersion && delta.baseZipped == delta.headZipped
                && delta.baseUnzipped == delta.headUnzipped && delta.baseFiles == delta.headFiles)
                continue;
        }
        diff.dependencies.push_back(std::move(delta));
    }
    for (std::size_t k = 0; k < base.dependencies.size(); ++k) {
        if (!matched[k]) {
            DependencyDelta delta;
            fill(delta, base.dependencies[k], true);
            diff.dependencies.push_back(std::move(delta));
        }
    }
    std::sort(diff.dependencies.begin(), diff.dependencies.end(), [](const DependencyDelta &a, const DependencyDelta &b) {
        const bool aNewOrGone = !a.inBase || !a.inHead;
        const bool bNewOrGone = !b.inBase || !b.inHead;
        if (aNewOrGone != bNewOrGone)
            return aNewOrGone;
        if (magnitude(a.unzippedDelta()) != magnitude(b.unzippedDelta()))
            return magnitude(a.unzippedDelta()) > magnitude(b.unzippedDelta());
        if (a.name != b.name)
            return a.name < b.name;
        return a.package < b.package;
    });
    return diff;
}

QString changeName(PackageDiff::Change change)
{
    switch (change) {
    case PackageDiff::Change::Added:
        return u"added"_s;
    case PackageDiff::Change::Removed:
        return u"removed"_s;
    case PackageDiff::Change::Changed:
        return u"changed"_s;
    case PackageDiff::Change::Recompressed:
        return u"recompressed"_s;
    case PackageDiff::Change::Moved:
        return u"moved"_s;
    }
    return {};
}

} // namespace packscope
