#pragma once

#include "model/Package.h"
#include "whatif/ExclusionSet.h"

#include <vector>

namespace packscope {

class Session;

// The packages and exclusions a treemap is laid out over: a view into a
// Session (same thread, no copies), or a snapshot that owns copies of the
// exclusions, so that a background job can lay out and paint while the user
// goes on editing the session.
class TreemapSource
{
public:
    static TreemapSource viewOf(const Session &session);
    static TreemapSource snapshotOf(const Session &session);

    TreemapSource(TreemapSource &&) = default;
    TreemapSource &operator=(TreemapSource &&) = default;
    TreemapSource(const TreemapSource &) = delete;
    TreemapSource &operator=(const TreemapSource &) = delete;

    int packageCount() const { return int(m_packages.size()); }
    bool has(int index) const { return index >= 0 && index < packageCount() && m_packages[std::size_t(index)]; }
    const Package &package(int index) const { return *m_packages[std::size_t(index)]; }
    const ExclusionSet &exclusions(int index) const { return *m_exclusions[std::size_t(index)]; }

private:
    TreemapSource() = default;

    std::vector<PackagePtr> m_packages;
    std::vector<const ExclusionSet *> m_exclusions;
    std::vector<ExclusionSet> m_owned;  // a snapshot's copies; moving keeps their addresses
};

} // namespace packscope
