#pragma once

#include "readers/LoadResult.h"

namespace packscope {

// Opens anything a user may call a package: picks the reader by content
// (magic bytes), not by name, so a renamed zip or a self-extracting zip is
// still read as a zip; directories are read as folders.
class PackageReader
{
public:
    static LoadResult read(const QString &path);
};

} // namespace packscope
