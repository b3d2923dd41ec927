#pragma once

#include "model/Package.h"
#include "slim/ZipVerifier.h"

#include <QString>

namespace packscope {

class ExclusionSet;

// What writing a slim zip did.
struct SlimResult {
    QString error;  // one line, naming the file and the reason; empty on success
    QString outputPath;
    std::uint64_t predictedBytes = 0;  // what the gauges said: exact for a zip input
    bool predictionEstimated = false;  // the input was not a zip
    std::uint64_t writtenBytes = 0;
    std::uint64_t keptEntries = 0;
    std::uint64_t removedEntries = 0;
    ZipVerification verification;
    bool ok() const { return error.isEmpty(); }
};

// Writes a package minus its excluded items as a zip, atomically (a
// temporary file renamed into place: nothing is left behind on failure) and
// never over the input.
//
// A zip input is copied record by record: every kept entry's local record
// (header, data, data descriptor) and central record byte for byte, in the
// original order, with only the offsets rewritten, and everything that is
// not an entry (prepended data, end records, archive comment) kept. Nothing
// is recompressed, and the output is exactly the size the session
// predicted. Other inputs (folders, tar, 7z) are zipped anew: deflate level
// 6, paths in tree order, a fixed timestamp, so the same input always gives
// the same bytes. Either way the result is re-read and every stored or
// deflated entry checked against its CRC-32 before the file is committed.
class SlimZipWriter
{
public:
    static SlimResult write(const Package &package, const ExclusionSet &exclusions, const QString &outputPath);
};

} // namespace packscope
