#include "whatif/ExclusionSet.h"
#include "whatif/KeptPathWalk.h"
#include "whatif/GlobPattern.h"

namespace packscope {

ExclusionSet::ExclusionSet(const PackageTree *tree) : m_tree(tree) {}

bool ExclusionSet::isExcluded(NodeId id) const
{
    if (m_markCount == 0)
        return false;
    for (NodeId n = id; n != kNoNode; n = m_tree->node(n).parent) {
        if (m_marked[n])
            return true;
    }
    return false;
}

SizeTotals ExclusionSet::excludedTotals(NodeId id) const
{
    if (m_markCount == 0)
        return {};
    return isExcluded(id) ? m_tree->node(id).totals : m_inner[id];
}

void ExclusionSet::propagate(NodeId from, const SizeTotals &added, const SizeTotals &removed)
{
    // Inner totals move up to the first marked ancestor: above it, that
    // ancestor counts as wholly excluded whatever happens inside it.
    for (NodeId n = m_tree->node(from).parent; n != kNoNode; n = m_tree->node(n).parent) {
        m_inner[n] += added;
        m_inner[n] -= removed;
        if (m_marked[n])
            break;
    }
}

bool ExclusionSet::exclude(NodeId id)
{
    if (!m_tree || id == m_tree->root() || id >= m_tree->nodeCount() || isExcluded(id))
        return false;
    if (m_marked.empty()) {
        m_marked.assign(m_tree->nodeCount(), 0);
        m_inner.assign(m_tree->nodeCount(), SizeTotals{});
    }
    const SizeTotals before = m_inner[id];
    m_marked[id] = 1;
    ++m_markCount;
    propagate(id, m_tree->node(id).totals, before);
    return true;
}

bool ExclusionSet::restore(NodeId id)
{
    if (!isMarked(id))
        return false;
    m_marked[id] = 0;
    --m_markCount;
    propagate(id, m_inner[id], m_tree->node(id).totals);
    return true;
}

int ExclusionSet::excludeMatching(const GlobPattern &glob, std::vector<NodeId> *addedNodes)
{
    if (!m_tree || !glob.isValid() || m_tree->nodeCount() <= 1)
        return 0;
    int added = 0;
    walkKeptPaths(*m_tree, *this, [&](NodeId node, const QByteArray &path, bool folder) {
        if (!glob.matches(path, folder))
            return true;
        if (exclude(node)) {
            ++added;
            if (addedNodes)
                addedNodes->push_back(node);
        }
        return false;
    });
    return added;
}

void ExclusionSet::clear()
{
    m_marked.clear();
    m_inner.clear();
    m_markCount = 0;
}

std::vector<NodeId> ExclusionSet::markedNodes() const
{
    std::vector<NodeId> nodes;
    for (std::size_t i = 0; i < m_marked.size(); ++i) {
        if (m_marked[i])
            nodes.push_back(NodeId(i));
    }
    return nodes;
}

} // namespace packscope

namespace packscope {

std::vector<std::uint8_t> ExclusionSet::excludedMask() const
{
    std::vector<std::uint8_t> mask;
    if (m_markCount == 0)
        return mask;
    // Parents come before children, so one pass carries "excluded" down.
    mask.assign(m_tree->nodeCount(), 0);
    for (NodeId id = 1; id < m_tree->nodeCount(); ++id)
        mask[id] = m_marked[id] || mask[m_tree->node(id).parent];
    return mask;
}

} // namespace packscope
