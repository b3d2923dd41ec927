#pragma once

#include "compare/Inventory.h"
#include "limits/LimitResult.h"

#include <cstdint>
#include <vector>

namespace packscope {

class LimitProfile;

// What changed between two inventories (BASE, the last release, and HEAD,
// the build at hand), as plain values the diff writers print:
// - files matched by package and path: added, removed, changed (CRC or
//   size), recompressed (same content, another zipped footprint), and moved
//   (gone from one path, come at another with the same content: CRC and
//   size, or name and size where the format has no CRC);
// - each limit of the profile on both sides, with what the change cost of
//   the headroom BASE had, and the new failures first;
// - the dependencies (npm packages, Python distributions) whose weight or
//   version changed, the new and dropped ones first.
struct PackageDiff {
    static constexpr std::uint32_t kNone = 0xffffffffu;

    enum class Change { Added, Removed, Changed, Recompressed, Moved };
    struct FileChange {
        Change change = Change::Added;
        std::uint32_t base = kNone;  // index into base.files, kNone when added
        std::uint32_t head = kNone;  // index into head.files, kNone when removed
        std::int64_t zippedDelta = 0;
        std::int64_t unzippedDelta = 0;
    };
    struct LimitDelta {
        LimitResult base;
        LimitResult head;
        std::int64_t delta() const { return std::int64_t(head.value) - std::int64_t(base.value); }
        bool isNewFailure() const { return base.pass && !head.pass; }
        bool isFixed() const { return !base.pass && head.pass; }
        // The share of BASE's headroom the change used (grew by), 0..; 0 when
        // it shrank or BASE had no headroom.
        double headroomUsed() const;
    };
    struct DependencyDelta {
        int package = 0;
        Ecosystem ecosystem = Ecosystem::Node;
        QString name;
        bool inBase = false;
        bool inHead = false;
        QString baseVersion;
        QString headVersion;
        std::uint64_t baseZipped = 0, headZipped = 0;
        std::uint64_t baseUnzipped = 0, headUnzipped = 0;
        std::uint32_t baseFiles = 0, headFiles = 0;
        std::int64_t zippedDelta() const { return std::int64_t(headZipped) - std::int64_t(baseZipped); }
        std::int64_t unzippedDelta() const { return std::int64_t(headUnzipped) - std::int64_t(baseUnzipped); }
    };
    struct Counts {
        std::uint32_t added = 0, removed = 0, changed = 0, recompressed = 0, moved = 0, unchanged = 0;
    };

    Inventory base;
    Inventory head;
    std::vector<LimitDelta> limits;  // in the profile's order
    // The limits as people read them: new failures first, then the profile's order.
    std::vector<const LimitDelta *> limitsNewFailuresFirst() const;
    // Every change, largest effect first (unzipped delta by size, then zipped, then path).
    std::vector<FileChange> files;
    Counts counts;
    // Dependencies whose version or weight changed: added and dropped first,
    // then by the size of the unzipped change.
    std::vector<DependencyDelta> dependencies;

    std::int64_t zippedDelta() const;    // every package's zip together
    std::int64_t unzippedDelta() const;  // function plus layers
    std::int64_t filesDelta() const;
    bool zippedEstimated() const { return base.zippedEstimated() || head.zippedEstimated(); }
    int newFailures() const;   // error-severity limits that pass in BASE and fail in HEAD
    int headFailures() const;  // error-severity limits that fail in HEAD
    // The path of a change's file, on the side it has (HEAD when both).
    QByteArrayView path(const FileChange &change) const;
    // The package (index) of a change's file, on the side it has (HEAD when both).
    int package(const FileChange &change) const;

    static PackageDiff compute(Inventory base, Inventory head, const LimitProfile &profile);
};

// How reports name a change: "added", "removed", "changed", "recompressed", "moved".
QString changeName(PackageDiff::Change change);

} // namespace packscope
