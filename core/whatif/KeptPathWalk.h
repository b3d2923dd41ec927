#pragma once

#include "model/PackageTree.h"
#include "whatif/ExclusionSet.h"

#include <QByteArray>

#include <vector>

namespace packscope {

// The one walk by path over what a package keeps: every node not excluded,
// depth first in child order, with its path ("lib/a/b.py"); an excluded item
// is skipped with all it holds. `visit(node, path, isFolder)` returns whether
// to go into a folder's children, so a matched folder stands for its
// contents. For whatever matches globs against kept items (rules, globs the
// user types). Marks `visit` adds are seen: a node excluded on the way is not
// walked into.
template<typename Visit>
void walkKeptPaths(const PackageTree &tree, const ExclusionSet &exclusions, Visit &&visit)
{
    // An explicit stack: `path` holds the parent's path and is cut back as
    // the walk returns.
    struct Frame {
        NodeId node;
        qsizetype parentPathLength;
    };
    std::vector<Frame> stack;
    QByteArray path;
    const auto top = tree.children(tree.root());
    for (auto it = top.rbegin(); it != top.rend(); ++it)
        stack.push_back({*it, 0});
    while (!stack.empty()) {
        const Frame frame = stack.back();
        stack.pop_back();
        if (exclusions.isMarked(frame.node))
            continue;
        path.truncate(frame.parentPathLength);
        if (frame.parentPathLength > 0)
            path += '/';
        path += tree.nameBytes(frame.node);
        const bool folder = tree.isFolder(frame.node);
        if (!visit(frame.node, static_cast<const QByteArray &>(path), folder) || !folder)
            continue;
        const auto kids = tree.children(frame.node);
        for (auto it = kids.rbegin(); it != kids.rend(); ++it)
            stack.push_back({*it, path.size()});
    }
}

} // namespace packscope
