#pragma once

#include <cstdint>

namespace packscope {

// Byte and entry counts of a node or subtree, the unit every total in
// Packscope is made of (tree folders, exclusions, package summaries).
// `files` counts every non-directory entry, symlinks included (so files + dirs
// is the number of entries, as zip tools count them); `symlinks` says how many
// of those files are symlinks. `dirs` counts directory entries only, not folders
// implied by paths.
struct SizeTotals {
    std::uint64_t unzipped = 0;    // declared uncompressed bytes
    std::uint64_t compressed = 0;  // compressed data bytes
    std::uint64_t footprint = 0;   // bytes the zip shrinks by without these entries
    std::uint32_t files = 0;
    std::uint32_t dirs = 0;
    std::uint32_t symlinks = 0;

    SizeTotals &operator+=(const SizeTotals &o)
    {
        unzipped += o.unzipped;
        compressed += o.compressed;
        footprint += o.footprint;
        files += o.files;
        dirs += o.dirs;
        symlinks += o.symlinks;
        return *this;
    }
    SizeTotals &operator-=(const SizeTotals &o)
    {
        unzipped -= o.unzipped;
        compressed -= o.compressed;
        footprint -= o.footprint;
        files -= o.files;
        dirs -= o.dirs;
        symlinks -= o.symlinks;
        return *this;
    }
    friend SizeTotals operator-(SizeTotals a, const SizeTotals &b) { return a -= b; }
    friend SizeTotals operator+(SizeTotals a, const SizeTotals &b) { return a += b; }
    bool operator==(const SizeTotals &) const = default;
};

} // namespace packscope
