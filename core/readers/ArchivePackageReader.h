#pragma once

#include "readers/LoadResult.h"

namespace packscope {

// Reads tar (plain or gzip/xz/bzip2/zstd-compressed), 7z and the other formats
// libarchive knows. Uncompressed sizes are exact; the zipped size is an
// estimate of the zip `zip -r` would build (contents are read and deflated).
class ArchivePackageReader
{
public:
    static LoadResult read(const QString &path);
};

} // namespace packscope
