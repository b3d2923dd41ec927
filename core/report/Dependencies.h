#pragma once

#include "model/Ecosystem.h"
#include "model/Package.h"
#include "model/SizeTotals.h"

#include <QString>

#include <vector>

namespace packscope {

class JobControl;

class ExclusionSet;
class Session;

// One dependency a package bundles: an npm package or a Python distribution.
struct Dependency {
    Ecosystem ecosystem = Ecosystem::Node;  // Node (an npm package) or Python
    QString name;     // "aws-sdk", "@aws-sdk/client-s3", "numpy"
    QString version;  // from package.json or the .dist-info name; empty when unknown
    // What it is made of. npm: its folder. Python: its import packages and
    // modules, its .dist-info folder and anything else its RECORD names;
    // largest first.
    std::vector<NodeId> nodes;
    // npm packages nested in its folder (its own node_modules), counted apart.
    std::vector<NodeId> nested;
};

// Finds the dependencies bundled in a package, so that sizes can be read as
// "aws-sdk 93.6 MiB" rather than as 2,287 files:
// - npm packages by their folders, node_modules/<name> and
//   node_modules/@scope/<name> at any depth, with the version from their
//   package.json;
// - Python distributions by their <name>-<version>.dist-info folders and the
//   RECORD file in each, which lists every file the distribution installed
//   (folders shared by several distributions, such as namespace packages or
//   __pycache__, are split one level down). When RECORD cannot be read (tar
//   and 7z contents are not addressable), the import folder or module named
//   like the distribution stands in.
// Contents are read through EntryContents: a few small files, never sizes.
// `error`, when given, gets EntryContents::error(): empty, or the package
// changed on disk since it was opened, so versions and Python distributions'
// files may be missing. A `control` that is cancelled ends the search early
// with what it found so far (for a job whose result nobody will read).
std::vector<Dependency> findDependencies(const Package &package, QString *error = nullptr,
                                         const JobControl *control = nullptr);

// What a dependency weighs with a package's exclusions: the kept totals of
// its nodes, less its nested packages.
SizeTotals keptTotals(const Dependency &dependency, const ExclusionSet &exclusions);

// A dependency of one of a session's packages with what it weighs now.
struct DependencySize {
    int package = 0;
    const Dependency *dependency = nullptr;
    SizeTotals kept;
};

// The dependencies of each of the session's packages (`found[p]` for package
// p, as findDependencies gave them) weighed with the session's exclusions,
// heaviest (unzipped) first; those excluded entirely are left out.
std::vector<DependencySize> rankDependencies(const Session &session, const std::vector<std::vector<Dependency>> &found);

// What ranked dependencies weigh together.
SizeTotals totalOf(const std::vector<DependencySize> &ranked);

// How reports name a dependency's ecosystem: "npm" (Node) or "python".
QString ecosystemName(Ecosystem ecosystem);

} // namespace packscope
