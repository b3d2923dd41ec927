#pragma once

#include "readers/ZipFormat.h"

#include <cstdint>
#include <optional>

namespace packscope {

// One block of a record's extra field (APPNOTE 4.5.1), in place in the
// record's bytes.
struct ZipExtraBlock {
    std::uint16_t id = 0;
    std::uint16_t size = 0;  // bytes of data
    std::uint32_t dataAt = 0;  // where the data starts, from the extra field's first byte
    const unsigned char *data = nullptr;
};

// Shows `visit` each block of the extra field `extra` of `length` bytes in
// order, while it returns true. A block whose declared size runs past the
// field ends the walk: it and whatever follows are not blocks.
template<typename Visit>
void forEachExtraBlock(const unsigned char *extra, std::uint16_t length, Visit &&visit)
{
    for (std::uint32_t at = 0; at + zip::extra::kHeaderSize <= length;) {
        const std::uint16_t size = zip::u16(extra + at + zip::extra::kDataSize);
        const std::uint32_t dataAt = at + zip::extra::kHeaderSize;
        if (dataAt + size > length)
            return;
        const ZipExtraBlock block{zip::u16(extra + at + zip::extra::kId), size, dataAt, extra + dataAt};
        if (!visit(block))
            return;
        at = dataAt + size;
    }
}

// Which of a header's fields are all ones, so that their values are in its
// zip64 block (APPNOTE 4.5.3). A local header's block holds both sizes
// whenever it is there.
struct Zip64Fields {
    bool uncompressed = false;
    bool compressed = false;
    bool localHeaderOffset = false;
    bool diskStart = false;
    bool any() const { return uncompressed || compressed || localHeaderOffset || diskStart; }
};

// What a zip64 block holds for the fields asked for: each value that is
// there, with where it starts in the block's data.
struct Zip64Values {
    std::optional<std::uint64_t> uncompressed;
    std::optional<std::uint64_t> compressed;
    std::optional<std::uint64_t> localHeaderOffset;
    std::optional<std::uint32_t> diskStart;
    std::uint32_t localHeaderOffsetAt = 0;
    // A field asked for does not fit in the block; it and the fields after
    // it are missing, those before it are there.
    bool truncated = false;
};

// Reads the fields `wanted` from the data of a zip64 block (`block.id` is
// zip::extra::kZip64Id).
Zip64Values readZip64Block(const ZipExtraBlock &block, Zip64Fields wanted);

} // namespace packscope
