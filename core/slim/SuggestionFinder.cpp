#include "slim/SuggestionFinder.h"

#include "limits/CulpritFinder.h"
#include "session/Session.h"
#include "slim/BinarySniffer.h"
#include "whatif/KeptPathWalk.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <map>

using namespace Qt::StringLiterals;

namespace packscope {

namespace {

// Topmost kept nodes of `package` that any of the rule's globs matches, in
// tree order; Python rules do not look inside node_modules.
// Whether `path` is node_modules or lies under one (a file named so does not
// count, as it holds nothing).
bool isInNodeModules(const QByteArray &path, bool folder)
{
    const qsizetype lastSlash = path.lastIndexOf('/');
    const QByteArray parent = lastSlash < 0 ? QByteArray() : path.left(lastSlash);
    const QByteArrayView name = QByteArrayView(path).sliced(lastSlash + 1);
    return (folder && name == "node_modules") || parent == "node_modules" || parent.startsWith("node_modules/")
        || parent.contains("/node_modules/") || parent.endsWith("/node_modules");
}

std::vector<NodeId> globMatches(const PackageTree &tree, const ExclusionSet &exclusions, const SlimRule &rule)
{
    std::vector<NodeId> found;
    walkKeptPaths(tree, exclusions, [&](NodeId node, const QByteArray &path, bool folder) {
        // Python rules stay out of node_modules (a Node package's own tests/).
        if (rule.ecosystem == Ecosystem::Python && isInNodeModules(path, folder))
            return true;
        for (const GlobPattern &glob : rule.globs) {
            if (glob.matches(path, folder)) {
                found.push_back(node);
                return false;
            }
        }
        return true;
    });
    return found;
}

// Files with the same size and CRC-32 as an earlier one (zips only: other
// readers do not compute CRCs). The first copy in tree order is kept.
std::vector<NodeId> duplicateFiles(const PackageTree &tree, const std::vector<std::uint8_t> &excluded)
{
    std::vector<NodeId> found;
    if (tree.zipLocations().empty())
        return found;
    QHash<QPair<quint64, quint32>, NodeId> first;
    for (NodeId id = 1; id < tree.nodeCount(); ++id) {
        const PackageNode &n = tree.node(id);
        if (n.kind != NodeKind::File || n.totals.unzipped == 0 || (!excluded.empty() && excluded[id]))
            continue;
        const ZipEntryLocation *loc = tree.zipLocation(id);
        if (!loc)
            continue;
        const QPair<quint64, quint32> key{n.totals.unzipped, loc->crc32};
        if (first.contains(key))
            found.push_back(id);
        else
            first.insert(key, id);
    }
    return found;
}

// foo.ts (not .d.ts) with foo.js in the same folder.
std::vector<NodeId> typescriptSources(const PackageTree &tree, const std::vector<std::uint8_t> &excluded)
{
    std::vector<NodeId> found;
    for (NodeId folder = 0; folder < tree.nodeCount(); ++folder) {
        if (!tree.isFolder(folder) || (!excluded.empty() && excluded[folder]))
            continue;
        const auto kids = tree.children(folder);
        QSet<QByteArray> scripts;
        for (NodeId kid : kids) {
            const QByteArrayView name = tree.nameBytes(kid);
            if (name.endsWith(".js"))
                scripts.insert(name.chopped(3).toByteArray());
        }
        if (scripts.isEmpty())
            continue;
        for (NodeId kid : kids) {
            const QByteArrayView name = tree.nameBytes(kid);
            if (name.endsWith(".ts") && !name.endsWith(".d.ts") && !(!excluded.empty() && excluded[kid])
                && scripts.contains(name.chopped(3).toByteArray()))
                found.push_back(kid);
        }
    }
    return found;
}

// Native binaries for another OS, or for the package's minority architecture.
std::vector<NodeId> foreignBinaries(const Package &package, const ContentFacts &facts,
                                    const std::vector<std::uint8_t> &excluded, bool otherArch)
{
    std::vector<BinarySniffer::Found> binaries;
    for (const BinarySniffer::Found &b : facts.binaries) {
        if (excluded.empty() || !excluded[b.node])
            binaries.push_back(b);
    }
    std::vector<NodeId> found;
    if (!otherArch) {
        for (const BinarySniffer::Found &b : binaries) {
            if (b.kind == BinaryKind::MachO || b.kind == BinaryKind::PortableExecutable)
                found.push_back(b.node);
        }
        return found;
    }
    std::uint64_t x86 = 0, arm = 0;
    for (const BinarySniffer::Found &b : binaries) {
        x86 += b.kind == BinaryKind::ElfX86_64 ? package.tree.node(b.node).totals.unzipped : 0;
        arm += b.kind == BinaryKind::ElfAarch64 ? package.tree.node(b.node).totals.unzipped : 0;
    }
    if (x86 == 0 || arm == 0)
        return found;
    const BinaryKind minority = x86 >= arm ? BinaryKind::ElfAarch64 : BinaryKind::ElfX86_64;
    for (const BinarySniffer::Found &b : binaries) {
        if (b.kind == minority)
            found.push_back(b.node);
    }
    return found;
}

} // namespace

std::vector<Suggestion> SuggestionFinder::find(const Session &session, const SlimRules &rules,
                                               const std::vector<ContentFacts> *facts, QString *error)
{
    if (error)
        error->clear();
    std::vector<Suggestion> all;
    const SessionMeasures now = session.measures();
    const bool readsContents = std::any_of(rules.rules.begin(), rules.rules.end(), [](const SlimRule &r) {
        return r.detector.contains(u"binaries");
    });
    for (int p = 0; p < session.packageCount(); ++p) {
        const PackagePtr &package = session.package(p);
        if (!package)
            continue;
        const PackageTree &tree = package->tree;
        const ExclusionSet &exclusions = session.exclusions(p);
        const std::vector<std::uint8_t> excluded = exclusions.excludedMask();
        ContentFacts gathered;
        if (readsContents && !(facts && std::size_t(p) < facts->size()))
            gathered = ContentFacts::gather(*package);
        const ContentFacts &known = facts && std::size_t(p) < facts->size() ? (*facts)[std::size_t(p)] : gathered;
        if (error && error->isEmpty() && readsContents)
            *error = known.error;
        for (const SlimRule &rule : rules.rules) {
            Suggestion s;
            s.rule = rule;
            s.package = p;
            std::vector<NodeId> nodes;
            if (rule.detector == u"duplicate-files")
                nodes = duplicateFiles(tree, excluded);
            else if (rule.detector == u"typescript-sources")
                nodes = typescriptSources(tree, excluded);
            else if (rule.detector == u"foreign-os-binaries")
                nodes = foreignBinaries(*package, known, excluded, false);
            else if (rule.detector == u"other-architecture-binaries")
                nodes = foreignBinaries(*package, known, excluded, true);
            else if (rule.detector == u"unstripped-binaries")
                s.advisory = true;
            else
                nodes = globMatches(tree, exclusions, rule);
            if (s.advisory) {
                // The files stay, smaller: exact bytes off the unzipped
                // size, an estimate off the zipped one.
                for (const ContentFacts::Strippable &f : known.strippable) {
                    if (!excluded.empty() && excluded[f.node])
                        continue;
                    s.unzippedSaving += tree.node(f.node).totals.unzipped - std::min(tree.node(f.node).totals.unzipped,
                                                                                     f.strip.strippedSize);
                    s.zippedSaving += std::min(f.strip.deflatedEstimate, tree.node(f.node).totals.footprint);
                    s.items.push_back({p, f.node});
                }
            }
            if (s.items.empty() && nodes.empty())
                continue;
            for (NodeId node : nodes) {
                const SizeTotals kept = exclusions.keptTotals(node);
                s.unzippedSaving += kept.unzipped;
                s.zippedSaving += kept.footprint;
                s.items.push_back({p, node});
            }
            if (s.unzippedSaving == 0 && s.zippedSaving == 0)
                continue;
            // Failing limits need only the measures, not a full evaluate()
            // with its culprit search.
            for (const LimitRule &rule : session.profile().limits) {
                const std::uint64_t value = now.value(rule.measure);
                if (rule.holds(value) || rule.isInfo() || rule.isCount())
                    continue;
                std::uint64_t saving = 0;
                if (rule.measure == LimitMeasure::FunctionZipped && p == 0)
                    saving = s.zippedSaving;
                else if (rule.measure == LimitMeasure::FunctionUnzipped && p == 0)
                    saving = s.unzippedSaving;
                else if (rule.measure == LimitMeasure::TotalUnzipped)
                    saving = s.unzippedSaving;
                if (saving > 0 && rule.holds(value - saving))
                    s.fixes << rule.id;
            }
            all.push_back(std::move(s));
        }
    }
    std::stable_sort(all.begin(), all.end(), [](const Suggestion &a, const Suggestion &b) {
        return std::max(a.unzippedSaving, a.zippedSaving) > std::max(b.unzippedSaving, b.zippedSaving);
    });
    return all;
}

std::vector<std::size_t> SuggestionFinder::fixItPlan(const Session &session, const std::vector<Suggestion> &suggestions,
                                                     bool *enough, std::vector<PlanShortfall> *shortfalls)
{
    if (shortfalls)
        shortfalls->clear();
    // Try the plan on a copy of the session's exclusions.
    auto measuresOf = [&](const std::vector<ExclusionSet> &sets) {
        SessionMeasures m;
        for (int p = 0; p < session.packageCount(); ++p) {
            if (!session.package(p))
                continue;
            const SizeTotals kept = sets[std::size_t(p)].keptTotals(0);
            if (p == 0) {
                m.functionZipped = session.package(0)->fixedZipBytes + kept.footprint;
                m.functionUnzipped = kept.unzipped;
            } else {
                m.layersUnzipped += kept.unzipped;
            }
        }
        m.totalUnzipped = m.functionUnzipped + m.layersUnzipped;
        m.layerCount = std::uint32_t(session.layerCount());
        return m;
    };
    auto failing = [&](const std::vector<ExclusionSet> &sets) {
        const SessionMeasures m = measuresOf(sets);
        int count = 0;
        for (const LimitRule &rule : session.profile().limits)
            count += (!rule.isInfo() && !rule.isCount() && !rule.holds(m.value(rule.measure))) ? 1 : 0;
        return count;
    };
    std::vector<ExclusionSet> sets;
    for (int p = 0; p < session.packageCount(); ++p)
        sets.push_back(session.exclusions(p));
    std::vector<std::size_t> plan;
    if (enough)
        *enough = true;
    if (failing(sets) == 0)
        return plan;
    // Safe first, then caution; within a tier the biggest saving first.
    std::vector<std::size_t> order;
    for (RiskTier tier : {RiskTier::Safe, RiskTier::Caution}) {
        std::vector<std::size_t> inTier;
        for (std::size_t i = 0; i < suggestions.size(); ++i) {
            if (suggestions[i].rule.risk == tier && !suggestions[i].advisory)
                inTier.push_back(i);
        }
        std::stable_sort(inTier.begin(), inTier.end(), [&](std::size_t a, std::size_t b) {
            return std::max(suggestions[a].zippedSaving, suggestions[a].unzippedSaving)
                > std::max(suggestions[b].zippedSaving, suggestions[b].unzippedSaving);
        });
        order.insert(order.end(), inTier.begin(), inTier.end());
    }
    for (std::size_t i : order) {
        for (const NodeRef &ref : suggestions[i].items)
            sets[std::size_t(ref.package)].exclude(ref.node);
        plan.push_back(i);
        if (failing(sets) == 0)
            break;
    }
    if (failing(sets) > 0) {
        if (enough)
            *enough = false;
        if (shortfalls) {
            for (const LimitRule &rule : session.profile().limits) {
                const std::uint64_t value = measuresOf(sets).value(rule.measure);
                if (rule.isInfo() || rule.isCount() || rule.holds(value))
                    continue;
                PlanShortfall shortfall{rule, value, value - rule.largestPassing(), {}, true};
                std::vector<const ExclusionSet *> measured;
                for (const ExclusionSet &set : sets)
                    measured.push_back(set.tree() ? &set : nullptr);
                shortfall.blockers = CulpritFinder::find(measured, rule.measure, shortfall.over,
                                                         &shortfall.blockersSuffice);
                shortfalls->push_back(std::move(shortfall));
            }
        }
        return plan;
    }
    // Drop, last added first, any suggestion the others make unnecessary.
    for (std::size_t k = plan.size(); k-- > 0;) {
        std::vector<ExclusionSet> trial;
        for (int p = 0; p < session.packageCount(); ++p)
            trial.push_back(session.exclusions(p));
        for (std::size_t j = 0; j < plan.size(); ++j) {
            if (j == k)
                continue;
            for (const NodeRef &ref : suggestions[plan[j]].items)
                trial[std::size_t(ref.package)].exclude(ref.node);
        }
        if (failing(trial) == 0)
            plan.erase(plan.begin() + qsizetype(k));
    }
    return plan;
}

} // namespace packscope
