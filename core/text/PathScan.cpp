#include "text/PathScan.h"
#include "text/ByteWords.h"

#include <bit>

namespace packscope {

PathScan scanPath(QByteArrayView path)
{
    using namespace words;
    PathScan r;
    const char *p = path.data();
    const auto n = std::size_t(path.size());
    std::uint64_t suspect = 0, rare = 0, lastSlashes = 0;
    std::size_t lastSlashesAt = 0;
    // The start of the path counts as a '/' before it, so a leading '/' or
    // '.' shows up as a "//" or "/." pair.
    std::uint64_t slashBefore = 0x80;
    for (std::size_t at = 0; at < n; at += 8) {
        // Padding with 'a' matches nothing looked for.
        const std::uint64_t word = n - at >= 8 ? load(p + at) : loadTail(p, n, at, 'a');
        const std::uint64_t slashes = bytesEqual(word, '/');
        const std::uint64_t afterSlash = (slashes << 8) | slashBefore;
        slashBefore = slashes >> 56;
        suspect |= afterSlash & (slashes | bytesEqual(word, '.'));
        // High bytes, '\' or NUL: rare, so only whether there is any.
        rare |= word | hasZeroByte(word ^ (kOnes * '\\')) | hasZeroByte(word);
        if (slashes) {
            lastSlashes = slashes;
            lastSlashesAt = at;
        }
    }
    r.mayNeedCleaning = n == 0 || suspect != 0;
    if (lastSlashes)
        r.lastSlash = qsizetype(lastSlashesAt + std::size_t(63 - std::countl_zero(lastSlashes)) / 8);
    if (rare & kHigh) {
        for (const char c : path) {
            r.highBytes |= static_cast<unsigned char>(c) >= 0x80;
            r.backslash |= c == '\\';
            r.nul |= c == '\0';
        }
    }
    return r;
}

} // namespace packscope
