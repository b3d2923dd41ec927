#pragma once

#include "model/PackageTree.h"

namespace packscope {

// A node of one of a session's packages (0 = the function, 1.. = layers):
// how views, drag-and-drop and the edit history name an item.
struct NodeRef {
    int package = 0;
    NodeId node = kNoNode;

    bool isValid() const { return node != kNoNode; }
    bool operator==(const NodeRef &) const = default;
};

} // namespace packscope
