#pragma once

#include "model/PackageTree.h"
#include "readers/ZipLocalRecord.h"

#include <QByteArray>
#include <QByteArrayView>

#include <cstdint>

namespace packscope {

// One central-directory record, parsed in place: the name points into the
// zip's bytes. Both walks of the central directory read records through it.
struct ZipCentralRecord : CentralEntryFacts {
    enum class Status { Ok, BadSignature, Overrun };

    const unsigned char *unicodeName = nullptr;  // Info-ZIP Unicode Path, when it matches
    std::uint64_t localOffset = 0;  // absolute position in the file
    std::uint64_t centralOffset = 0;
    std::uint32_t centralLength = 0;
    std::uint32_t externalAttributes = 0;
    std::uint16_t unicodeNameLength = 0;
    std::uint8_t host = 0;
    bool sizeWithoutZip64 = false;  // a size or offset is 0xFFFFFFFF with no zip64 value

    // Parses the record at `pos`, which must leave room for the fixed part
    // before `stop` (the end of the central directory). `shift` is added to
    // the local offset (data prepended to the zip without adjusting it).
    Status parse(const unsigned char *data, std::uint64_t pos, std::uint64_t stop, std::uint64_t shift);

    // The name as UTF-8: the Unicode Path extra when present, the stored bytes
    // when flagged UTF-8, ASCII, or valid UTF-8 from a Unix tool (what Lambda
    // extracts), CP437 decoded otherwise (into `storage`).
    QByteArrayView decodedName(QByteArray &storage) const;

    // Folder, file or symlink, with the Unix mode when the record carries one.
    NodeKind kind(std::uint32_t *mode, bool *modeKnown) const;

    bool encrypted() const;
};

} // namespace packscope
