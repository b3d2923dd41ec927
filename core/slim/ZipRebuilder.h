#pragma once

#include "model/Package.h"

#include <QString>

#include <vector>

class QIODevice;

namespace packscope {

// What rebuilding wrote.
struct ZipRebuild {
    QString error;
    std::uint64_t entries = 0;  // entries written
    std::uint64_t removed = 0;  // entries of the input left out
};

// Zips a folder or archive package anew, without its excluded items, the
// way `zip -r` would lay it out: a directory entry per folder, files deflated
// at level 6, symlinks stored as links, Unix modes kept. Entries come in the
// reader's order with one fixed timestamp (1980-01-01), so the same input
// always gives the same bytes.
class ZipRebuilder
{
public:
    // `excluded`: ExclusionSet::excludedMask() (empty when nothing is excluded).
    static ZipRebuild write(const Package &package, const std::vector<std::uint8_t> &excluded, QIODevice &out);
};

} // namespace packscope
