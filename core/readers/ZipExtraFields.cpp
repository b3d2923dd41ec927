#include "readers/ZipExtraFields.h"

namespace packscope {

Zip64Values readZip64Block(const ZipExtraBlock &block, Zip64Fields wanted)
{
    Zip64Values values;
    std::uint32_t at = 0;
    // Whether the next field, `length` bytes, is wanted and there. The
    // fields are packed, so once one is missing so are all after it.
    auto next = [&](bool want, std::uint32_t length) {
        if (!want || values.truncated)
            return false;
        if (at + length > block.size) {
            values.truncated = true;
            return false;
        }
        return true;
    };
    if (next(wanted.uncompressed, zip::zip64Extra::kUncompressedSizeLength)) {
        values.uncompressed = zip::u64(block.data + at);
        at += zip::zip64Extra::kUncompressedSizeLength;
    }
    if (next(wanted.compressed, zip::zip64Extra::kCompressedSizeLength)) {
        values.compressed = zip::u64(block.data + at);
        at += zip::zip64Extra::kCompressedSizeLength;
    }
    if (next(wanted.localHeaderOffset, zip::zip64Extra::kLocalHeaderOffsetLength)) {
        values.localHeaderOffset = zip::u64(block.data + at);
        values.localHeaderOffsetAt = at;
        at += zip::zip64Extra::kLocalHeaderOffsetLength;
    }
    if (next(wanted.diskStart, zip::zip64Extra::kDiskStartLength))
        values.diskStart = zip::u32(block.data + at);
    return values;
}

} // namespace packscope
