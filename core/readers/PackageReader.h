#pragma once

#include "readers/LoadProgress.h"
#include "readers/LoadResult.h"

namespace packscope {

// Opens anything a user may call a package: picks the reader by content
// (magic bytes), not by name, so a renamed zip or a self-extracting zip is
// still read as a zip; directories are read as folders.
class PackageReader
{
public:
    // `progress` hears how far a tar, 7z or folder read is and can stop it
    // (the error is then "cancelled"); a zip's central directory is read in
    // well under a second and reports nothing.
    static LoadResult read(const QString &path, const LoadProgressSink &progress = {});
};

} // namespace packscope
