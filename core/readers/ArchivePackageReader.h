#pragma once

#include "readers/LoadProgress.h"
#include "readers/LoadResult.h"

#include <cstddef>
#include <cstdint>

namespace packscope {

class ArchiveHandle;

// Reads tar (plain or gzip/xz/bzip2/zstd-compressed), 7z and the other formats
// libarchive knows. Uncompressed sizes are exact; the zipped size is an
// estimate of the zip `zip -r` would build (contents are read and deflated).
class ArchivePackageReader
{
public:
    // `progress` hears how far the read is (bytes of the file consumed) and
    // can stop it: the result is then the error "cancelled".
    static LoadResult read(const QString &path, const LoadProgressSink &progress = {});
    // The same over an archive in memory (`path` names it in messages).
    static LoadResult readBytes(const void *data, std::size_t size, const QString &path);

private:
    static LoadResult readFrom(ArchiveHandle &archive, const QString &path, const LoadProgressSink &progress = {},
                               std::uint64_t bytesTotal = 0);
};

} // namespace packscope
