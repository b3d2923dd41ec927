#include "treemap/TreemapSource.h"
#include "session/Session.h"

namespace packscope {

TreemapSource TreemapSource::viewOf(const Session &session)
{
    TreemapSource source;
    for (int p = 0; p < session.packageCount(); ++p) {
        source.m_packages.push_back(session.package(p));
        source.m_exclusions.push_back(&session.exclusions(p));
    }
    return source;
}

TreemapSource TreemapSource::snapshotOf(const Session &session)
{
    TreemapSource source;
    source.m_owned.reserve(std::size_t(session.packageCount()));
    for (int p = 0; p < session.packageCount(); ++p) {
        source.m_packages.push_back(session.package(p));
        // The copy points at the tree inside the package, which the shared
        // pointer above keeps alive.
        source.m_owned.push_back(session.exclusions(p));
    }
    for (const ExclusionSet &set : source.m_owned)
        source.m_exclusions.push_back(&set);
    return source;
}

} // namespace packscope
