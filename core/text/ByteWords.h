#pragma once

#include <QtGlobal>

#include <cstdint>
#include <cstring>

// Eight bytes at a time: the word tricks the path and name scans share, so
// a 60-byte entry name costs eight steps instead of sixty.
namespace packscope::words {

inline constexpr std::uint64_t kOnes = 0x0101010101010101u;
inline constexpr std::uint64_t kLow7 = 0x7F7F7F7F7F7F7F7Fu;
inline constexpr std::uint64_t kHigh = 0x8080808080808080u;

inline std::uint64_t load(const char *p)
{
    std::uint64_t word;
    std::memcpy(&word, p, sizeof word);
    return word;
}

// Bytes `at` to `size` (1 to 7 of them) of the string at `begin`, in the low
// bytes of a word, the rest filled with `pad` (a byte no scan looks for).
// A string of 8 bytes or more gives its last 8 in one load: copying the tail
// through a buffer stalls the load that follows.
inline std::uint64_t loadTail(const char *begin, std::size_t size, std::size_t at, unsigned char pad)
{
    Q_ASSERT(at < size && size - at < 8);
    const std::size_t count = size - at;
    std::uint64_t word = 0;
    if (size >= 8) {
        word = load(begin + size - 8) >> (8 * (8 - count));
    } else {
        for (std::size_t i = count; i-- > 0;)
            word = (word << 8) | static_cast<unsigned char>(begin[at + i]);
    }
    return word | ((kOnes * pad) << (8 * count));
}

// The high bit of every byte of `word` equal to `c`, exactly: the sum never
// carries from one byte into the next, so there are no false matches.
inline std::uint64_t bytesEqual(std::uint64_t word, unsigned char c)
{
    const std::uint64_t x = word ^ (kOnes * c);
    return ~(((x & kLow7) + kLow7) | x | kLow7);
}

// Nonzero when some byte of `word` is zero. Only the answer is exact: which
// bits are set above the first zero byte is not.
inline std::uint64_t hasZeroByte(std::uint64_t word)
{
    return (word - kOnes) & ~word & kHigh;
}

// Whether `size` bytes at `a` and at `b` are equal, inline: for the short
// folder paths the tree builder compares once an entry, a call to memcmp
// costs more than the comparison itself.
inline bool sameBytes(const char *a, const char *b, std::size_t size)
{
    if (size < 8)
        return size == 0 || loadTail(a, size, 0, 0) == loadTail(b, size, 0, 0);
    for (std::size_t at = 0; at + 8 < size; at += 8) {
        if (load(a + at) != load(b + at))
            return false;
    }
    return load(a + size - 8) == load(b + size - 8);  // the last 8, overlapping if need be
}

} // namespace packscope::words
