#include "report/Dependencies.h"
#include "jobs/JobControl.h"
#include "readers/EntryContents.h"
#include "session/Session.h"
#include "text/PathSegments.h"
#include "whatif/ExclusionSet.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

using namespace Qt::StringLiterals;

namespace packscope {

namespace {

constexpr qsizetype kMaxPackageJson = 1 << 20;
constexpr qsizetype kMaxRecord = 16 << 20;

bool isNpmPackageFolder(const PackageTree &tree, NodeId id)
{
    if (id == tree.root() || !tree.isFolder(id))
        return false;
    const QByteArrayView name = tree.nameBytes(id);
    if (name.startsWith('.') || name.startsWith('@'))
        return false;
    const NodeId parent = tree.node(id).parent;
    if (parent == kNoNode || parent == tree.root())
        return false;
    const QByteArrayView parentName = tree.nameBytes(parent);
    if (parentName == "node_modules")
        return true;
    const NodeId grand = tree.node(parent).parent;
    return parentName.startsWith('@') && grand != kNoNode && grand != tree.root()
        && tree.nameBytes(grand) == "node_modules";
}

// The child of `folder` called `name`, or kNoNode.
NodeId childNamed(const PackageTree &tree, NodeId folder, QByteArrayView name)
{
    for (NodeId kid : tree.children(folder)) {
        if (tree.nameBytes(kid) == name)
            return kid;
    }
    return kNoNode;
}

QString npmVersion(const EntryContents &contents, const PackageTree &tree, NodeId folder)
{
    const NodeId manifest = childNamed(tree, folder, "package.json");
    if (manifest == kNoNode)
        return {};
    const std::optional<QByteArray> json = contents.whole(manifest, kMaxPackageJson);
    if (!json)
        return {};
    return QJsonDocument::fromJson(*json).object().value(u"version"_s).toString();
}

// The paths a RECORD lists ("path,hash,size" lines; a path may be quoted).
std::vector<QByteArray> recordPaths(const QByteArray &record)
{
    std::vector<QByteArray> paths;
    for (const QByteArray &raw : record.split('\n')) {
        const QByteArrayView line = QByteArrayView(raw).trimmed();
        if (line.isEmpty())
            continue;
        if (line.startsWith('"')) {
            // CSV quoting: the field ends at a quote that is not doubled.
            QByteArray path;
            for (qsizetype i = 1; i < line.size(); ++i) {
                if (line[i] != '"') {
                    path += line[i];
                } else if (i + 1 < line.size() && line[i + 1] == '"') {
                    path += '"';
                    ++i;
                } else {
                    break;
                }
            }
            if (!path.isEmpty())
                paths.push_back(path);
        } else {
            paths.push_back(line.first(line.contains(',') ? line.indexOf(',') : line.size()).toByteArray());
        }
    }
    return paths;
}

// The first `depth` segments of `path`, or empty if it has fewer or leaves
// the folder ("../../bin/tool").
QByteArray prefixOf(QByteArrayView path, int depth)
{
    QByteArray prefix;
    int taken = 0;
    bool escapes = false;
    forEachPathSegment(path, [&](QByteArrayView segment) {
        if (taken == depth || segment.isEmpty() || segment == ".")
            return;
        escapes = escapes || segment == "..";
        if (taken > 0)
            prefix += '/';
        prefix += segment;
        ++taken;
    });
    return taken == depth && !escapes ? prefix : QByteArray();
}

// A distribution name as Python compares them: lower case, runs of -_. as _.
QByteArray normalized(QByteArrayView name)
{
    QByteArray out;
    for (const char c : name) {
        const bool separator = c == '-' || c == '_' || c == '.';
        if (separator) {
            if (!out.endsWith('_'))
                out += '_';
        } else {
            out += char(std::tolower(static_cast<unsigned char>(c)));
        }
    }
    return out;
}

// A .dist-info folder, and what its RECORD says the distribution installed.
struct Distribution {
    NodeId distInfo = kNoNode;
    QByteArray name;
    QByteArray version;
    std::vector<QByteArray> paths;  // from RECORD, relative to the folder holding .dist-info
    bool recordRead = false;
};

// The distributions installed in `folder` (a site-packages or a Lambda
// layer's python/), as dependencies.
void addPythonDistributions(const EntryContents &contents, const PackageTree &tree, NodeId folder,
                            const std::vector<NodeId> &distInfos, std::vector<Dependency> &out)
{
    std::vector<Distribution> dists;
    for (NodeId info : distInfos) {
        Distribution d;
        d.distInfo = info;
        const QByteArrayView stem = tree.nameBytes(info).chopped(int(qstrlen(".dist-info")));
        const qsizetype dash = stem.indexOf('-');
        d.name = (dash < 0 ? stem : stem.first(dash)).toByteArray();
        d.version = dash < 0 ? QByteArray() : stem.sliced(dash + 1).toByteArray();
        const NodeId record = childNamed(tree, info, "RECORD");
        if (record != kNoNode) {
            if (const std::optional<QByteArray> text = contents.whole(record, kMaxRecord)) {
                d.paths = recordPaths(*text);
                d.recordRead = true;
            }
        }
        dists.push_back(std::move(d));
    }
    // Top-level names claimed by more than one distribution are split a level down.
    std::map<QByteArray, int> claims;
    for (const Distribution &d : dists) {
        std::set<QByteArray> tops;
        for (const QByteArray &path : d.paths)
            tops.insert(prefixOf(path, 1));
        for (const QByteArray &top : tops)
            claims[top] += top.isEmpty() ? 0 : 1;
    }
    const QByteArray base = folder == tree.root() ? QByteArray() : tree.pathBytes(folder) + '/';
    for (const Distribution &d : dists) {
        Dependency dep;
        dep.ecosystem = Ecosystem::Python;
        dep.name = QString::fromUtf8(d.name);
        dep.version = QString::fromUtf8(d.version);
        std::set<NodeId> nodes{d.distInfo};
        if (d.recordRead) {
            for (const QByteArray &path : d.paths) {
                const QByteArray top = prefixOf(path, 1);
                if (top.isEmpty())
                    continue;
                const QByteArray part = claims[top] > 1 ? prefixOf(path, 2) : top;
                const NodeId node = part.isEmpty() ? kNoNode : tree.findPath(QByteArray(base + part));
                if (node != kNoNode)
                    nodes.insert(node);
            }
        } else {
            const QByteArray want = normalized(d.name);
            for (NodeId kid : tree.children(folder)) {
                QByteArrayView name = tree.nameBytes(kid);
                if (name.endsWith(".py"))
                    name.chop(3);
                else if (name.endsWith(".libs"))
                    name.chop(5);
                if (normalized(name) == want)
                    nodes.insert(kid);
            }
        }
        // A folder and something inside it: keep the folder.
        for (auto it = nodes.begin(); it != nodes.end();) {
            bool inside = false;
            for (NodeId up = tree.node(*it).parent; up != kNoNode && !inside; up = tree.node(up).parent)
                inside = nodes.count(up) > 0;
            it = inside ? nodes.erase(it) : std::next(it);
        }
        dep.nodes.assign(nodes.begin(), nodes.end());
        std::stable_sort(dep.nodes.begin(), dep.nodes.end(), [&tree](NodeId a, NodeId b) {
            return tree.node(a).totals.unzipped > tree.node(b).totals.unzipped;  // the main part first
        });
        out.push_back(std::move(dep));
    }
}

} // namespace

std::vector<Dependency> findDependencies(const Package &package, QString *error, const JobControl *control)
{
    const PackageTree &tree = package.tree;
    const EntryContents contents(package);
    std::vector<Dependency> found;
    std::map<NodeId, std::size_t> npmIndex;  // package folder -> its index in `found`
    std::map<NodeId, std::vector<NodeId>> distInfosByFolder;
    constexpr NodeId kCancelCheckStep = 4096;
    for (NodeId id = 1; id < tree.nodeCount(); ++id) {
        if (control && id % kCancelCheckStep == 0 && control->isCancelled())
            return found;
        if (isNpmPackageFolder(tree, id)) {
            if (control && control->isCancelled())
                return found;  // each reads a package.json
            Dependency dep;
            dep.ecosystem = Ecosystem::Node;
            const NodeId parent = tree.node(id).parent;
            dep.name = tree.nameBytes(parent).startsWith('@') ? tree.name(parent) + u'/' + tree.name(id) : tree.name(id);
            dep.version = npmVersion(contents, tree, id);
            dep.nodes = {id};
            npmIndex[id] = found.size();
            found.push_back(std::move(dep));
        } else if (tree.isFolder(id) && tree.nameBytes(id).endsWith(".dist-info")) {
            distInfosByFolder[tree.node(id).parent].push_back(id);
        }
    }
    // Each npm package's nested packages: those whose nearest package folder above is it.
    for (const auto &[folder, index] : npmIndex) {
        for (NodeId up = tree.node(folder).parent; up != kNoNode; up = tree.node(up).parent) {
            const auto owner = npmIndex.find(up);
            if (owner != npmIndex.end()) {
                found[owner->second].nested.push_back(folder);
                break;
            }
        }
    }
    for (const auto &[folder, infos] : distInfosByFolder) {
        if (control && control->isCancelled())
            return found;
        addPythonDistributions(contents, tree, folder, infos, found);
    }
    if (error)
        *error = contents.error();
    return found;
}

SizeTotals keptTotals(const Dependency &dependency, const ExclusionSet &exclusions)
{
    SizeTotals total;
    for (NodeId node : dependency.nodes)
        total += exclusions.keptTotals(node);
    for (NodeId node : dependency.nested)
        total -= exclusions.keptTotals(node);
    return total;
}

std::vector<DependencySize> rankDependencies(const Session &session, const std::vector<std::vector<Dependency>> &found)
{
    std::vector<DependencySize> ranked;
    for (int p = 0; p < session.packageCount() && std::size_t(p) < found.size(); ++p) {
        if (!session.package(p))
            continue;
        for (const Dependency &dep : found[std::size_t(p)]) {
            const SizeTotals kept = keptTotals(dep, session.exclusions(p));
            if (kept.unzipped > 0 || kept.files > 0)
                ranked.push_back({p, &dep, kept});
        }
    }
    std::sort(ranked.begin(), ranked.end(), [](const DependencySize &a, const DependencySize &b) {
        if (a.kept.unzipped != b.kept.unzipped)
            return a.kept.unzipped > b.kept.unzipped;
        return a.dependency->name < b.dependency->name;
    });
    return ranked;
}

SizeTotals totalOf(const std::vector<DependencySize> &ranked)
{
    SizeTotals total;
    for (const DependencySize &d : ranked)
        total += d.kept;  // nested packages are not counted in those holding them
    return total;
}

QString ecosystemName(Ecosystem ecosystem)
{
    return ecosystem == Ecosystem::Node ? u"npm"_s : u"python"_s;
}

} // namespace packscope
