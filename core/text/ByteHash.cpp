#include "text/ByteHash.h"
#include "text/ByteWords.h"

#include <QHashFunctions>

namespace packscope {

namespace {

__extension__ typedef unsigned __int128 Product;  // GCC and Clang on 64-bit targets

constexpr std::uint64_t kGolden = 0x9E3779B97F4A7C15u;
constexpr std::uint64_t kMix = 0xD6E8FEB86659FD93u;

// Both halves of the 128-bit product folded together: every input bit
// reaches many output bits in one multiplication.
std::uint64_t fold(std::uint64_t a, std::uint64_t b)
{
    const Product product = Product(a) * b;
    return std::uint64_t(product) ^ std::uint64_t(product >> 64);
}

} // namespace

std::uint64_t hashBytes(QByteArrayView bytes)
{
    static const std::uint64_t seed = fold(std::uint64_t(QHashSeed::globalSeed()) ^ kGolden, kMix) | 1;
    const char *p = bytes.data();
    const auto size = std::size_t(bytes.size());
    std::uint64_t h = seed ^ (size * kGolden);
    std::size_t at = 0;
    for (; size - at >= 8; at += 8)
        h = fold(h ^ words::load(p + at), kMix);
    if (at < size)
        h = fold(h ^ words::loadTail(p, size, at, 0), kMix);
    return fold(h ^ seed, kGolden);
}

} // namespace packscope
