#pragma once

#include <QByteArray>

#include <cstdint>
#include <optional>

namespace packscope {

// What the central directory says about one entry, to hold its local record
// against.
struct CentralEntryFacts {
    const unsigned char *name = nullptr;
    std::uint64_t compressed = 0;
    std::uint64_t unzipped = 0;
    std::uint32_t crc = 0;
    std::uint16_t nameLength = 0;
    std::uint16_t flags = 0;
    std::uint16_t method = 0;
};

// One entry's local record (header, data, data descriptor), read in place
// from the zip's bytes. Sizes always come from the central directory; the
// local header is only compared with it, so a zip whose two copies disagree
// (a sign of tampering or a broken writer) can be reported.
class ZipLocalRecord
{
public:
    enum class Problem {
        None,
        Missing,       // no local header signature at the offset
        NameDiffers,   // the local header names another file
        SizesDiffer,   // CRC or sizes differ (and no data descriptor explains it)
        DataOverruns,  // header plus data run into the next record: overlapping entries
    };

    // `header`: the record's first byte. `room`: bytes from there to the
    // next record (or the central directory), which the record must fit in.
    // Read from `header`: the header with its name and extra field (as far
    // as `room` allows), and for smallContents() the data after them.
    ZipLocalRecord(const unsigned char *header, std::uint64_t room, const CentralEntryFacts &central);

    Problem problem() const { return m_problem; }
    // The entry's contents when they are small (at most `maxBytes`) and stored
    // or deflated, as for a symlink's target; nullopt otherwise. Never
    // inflates more than `maxBytes`.
    std::optional<QByteArray> smallContents(std::uint32_t maxBytes) const;

private:
    Problem check();

    const unsigned char *m_header;
    std::uint64_t m_room;
    CentralEntryFacts m_central;
    std::uint64_t m_dataOffset = 0;  // from the header
    Problem m_problem = Problem::None;
};

} // namespace packscope
