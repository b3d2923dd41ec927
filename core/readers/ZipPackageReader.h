#pragma once

#include "readers/LoadProgress.h"
#include "readers/LoadResult.h"

#include <cstdint>

namespace packscope {

// Reads a zip (also .jar, .whl, .war, self-extracting zips) from its central
// directory: only the end records, the central directory and each entry's
// local header are read, never the entries' data (a symlink's short target
// aside). Gives every entry's exact footprint (its local record up to the
// next one plus its central record), so the package's zipped size after any
// exclusion is exact.
//
// The file is read with pread(2), never mapped: a package rewritten while
// it is opened (a build running beside) must give an error, not a SIGBUS.
// The end records and the central directory are one contiguous read; the
// local headers are read in runs.
class ZipPackageReader
{
public:
    // How many threads walk the central directory. Auto: two when it is
    // large and there are two cores. The result is the same either way; One
    // and Two are for tests and fuzzers that compare them.
    enum class Threads { Auto, One, Two };

    // Errors: unreadable file, no end record, multi-disk, damaged central
    // directory (then `partial` holds what a local-header scan recovered),
    // "PATH changed on disk since it was opened: reopen it" when the file
    // changed while it was read. `progress` hears how far the central
    // directory's walk is (bytes of it, entries) and can stop it: the error
    // is then "cancelled".
    static LoadResult read(const QString &path, Threads threads = Threads::Auto,
                           const LoadProgressSink &progress = {});
    // The same over a zip already in memory (`path` names it in messages).
    static LoadResult readBytes(const unsigned char *data, std::uint64_t size, const QString &path,
                                Threads threads = Threads::Auto);
};

} // namespace packscope
