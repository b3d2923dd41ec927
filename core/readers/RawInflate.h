#pragma once

#include <QByteArray>

#include <cstdint>

namespace packscope {

// Inflates a raw deflate stream (a zip entry's data, method 8) into at most
// `maxOut` bytes. `*complete` (if given) says whether the stream ended within
// them. Never allocates more than `maxOut`, whatever the input claims: the
// one place Packscope decompresses entry data.
QByteArray rawInflate(const unsigned char *in, std::uint64_t inSize, qsizetype maxOut, bool *complete = nullptr);

} // namespace packscope
