#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>

namespace packscope {

// How far a reader has got with a package, for a progress bar: the bytes of
// the file consumed so far and the file's size (0 when unknown: a folder),
// and the entries read so far.
struct LoadProgress {
    std::uint64_t bytesRead = 0;
    std::uint64_t bytesTotal = 0;
    std::uint64_t entries = 0;

    // Thousandths of the file read, 0 when its size is unknown.
    int permille() const
    {
        return bytesTotal == 0 ? 0 : int(std::min<std::uint64_t>(1000, bytesRead * 1000 / bytesTotal));
    }

    // An estimate of the entries in all, from the share of the file read so
    // far (archives of similar files spread them evenly); 0 when unknown.
    std::uint64_t estimatedEntries() const
    {
        if (bytesTotal == 0 || bytesRead == 0)
            return 0;
        const double share = double(bytesRead) / double(bytesTotal);
        return std::max(entries, std::uint64_t(double(entries) / std::min(1.0, share) + 0.5));
    }
};

// Called now and then by a reader, on its own thread, with how far it has
// got; returning false stops the read (the reader then returns "cancelled").
using LoadProgressSink = std::function<bool(const LoadProgress &)>;

} // namespace packscope
