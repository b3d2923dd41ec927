#pragma once

#include "model/PackageTree.h"
#include "model/PackageWarning.h"
#include "readers/ZipEndRecords.h"

#include <QString>

#include <cstdint>
#include <functional>
#include <vector>

namespace packscope {

// Where every entry of a zip lies: one walk of the central directory for
// the locations, then the local records measured in file order (each
// extends to the next one, which covers data descriptors and gaps). It
// reads nothing but the central directory and needs nothing from the size
// tree, so the reader runs it beside the tree build, on another core when
// there is one. What the local records say is checkLocalRecords()'s.
struct ZipEntryLocations {
    // By entry index, in central-directory order. A record outside the
    // entries' area, or one two entries share, gets localLength 0.
    LargeVector<ZipEntryLocation> locations;
    PackageWarnings warnings;  // the central directory's
    std::uint64_t footprints = 0;  // sum of every entry's footprint (local + central record)
    QString damage;  // why the central directory cannot be walked; empty when it can
};

struct ZipCentralRecord;

// `data` holds the central directory at its place in the file. `seen`,
// when given, is shown each central record the first walk finds sound,
// with its entry index, as it goes: the tree build running beside takes
// what it needs from there instead of parsing the record again.
ZipEntryLocations locateZipEntries(
    const unsigned char *data, const ZipEndRecords &end,
    const std::function<void(const ZipCentralRecord &, std::size_t)> &seen = {});

// Whether a local record can start at `localOffset`: between the data
// prepended to the zip and the central directory, with room for its header.
bool isInEntriesArea(std::uint64_t localOffset, const ZipEndRecords &end);

} // namespace packscope
