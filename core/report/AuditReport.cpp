#include "report/AuditReport.h"
#include "session/Session.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace packscope {

namespace {

AuditReport::FileRef fileRef(const Session &session, int package, NodeId node)
{
    const PackageTree &tree = session.package(package)->tree;
    const PackageNode &n = tree.node(node);
    return {session.package(package)->path, tree.path(node), n.totals.footprint, n.totals.unzipped};
}

} // namespace

int AuditReport::failedLimits() const
{
    return int(std::count_if(limits.begin(), limits.end(),
                             [](const Limit &l) { return !l.result.pass && !l.result.rule.isInfo(); }));
}

int AuditReport::passedLimits() const
{
    return int(std::count_if(limits.begin(), limits.end(),
                             [](const Limit &l) { return l.result.pass && !l.result.rule.isInfo(); }));
}

AuditReport AuditReport::build(const Session &session, int topN)
{
    AuditReport report;
    report.profileId = session.profile().id;
    report.profileName = session.profile().name;
    // Written from the evaluation the views show: the report and the window
    // cannot disagree.
    const Evaluation &evaluation = session.evaluation();
    report.layersUnzipped = evaluation.measures.layersUnzipped;
    report.functionBudget = evaluation.functionUnzippedBudget;

    struct Candidate {
        std::uint64_t bytes;
        int package;
        NodeId node;
    };
    std::vector<Candidate> largest;
    auto smaller = [](const Candidate &a, const Candidate &b) {
        if (a.bytes != b.bytes)
            return a.bytes > b.bytes;
        return a.package != b.package ? a.package < b.package : a.node < b.node;
    };

    for (int p = 0; p < session.packageCount(); ++p) {
        const PackagePtr &package = session.package(p);
        if (!package)
            continue;
        const ExclusionSet &exclusions = session.exclusions(p);
        const PackageTree &tree = package->tree;
        PackageSummary summary;
        summary.path = package->path;
        summary.role = p == 0 ? u"function"_s : u"layer"_s;
        summary.format = formatName(package->format);
        const PackageMeasures &measured = evaluation.packages[std::size_t(p)];
        summary.excluded = measured.excluded;
        summary.kept = measured.kept;
        summary.zippedBytes = measured.zippedBytes;
        summary.zippedEstimated = measured.zippedEstimated;
        report.packages.push_back(summary);

        for (const PackageWarning &warning : package->warnings)
            report.warnings.push_back({package->path, warning});
        for (const auto &[code, left] : package->warnings.omitted())
            report.warnings.push_back(
                {package->path,
                 {code, QString(),
                  u"%1 more entries have this warning (the first %2 are listed)"_s.arg(left).arg(
                      PackageWarnings::kListedPerCode)}});

        if (topN <= 0)
            continue;
        // Keep a bounded min-heap of the topN largest kept files.
        const std::vector<std::uint8_t> excluded = exclusions.excludedMask();
        for (NodeId id = 1; id < tree.nodeCount(); ++id) {
            const PackageNode &node = tree.node(id);
            if (node.kind == NodeKind::Folder || (!excluded.empty() && excluded[id]))
                continue;
            const Candidate c{node.totals.unzipped, p, id};
            if (largest.size() < std::size_t(topN)) {
                largest.push_back(c);
                std::push_heap(largest.begin(), largest.end(), smaller);
            } else if (smaller(c, largest.front())) {
                std::pop_heap(largest.begin(), largest.end(), smaller);
                largest.back() = c;
                std::push_heap(largest.begin(), largest.end(), smaller);
            }
        }
    }
    std::sort_heap(largest.begin(), largest.end(), smaller);
    for (const Candidate &c : largest)
        report.largest.push_back(fileRef(session, c.package, c.node));

    for (const LimitResult &result : evaluation.limits) {
        Limit limit;
        for (const Culprit &culprit : result.culprits) {
            FileRef ref = fileRef(session, culprit.package, culprit.node);
            limit.culprits.push_back(ref);
        }
        limit.result = result;
        report.limits.push_back(std::move(limit));
    }
    return report;
}

} // namespace packscope
