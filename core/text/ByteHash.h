#pragma once

#include <QByteArrayView>

#include <cstdint>

namespace packscope {

// A fast 64-bit hash of byte strings for the tree builder's tables: one
// multiplication per 8 bytes, where qHash's SipHash took a dozen rounds.
// Seeded from QHashSeed, so a crafted package cannot aim collisions at a
// table without knowing the process's seed; the tables compare the bytes of
// every candidate anyway, so a collision costs time, never a wrong answer.
std::uint64_t hashBytes(QByteArrayView bytes);

} // namespace packscope
