#pragma once

#include "model/Ecosystem.h"
#include "report/Dependencies.h"
#include "session/Evaluation.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <cstdint>
#include <vector>

namespace packscope {

class Session;

// What one side of a diff holds, file by file: every kept file of a
// session's packages with its bytes, each package's totals, the measures the
// limits are checked on, and the dependencies by name. Made from a loaded
// session, or read back from an audit report written with --with-files
// (AuditSnapshot), so a diff never needs to know which it was given.
// Paths live in one byte pool: 70,000 files cost one allocation, not 70,000.
struct Inventory {
    struct File {
        std::uint32_t pathOffset = 0;  // into `paths`: UTF-8, '/'-separated
        std::uint32_t pathLength = 0;
        std::uint64_t zipped = 0;  // footprint: what the zip shrinks by without the file
        std::uint64_t unzipped = 0;
        std::uint32_t crc32 = 0;
        bool hasCrc = false;  // zips carry one; tar, 7z and folders do not
        std::uint16_t package = 0;  // 0 the function, 1.. its layers
    };
    struct PackageSummary {
        QString path;
        QString role;    // "function" or "layer"
        QString format;  // as the audit names it: zip | tar | 7z | directory | archive
        std::uint64_t zippedBytes = 0;
        std::uint64_t unzippedBytes = 0;
        bool zippedEstimated = false;
        std::uint32_t firstFile = 0;  // its files are files[firstFile, firstFile + fileCount)
        std::uint32_t fileCount = 0;
    };
    // A dependency with what it weighs on this side.
    struct DependencyWeight {
        int package = 0;
        Ecosystem ecosystem = Ecosystem::Node;
        QString name;
        QString version;  // empty when unknown
        std::uint64_t zipped = 0;
        std::uint64_t unzipped = 0;
        std::uint32_t files = 0;
    };

    std::vector<PackageSummary> packages;
    std::vector<File> files;  // package by package, in each package's walk order
    QByteArray paths;
    std::vector<DependencyWeight> dependencies;  // heaviest first, as rankDependencies orders them
    SessionMeasures measures;

    QByteArrayView path(const File &file) const { return QByteArrayView(paths).sliced(file.pathOffset, file.pathLength); }
    // Appends a file whose path is `path`; the caller keeps `packages` in step.
    void addFile(QByteArrayView path, File file);
    std::uint64_t zippedTotal() const;  // every package's zip together
    bool zippedEstimated() const;       // true when any package's zip is an estimate

    // The session's kept files and the dependencies found in its packages
    // (`found[p]` for package p, as findDependencies gave them), weighed
    // with its exclusions.
    static Inventory fromSession(const Session &session, const std::vector<std::vector<Dependency>> &found);
    // The measures the limits read, worked out from `packages` (for an
    // inventory read from a report, which keeps no session).
    static SessionMeasures measuresOf(const std::vector<PackageSummary> &packages);
};

} // namespace packscope
