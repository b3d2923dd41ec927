#pragma once

#include "model/Package.h"

#include <QString>

#include <cstdint>
#include <memory>

namespace packscope {

// What can be salvaged from a zip whose central directory is missing or
// damaged: libarchive walks the local headers from the start of the file.
// The partial package has unzipped sizes from the local headers and no exact
// footprints; it is for inspection only.
struct ZipRecovery {
    int entries = 0;
    std::shared_ptr<Package> partial;  // null when nothing could be recovered
    QString error;  // why no scan could be made (libarchive missing); empty when one was

    // `data`: the whole zip; `path` names it in the package.
    static ZipRecovery scan(const unsigned char *data, std::uint64_t size, const QString &path);
    // The same, reading the zip at `path` as a stream.
    static ZipRecovery scanFile(const QString &path);
};

} // namespace packscope
