#include "text/PathScan.h"
#include "text/ByteWords.h"

#include <bit>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace packscope {

namespace {

// A high byte, '\' or NUL was seen: rare enough to find out which one by
// looking at every byte.
void findRareBytes(QByteArrayView path, PathScan &r)
{
    for (const char c : path) {
        r.highBytes |= static_cast<unsigned char>(c) >= 0x80;
        r.backslash |= c == '\\';
        r.nul |= c == '\0';
    }
}

} // namespace

PathScan scanPathByWords(QByteArrayView path)
{
    using namespace words;
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
        suspect |= ((slashes << 8) | slashBefore) & (slashes | bytesEqual(word, '.'));
        slashBefore = slashes >> 56;
        rare |= word | hasZeroByte(word ^ (kOnes * '\\')) | hasZeroByte(word);
        lastSlashesAt = slashes ? at : lastSlashesAt;
        lastSlashes = slashes ? slashes : lastSlashes;
    }
    PathScan r;
    r.mayNeedCleaning = n == 0 || suspect != 0;
    if (lastSlashes)
        r.lastSlash = qsizetype(lastSlashesAt + std::size_t(63 - std::countl_zero(lastSlashes)) / 8);
    if (rare & kHigh)
        findRareBytes(path, r);
    return r;
}

PathScan scanPath(QByteArrayView path)
{
#ifdef __SSE2__
    const auto n = std::size_t(path.size());
    if (n < 16)
        return scanPathByWords(path);
    const char *p = path.data();
    const __m128i slash = _mm_set1_epi8('/'), dot = _mm_set1_epi8('.'), backslash = _mm_set1_epi8('\\');
    const __m128i zero = _mm_setzero_si128();
    // One bit a byte: bit i stands for byte i of the block.
    std::uint32_t suspect = 0, rare = 0, lastSlashes = 0;
    std::uint32_t slashBefore = 1;  // the start of the path counts as a '/'
    std::size_t lastSlashesAt = 0;
    // `skip` bytes at the block's start were scanned before (the last block
    // overlaps the one before it rather than reading past the path).
    const auto scanBlock = [&](std::size_t blockAt, unsigned skip) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + blockAt));
        const auto bits = [](__m128i m) { return std::uint32_t(_mm_movemask_epi8(m)); };
        const std::uint32_t slashes = bits(_mm_cmpeq_epi8(v, slash)) >> skip;
        const std::uint32_t dots = bits(_mm_cmpeq_epi8(v, dot)) >> skip;
        // The sign bit of v itself marks bytes >= 0x80.
        rare |= bits(_mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, backslash), _mm_cmpeq_epi8(v, zero)), v));
        suspect |= ((slashes << 1) | slashBefore) & (slashes | dots);
        slashBefore = (slashes >> (15 - skip)) & 1;
        lastSlashesAt = slashes ? blockAt + skip : lastSlashesAt;
        lastSlashes = slashes ? slashes : lastSlashes;
    };
    std::size_t at = 0;
    for (; n - at >= 16; at += 16)
        scanBlock(at, 0);
    if (at < n)
        scanBlock(n - 16, unsigned(16 - (n - at)));
    PathScan r;
    r.mayNeedCleaning = suspect != 0;
    if (lastSlashes)
        r.lastSlash = qsizetype(lastSlashesAt) + 31 - std::countl_zero(lastSlashes);
    if (rare)
        findRareBytes(path, r);
    return r;
#else
    return scanPathByWords(path);
#endif
}

} // namespace packscope
