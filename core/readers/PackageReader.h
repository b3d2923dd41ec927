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
    // `progress` hears how far a read is (a zip's: its central directory's
    // walk) and can stop it: the error is then "cancelled".
    static LoadResult read(const QString &path, const LoadProgressSink &progress = {});
};

} // namespace packscope
