#pragma once

#include "readers/LoadProgress.h"
#include "readers/LoadResult.h"

namespace packscope {

// Reads a directory on disk (a build output before zipping) as a package:
// sizes from the file system, zipped size estimated by deflating every file.
// Symlinks are not followed; they are counted by their own size and reported.
// Entries are visited in name order so results are deterministic.
class FolderPackageReader
{
public:
    // `progress` hears of each entry and can stop the read ("cancelled").
    static LoadResult read(const QString &path, const LoadProgressSink &progress = {});
};

} // namespace packscope
