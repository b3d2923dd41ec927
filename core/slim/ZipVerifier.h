#pragma once

#include <QString>

#include <cstdint>

namespace packscope {

// What checking a written zip found.
struct ZipVerification {
    QString error;            // empty when the zip is sound
    std::uint64_t entries = 0;
    std::uint64_t crcChecked = 0;   // stored or deflated entries whose data matched their CRC-32
    std::uint64_t crcSkipped = 0;   // encrypted entries or other methods: not decompressed here
    bool ok() const { return error.isEmpty(); }
};

// Checks a zip in memory the way an unzip would: its central directory reads
// back (with the expected number of entries), every entry's local header is
// where the central directory says, and every stored or deflated entry
// inflates to exactly its declared size and CRC-32.
class ZipVerifier
{
public:
    static ZipVerification verify(const unsigned char *data, std::uint64_t size, std::uint64_t expectedEntries);
};

} // namespace packscope
