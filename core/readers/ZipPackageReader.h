#pragma once

#include "readers/LoadResult.h"

#include <cstdint>

namespace packscope {

// Reads a zip (also .jar, .whl, .war, self-extracting zips) from its central
// directory: the file is mapped and only the end records, the central
// directory and each entry's local header are touched, never the entries'
// data (a symlink's short target aside). Gives every entry's exact
// footprint (its local record up to the next one plus its central record), so
// the package's zipped size after any exclusion is exact.
class ZipPackageReader
{
public:
    // Errors: unreadable file, no end record, multi-disk, damaged central
    // directory (then `partial` holds what a local-header scan recovered).
    static LoadResult read(const QString &path);
    // The same over a zip already in memory (`path` names it in messages).
    static LoadResult readBytes(const unsigned char *data, std::uint64_t size, const QString &path);
};

} // namespace packscope
