#include "session/Session.h"
#include "limits/CulpritFinder.h"
#include "whatif/GlobPattern.h"

namespace packscope {

std::uint64_t SessionMeasures::value(LimitMeasure measure) const
{
    switch (measure) {
    case LimitMeasure::FunctionZipped:
        return functionZipped;
    case LimitMeasure::FunctionUnzipped:
        return functionUnzipped;
    case LimitMeasure::TotalUnzipped:
        return totalUnzipped;
    case LimitMeasure::LayerCount:
        return layerCount;
    }
    return 0;
}

Session::Session(QObject *parent) : QObject(parent), m_profile(LimitProfile::awsLambda()) {}

Session::~Session() = default;

void Session::setFunction(PackagePtr package)
{
    if (m_packages.empty())
        m_packages.push_back(Entry{});
    m_packages.front().exclusions = ExclusionSet(package ? &package->tree : nullptr);
    m_packages.front().package = std::move(package);
    Q_EMIT changed();
}

void Session::addLayer(PackagePtr package)
{
    if (m_packages.empty())
        m_packages.push_back(Entry{});
    Entry entry;
    entry.exclusions = ExclusionSet(&package->tree);
    entry.package = std::move(package);
    m_packages.push_back(std::move(entry));
    Q_EMIT changed();
}

void Session::removeLayer(int layerIndex)
{
    const int index = layerIndex + 1;
    if (index < 1 || index >= packageCount())
        return;
    m_packages.erase(m_packages.begin() + index);
    Q_EMIT changed();
}

void Session::setProfile(const LimitProfile &profile)
{
    m_profile = profile;
    Q_EMIT changed();
}

bool Session::exclude(int package, NodeId node)
{
    if (package < 0 || package >= packageCount() || !m_packages[std::size_t(package)].package)
        return false;
    const bool done = m_packages[std::size_t(package)].exclusions.exclude(node);
    if (done)
        Q_EMIT changed();
    return done;
}

bool Session::restore(int package, NodeId node)
{
    if (package < 0 || package >= packageCount())
        return false;
    const bool done = m_packages[std::size_t(package)].exclusions.restore(node);
    if (done)
        Q_EMIT changed();
    return done;
}

int Session::excludeMatching(const GlobPattern &glob)
{
    int added = 0;
    for (Entry &entry : m_packages) {
        if (entry.package)
            added += entry.exclusions.excludeMatching(glob);
    }
    if (added > 0)
        Q_EMIT changed();
    return added;
}

void Session::clearExclusions()
{
    for (Entry &entry : m_packages)
        entry.exclusions.clear();
    Q_EMIT changed();
}

SessionMeasures Session::measures() const
{
    SessionMeasures m;
    for (int i = 0; i < packageCount(); ++i) {
        const Entry &entry = m_packages[std::size_t(i)];
        if (!entry.package)
            continue;
        const SizeTotals kept = entry.exclusions.keptTotals(entry.package->tree.root());
        if (i == 0) {
            m.functionZipped = entry.package->fixedZipBytes + kept.footprint;
            m.functionUnzipped = kept.unzipped;
        } else {
            m.layersUnzipped += kept.unzipped;
        }
    }
    m.totalUnzipped = m.functionUnzipped + m.layersUnzipped;
    m.layerCount = std::uint32_t(layerCount());
    return m;
}

std::uint64_t Session::functionUnzippedBudget() const
{
    const LimitRule *rule = nullptr;
    for (const LimitRule &r : m_profile.limits) {
        if (r.measure == LimitMeasure::TotalUnzipped && !r.isInfo())
            rule = &r;
    }
    if (!rule)
        return 0;
    const std::uint64_t layers = measures().layersUnzipped;
    return rule->limit > layers ? rule->limit - layers : 0;
}

std::vector<LimitResult> Session::evaluate() const
{
    const SessionMeasures m = measures();
    std::vector<LimitResult> results;
    results.reserve(std::size_t(m_profile.limits.size()));
    for (const LimitRule &rule : m_profile.limits) {
        LimitResult result;
        result.rule = rule;
        result.value = m.value(rule.measure);
        result.pass = rule.holds(result.value);
        result.headroom = std::int64_t(rule.limit) - std::int64_t(result.value);
        // Informational limits (the console editor's 3 MiB) would name most of
        // a large package; culprits are only worth finding for real limits.
        if (!result.pass && !rule.isInfo())
            result.culprits = CulpritFinder::find(*this, rule.measure, result.value - rule.largestPassing(),
                                                  &result.culpritsSuffice);
        results.push_back(std::move(result));
    }
    return results;
}

} // namespace packscope
