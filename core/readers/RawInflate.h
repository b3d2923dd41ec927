#pragma once

#include <QByteArray>

#include <cstdint>
#include <functional>

namespace packscope {

// Inflates a raw deflate stream (a zip entry's data, method 8) into at most
// `maxOut` bytes. `*complete` (if given) says whether the stream ended within
// them. Never allocates more than `maxOut`, whatever the input claims: the
// one place Packscope decompresses entry data.
QByteArray rawInflate(const unsigned char *in, std::uint64_t inSize, qsizetype maxOut, bool *complete = nullptr);

// The same with the input read piece by piece: `next` fills its buffer with
// up to `room` more bytes and returns how many (0 at the end, -1 on a read
// error, which gives what was inflated so far, incomplete). Lets the input
// come from a file with read(2), so only as much is read as is inflated.
QByteArray rawInflate(const std::function<qint64(unsigned char *buffer, qint64 room)> &next, qsizetype maxOut,
                      bool *complete = nullptr);

} // namespace packscope
