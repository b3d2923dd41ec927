#include "readers/RawInflate.h"

#include <zlib.h>

#include <algorithm>

namespace packscope {

QByteArray rawInflate(const std::function<qint64(unsigned char *, qint64)> &next, qsizetype maxOut, bool *complete)
{
    if (complete)
        *complete = false;
    QByteArray out;
    z_stream stream{};
    if (maxOut < 0 || inflateInit2(&stream, -MAX_WBITS) != Z_OK)
        return out;
    const qsizetype room = maxOut + 1;  // as below: one more, to see the end
    out.resize(room);
    stream.next_out = reinterpret_cast<unsigned char *>(out.data());
    stream.avail_out = uInt(room);
    unsigned char buffer[64 * 1024];
    int status = Z_OK;
    while (status == Z_OK) {
        if (stream.avail_in == 0) {
            const qint64 got = next(buffer, qint64(sizeof buffer));
            if (got <= 0)
                break;  // end of input without the end of the stream, or a read error
            stream.next_in = buffer;
            stream.avail_in = uInt(got);
        }
        status = inflate(&stream, Z_NO_FLUSH);
        if (status == Z_BUF_ERROR || (status == Z_OK && stream.avail_out == 0))
            break;
    }
    const qsizetype produced = room - qsizetype(stream.avail_out);
    if (complete)
        *complete = status == Z_STREAM_END && produced <= maxOut;
    out.truncate(std::min(produced, maxOut));
    inflateEnd(&stream);
    return out;
}

QByteArray rawInflate(const unsigned char *in, std::uint64_t inSize, qsizetype maxOut, bool *complete)
{
    if (complete)
        *complete = false;
    QByteArray out;
    z_stream stream{};
    if (maxOut < 0 || inflateInit2(&stream, -MAX_WBITS) != Z_OK)
        return out;
    // One byte more than asked, so that a stream of exactly maxOut bytes is
    // seen to end, and a longer one is seen not to.
    const qsizetype room = maxOut + 1;
    out.resize(room);
    stream.next_out = reinterpret_cast<unsigned char *>(out.data());
    stream.avail_out = uInt(room);
    int status = Z_OK;
    // zlib counts input in 32 bits: feed it in slices.
    while (status == Z_OK) {
        if (stream.avail_in == 0 && inSize > 0) {
            const auto slice = std::uint32_t(std::min<std::uint64_t>(inSize, 1u << 30));
            stream.next_in = const_cast<unsigned char *>(in);
            stream.avail_in = slice;
            in += slice;
            inSize -= slice;
        }
        status = inflate(&stream, Z_NO_FLUSH);
        if (status == Z_BUF_ERROR || (status == Z_OK && stream.avail_out == 0))
            break;  // out of input, or out of room
    }
    const qsizetype produced = room - qsizetype(stream.avail_out);
    if (complete)
        *complete = status == Z_STREAM_END && produced <= maxOut;
    out.truncate(std::min(produced, maxOut));
    inflateEnd(&stream);
    return out;
}

} // namespace packscope
