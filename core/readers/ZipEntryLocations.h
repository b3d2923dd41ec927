#pragma once

#include "model/PackageTree.h"
#include "model/PackageWarning.h"
#include "readers/ZipEndRecords.h"

#include <QString>

#include <cstdint>
#include <functional>
#include <vector>

namespace packscope {

// Where every entry of a zip lies and what its local record says: one walk
// of the central directory for the locations, the local records measured in
// file order (each extends to the next one, which covers data descriptors
// and gaps), then each local record held against its central record. It
// needs nothing from the size tree, so the reader runs it beside the tree
// build, on another core when there is one.
struct ZipEntryLocations {
    LargeVector<ZipEntryLocation> locations;  // by entry index, in central-directory order
    // Central-directory warnings, then the local records' ones in entry order.
    PackageWarnings warnings;
    std::vector<std::uint32_t> escapingLinks;  // entries that are symlinks leading outside the package
    std::uint64_t footprints = 0;  // sum of every entry's footprint (local + central record)
    QString damage;  // why the central directory cannot be walked; empty when it can
};

struct ZipCentralRecord;

// `seen`, when given, is shown each central record the first walk finds
// sound, with its entry index, as it goes: the tree build running beside
// takes what it needs from there instead of parsing the record again.
ZipEntryLocations locateZipEntries(
    const unsigned char *data, const ZipEndRecords &end,
    const std::function<void(const ZipCentralRecord &, std::size_t)> &seen = {});

} // namespace packscope
