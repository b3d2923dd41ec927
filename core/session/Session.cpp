#include "session/Session.h"
#include "limits/CulpritFinder.h"
#include "whatif/NodeFilter.h"
#include "whatif/GlobPattern.h"

#include <QFileInfo>
#include <QSet>

#include <algorithm>

namespace packscope {

Session::Session(QObject *parent) : QObject(parent), m_profile(LimitProfile::awsLambda()) {}

Session::~Session() = default;

void Session::setFunction(PackagePtr package)
{
    if (m_packages.empty())
        m_packages.push_back(Entry{});
    m_packages.front().exclusions = ExclusionSet(package ? &package->tree : nullptr);
    m_packages.front().reasons.clear();
    m_packages.front().package = std::move(package);
    m_history.clear();
    Q_EMIT packagesChanged();
    emitChanged();
}

void Session::open(PackagePtr function, std::vector<PackagePtr> layers)
{
    m_packages.clear();
    m_packages.push_back(Entry{});
    m_packages.front().exclusions = ExclusionSet(function ? &function->tree : nullptr);
    m_packages.front().package = std::move(function);
    for (PackagePtr &layer : layers) {
        if (!layer)
            continue;
        Entry entry;
        entry.exclusions = ExclusionSet(&layer->tree);
        entry.package = std::move(layer);
        m_packages.push_back(std::move(entry));
    }
    m_history.clear();
    Q_EMIT packagesChanged();
    emitChanged();
}

void Session::applyLayer(ExclusionEdit::LayerStep &step, bool attach)
{
    if (attach) {
        if (m_packages.empty())
            m_packages.push_back(Entry{});
        const int index = std::clamp(step.index, 1, packageCount());
        Entry entry;
        entry.exclusions = ExclusionSet(&step.package->tree);
        entry.package = step.package;
        m_packages.insert(m_packages.begin() + index, std::move(entry));
        for (const ExclusionEdit::Change &mark : step.marks)
            apply({{index, mark.ref.node}, true, mark.reason});
        return;
    }
    if (step.index < 1 || step.index >= packageCount())
        return;
    Entry &entry = m_packages[std::size_t(step.index)];
    step.marks.clear();
    for (NodeId node : entry.exclusions.markedNodes())
        step.marks.push_back({{step.index, node}, true, entry.reasons.value(node)});
    m_packages.erase(m_packages.begin() + step.index);
}

void Session::addLayer(PackagePtr package)
{
    if (!package)
        return;
    ExclusionEdit edit;
    edit.label = tr("Add Layer %1").arg(QFileInfo(package->path).fileName());
    edit.layer = ExclusionEdit::LayerStep{true, std::max(1, packageCount()), std::move(package), {}};
    applyLayer(*edit.layer, true);
    m_history.record(edit);
    Q_EMIT packagesChanged();
    emitChanged();
}

void Session::removeLayer(int layerIndex)
{
    const int index = layerIndex + 1;
    if (index < 1 || index >= packageCount())
        return;
    ExclusionEdit edit;
    edit.label = tr("Remove Layer %1").arg(QFileInfo(package(index)->path).fileName());
    edit.layer = ExclusionEdit::LayerStep{false, index, package(index), {}};
    applyLayer(*edit.layer, false);
    m_history.record(edit);
    Q_EMIT packagesChanged();
    emitChanged();
}

void Session::setProfile(const LimitProfile &profile)
{
    m_profile = profile;
    emitChanged();
}

ExclusionSet *Session::exclusionsOf(int package)
{
    if (package < 0 || package >= packageCount() || !m_packages[std::size_t(package)].package)
        return nullptr;
    return &m_packages[std::size_t(package)].exclusions;
}

bool Session::apply(const ExclusionEdit::Change &change)
{
    ExclusionSet *set = exclusionsOf(change.ref.package);
    if (!set)
        return false;
    const bool applied = change.excluded ? set->exclude(change.ref.node) : set->restore(change.ref.node);
    QHash<NodeId, QString> &reasons = m_packages[std::size_t(change.ref.package)].reasons;
    if (applied && change.excluded && !change.reason.isEmpty())
        reasons.insert(change.ref.node, change.reason);
    else if (applied)
        reasons.remove(change.ref.node);
    return applied;
}

SizeTotals Session::combinedTotals(const std::vector<NodeRef> &refs) const
{
    // A set, not a search of `refs`: a glob's group can hold thousands.
    QSet<std::pair<int, NodeId>> listed;
    for (const NodeRef &ref : refs)
        listed.insert({ref.package, ref.node});
    SizeTotals total;
    for (const NodeRef &ref : refs) {
        if (ref.package < 0 || ref.package >= packageCount() || !package(ref.package))
            continue;
        const PackageTree &tree = package(ref.package)->tree;
        bool inside = false;
        for (NodeId up = tree.node(ref.node).parent; up != kNoNode && !inside; up = tree.node(up).parent)
            inside = listed.contains({ref.package, up});
        if (!inside)
            total += tree.node(ref.node).totals;
    }
    return total;
}

SizeTotals Session::excludedTotals() const
{
    SizeTotals total;
    for (int p = 0; p < packageCount(); ++p) {
        if (!package(p))
            continue;
        SizeTotals excluded = exclusions(p).excludedTotals(0);
        if (p > 0)
            excluded.footprint = 0;
        total += excluded;
    }
    return total;
}

Session::FilterMatches Session::matching(const NodeFilter &filter) const
{
    FilterMatches found;
    if (filter.isEmpty())
        return found;
    for (int p = 0; p < packageCount(); ++p) {
        if (!package(p))
            continue;
        const PackageTree &tree = package(p)->tree;
        const ExclusionSet &set = exclusions(p);
        // Parents come before their children, so one pass knows whether an
        // ancestor matched (then the node is counted through it).
        std::vector<std::uint8_t> under(tree.nodeCount(), 0);
        for (NodeId id = 1; id < tree.nodeCount(); ++id) {
            if (under[tree.node(id).parent]) {
                under[id] = 1;
                continue;
            }
            const QByteArray path = filter.isGlob() ? tree.pathBytes(id) : QByteArray();
            if (!filter.matches(tree.nameBytes(id), path, tree.isFolder(id)))
                continue;
            under[id] = 1;
            if (set.isExcluded(id))
                continue;
            found.items.push_back({p, id});
            SizeTotals kept = set.keptTotals(id);
            if (p > 0)
                kept.footprint = 0;
            found.totals += kept;
        }
    }
    return found;
}

QString Session::exclusionReason(const NodeRef &ref) const
{
    if (ref.package < 0 || ref.package >= packageCount())
        return {};
    return m_packages[std::size_t(ref.package)].reasons.value(ref.node);
}

void Session::announce(const ExclusionEdit &edit)
{
    std::vector<NodeRef> items;
    items.reserve(edit.changes.size());
    for (const ExclusionEdit::Change &change : edit.changes)
        items.push_back(change.ref);
    Q_EMIT itemsChanged(items);
    emitChanged();
}

void Session::finishEdit(const ExclusionEdit &edit)
{
    if (edit.changes.empty())
        return;
    m_history.record(edit);
    announce(edit);  // after recording, so that observers see the new undo state
}

bool Session::exclude(int package, NodeId node)
{
    return exclude(std::vector<NodeRef>{{package, node}}) == 1;
}

bool Session::restore(int package, NodeId node)
{
    return restore(std::vector<NodeRef>{{package, node}}) == 1;
}

int Session::exclude(const std::vector<NodeRef> &nodes, const QString &reason)
{
    std::vector<ReasonedRef> items;
    items.reserve(nodes.size());
    for (const NodeRef &ref : nodes)
        items.push_back({ref, reason});
    return excludeWithReasons(items);
}

int Session::excludeWithReasons(const std::vector<ReasonedRef> &items)
{
    ExclusionEdit edit;
    for (const ReasonedRef &item : items) {
        if (apply({item.ref, true, item.reason}))
            edit.changes.push_back({item.ref, true, item.reason});
    }
    const int count = int(edit.changes.size());
    edit.label = count == 1 ? tr("Exclude %1").arg(package(edit.changes.front().ref.package)->tree.name(
                                  edit.changes.front().ref.node))
                            : tr("Exclude %n items", nullptr, count);
    finishEdit(edit);
    return count;
}

int Session::restore(const std::vector<NodeRef> &nodes)
{
    ExclusionEdit edit;
    for (const NodeRef &ref : nodes) {
        const QString reason = exclusionReason(ref);  // for undo
        if (apply({ref, false, {}}))
            edit.changes.push_back({ref, false, reason});
    }
    const int count = int(edit.changes.size());
    edit.label = count == 1 ? tr("Restore %1").arg(package(edit.changes.front().ref.package)->tree.name(
                                  edit.changes.front().ref.node))
                            : tr("Restore %n items", nullptr, count);
    finishEdit(edit);
    return count;
}

QString Session::globReason(const QString &glob)
{
    return tr("Matching %1").arg(glob);
}

QString Session::globOfReason(const QString &reason)
{
    const QString prefix = globReason(QString());
    return reason.startsWith(prefix) && reason.size() > prefix.size() ? reason.mid(prefix.size()) : QString();
}

int Session::excludeMatching(const GlobPattern &glob)
{
    ExclusionEdit edit;
    edit.label = tr("Exclude %1").arg(glob.text());
    const QString reason = globReason(glob.text());
    for (int p = 0; p < packageCount(); ++p) {
        ExclusionSet *set = exclusionsOf(p);
        if (!set)
            continue;
        std::vector<NodeId> added;
        set->excludeMatching(glob, &added);
        for (NodeId node : added) {
            m_packages[std::size_t(p)].reasons.insert(node, reason);
            edit.changes.push_back({{p, node}, true, reason});
        }
    }
    const int count = int(edit.changes.size());
    finishEdit(edit);
    return count;
}

void Session::clearExclusions()
{
    ExclusionEdit edit;
    edit.label = tr("Restore All");
    // Folders (smaller ids) before what was excluded inside them, so that the
    // undo, which runs backwards, marks the inner items before their folders.
    for (const NodeRef &ref : excludedItems()) {
        const QString reason = exclusionReason(ref);
        if (apply({ref, false, {}}))
            edit.changes.push_back({ref, false, reason});
    }
    finishEdit(edit);
}

bool Session::isExcluded(const NodeRef &ref) const
{
    if (ref.package < 0 || ref.package >= packageCount() || !m_packages[std::size_t(ref.package)].package)
        return false;
    return m_packages[std::size_t(ref.package)].exclusions.isExcluded(ref.node);
}

bool Session::hasExclusions() const
{
    return std::any_of(m_packages.begin(), m_packages.end(), [](const Entry &e) { return !e.exclusions.isEmpty(); });
}

std::vector<NodeRef> Session::excludedItems() const
{
    std::vector<NodeRef> items;
    for (int p = 0; p < packageCount(); ++p) {
        for (NodeId node : m_packages[std::size_t(p)].exclusions.markedNodes())
            items.push_back({p, node});
    }
    return items;
}

void Session::undo()
{
    if (!m_history.canUndo())
        return;
    ExclusionEdit edit = m_history.takeUndo();
    if (edit.layer) {
        applyLayer(*edit.layer, !edit.layer->added);
        m_history.replaceRedoTop(edit);  // keeps the marks a detach recorded
        Q_EMIT packagesChanged();
        emitChanged();
        return;
    }
    for (auto it = edit.changes.rbegin(); it != edit.changes.rend(); ++it)
        apply({it->ref, !it->excluded, it->reason});
    announce(edit);
}

void Session::redo()
{
    if (!m_history.canRedo())
        return;
    ExclusionEdit edit = m_history.takeRedo();
    if (edit.layer) {
        applyLayer(*edit.layer, edit.layer->added);
        m_history.replaceUndoTop(edit);
        Q_EMIT packagesChanged();
        emitChanged();
        return;
    }
    for (const ExclusionEdit::Change &change : edit.changes)
        apply(change);
    announce(edit);
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

void Session::emitChanged()
{
    ++m_revision;
    m_evaluation.reset();
    Q_EMIT changed();
}

const Evaluation &Session::evaluation() const
{
    // Made by the first view (or report) that asks after an edit; the others
    // read the same value.
    if (!m_evaluation) {
        auto made = std::make_shared<Evaluation>();
        made->revision = m_revision;
        made->measures = measures();
        for (const Entry &entry : m_packages) {
            PackageMeasures &package = made->packages.emplace_back();
            if (!entry.package)
                continue;
            const PackageTree &tree = entry.package->tree;
            package.excluded = entry.exclusions.excludedTotals(tree.root());
            package.kept = tree.node(tree.root()).totals - package.excluded;
            package.zippedBytes = entry.package->fixedZipBytes + package.kept.footprint;
            package.zippedEstimated = entry.package->zippedEstimated;
        }
        made->functionUnzippedBudget = functionUnzippedBudget();
        made->limits = evaluate();
        made->excluded = excludedTotals();
        for (const LimitRule &rule : m_profile.limits) {
            if (rule.measure == LimitMeasure::TotalUnzipped && !rule.isInfo())
                made->unzippedLimit = rule.limit;
        }
        m_evaluation = std::move(made);
        ++m_evaluationsMade;
    }
    return *m_evaluation;
}

std::vector<LimitResult> Session::evaluate() const
{
    const SessionMeasures m = measures();
    std::vector<const ExclusionSet *> sets;
    for (const Entry &entry : m_packages)
        sets.push_back(entry.package ? &entry.exclusions : nullptr);
    std::vector<LimitResult> results;
    results.reserve(std::size_t(m_profile.limits.size()));
    for (const LimitRule &rule : m_profile.limits) {
        LimitResult result = LimitResult::checked(rule, m.value(rule.measure));
        // Informational limits (the console editor's 3 MiB) would name most of
        // a large package; culprits are only worth finding for real limits.
        if (!result.pass && !rule.isInfo())
            result.culprits = CulpritFinder::find(sets, rule.measure, result.value - rule.largestPassing(),
                                                  &result.culpritsSuffice);
        result.errorText = rule.errorText;
        if (rule.measure == LimitMeasure::TotalUnzipped && layerCount() > 0) {
            result.hasFunctionBudget = true;
            result.layersBytes = m.layersUnzipped;
            result.functionBudget = rule.limit > m.layersUnzipped ? rule.limit - m.layersUnzipped : 0;
            result.errorText.replace(QString::number(rule.limit), QString::number(result.functionBudget));
        }
        results.push_back(std::move(result));
    }
    return results;
}

} // namespace packscope
