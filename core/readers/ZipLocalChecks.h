#pragma once

#include "model/PackageTree.h"
#include "model/PackageWarning.h"
#include "readers/ZipEndRecords.h"

#include <QString>

#include <atomic>

#include <cstdint>
#include <span>
#include <vector>

namespace packscope {

class ZipLocalBytes;

// What a zip's local records say, each held against its central record:
// missing or disagreeing headers, entries that overlap, and where a symlink
// leads (its target is the one piece of entry data read). Nothing the size
// tree is built from depends on it, so the reader runs it while the tree is
// being finished.
struct ZipLocalChecks {
    PackageWarnings warnings;  // in entry order
    std::vector<std::uint32_t> escapingLinks;  // entries that are symlinks leading outside the package
    // Why a local record could not be read (the file changed on disk, an I/O
    // error): the checks stopped there. Empty when all were read.
    QString readError;
};

// `data` holds the central directory at its place in the file;
// `locations` are locateZipEntries()' for it; the local records are read
// through `local`. The checks end early, with what they found so far, once
// `cancelled` (when given) is set: the read they belong to was cancelled.
ZipLocalChecks checkLocalRecords(const unsigned char *data, const ZipEndRecords &end,
                                 std::span<const ZipEntryLocation> locations, ZipLocalBytes &local,
                                 const std::atomic<bool> *cancelled = nullptr);

} // namespace packscope
