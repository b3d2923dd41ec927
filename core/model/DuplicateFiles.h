#pragma once

#include "model/PackageTree.h"

#include <functional>
#include <span>

namespace packscope {

// Finds files of one folder that have the same name, which a zip can hold
// but an extraction keeps only one of. For each folder in `folders` (in that
// order), its files are taken in name order and `found(earlier, later)` is
// called for each two side by side with the same name: a name held three
// times gives two calls. Needs the tree's child index.
void forEachDuplicateFile(const PackageTree &tree, std::span<const NodeId> folders,
                          const std::function<void(NodeId earlier, NodeId later)> &found);

} // namespace packscope
