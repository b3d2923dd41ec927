#pragma once

#include "model/PackageTree.h"

#include <vector>

namespace packscope {

class GlobPattern;

// The what-if state of one package: the nodes a user excluded, beside the
// immutable tree. Excluding a folder excludes everything below it (and its own
// directory entry). Per-node excluded totals are kept up to date along the
// ancestor chain, so each change costs O(depth) and every folder's remaining
// size is known at once. Excluding a folder keeps the marks of items excluded
// inside it: restoring the folder brings back exactly the earlier state.
class ExclusionSet
{
public:
    ExclusionSet() = default;
    explicit ExclusionSet(const PackageTree *tree);

    // Returns false (and changes nothing) when the node is already excluded,
    // itself or through an ancestor, or is the root.
    bool exclude(NodeId id);
    // Returns false when the node is not itself excluded (an item excluded
    // only because its folder is cannot be restored on its own).
    bool restore(NodeId id);
    // Excludes every node whose path matches; returns how many marks it added
    // and, when `added` is given, appends those nodes to it.
    int excludeMatching(const GlobPattern &glob, std::vector<NodeId> *added = nullptr);
    void clear();

    bool isEmpty() const { return m_markCount == 0; }
    bool isExcluded(NodeId id) const;  // itself or through an ancestor
    bool isMarked(NodeId id) const { return !m_marked.empty() && m_marked[id]; }
    // Nodes the user excluded themselves, in id order.
    std::vector<NodeId> markedNodes() const;
    // One flag per node, 1 when excluded (itself or through an ancestor), in
    // O(nodes); empty when nothing is excluded. For passes over every node.
    std::vector<std::uint8_t> excludedMask() const;

    // Excluded part of the node's subtree: all of it when the node is excluded,
    // itself or through an ancestor. O(depth).
    SizeTotals excludedTotals(NodeId id) const;
    // What remains of the node's subtree after exclusion.
    SizeTotals keptTotals(NodeId id) const { return m_tree->node(id).totals - excludedTotals(id); }
    // The same in O(1), for walks that already know the node's parent is not
    // excluded (then the node is excluded exactly when it is marked).
    SizeTotals keptTotalsInKeptFolder(NodeId id) const
    {
        if (m_markCount == 0)
            return m_tree->node(id).totals;
        return m_marked[id] ? SizeTotals{} : m_tree->node(id).totals - m_inner[id];
    }

    const PackageTree *tree() const { return m_tree; }

private:
    void propagate(NodeId from, const SizeTotals &added, const SizeTotals &removed);

    const PackageTree *m_tree = nullptr;
    // Allocated on first exclusion, so an audit without exclusions pays nothing.
    std::vector<std::uint8_t> m_marked;
    std::vector<SizeTotals> m_inner;  // excluded totals from marks strictly below the node
    int m_markCount = 0;
};

} // namespace packscope
