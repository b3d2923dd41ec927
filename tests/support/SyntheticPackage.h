#pragma once

#include "limits/LimitResult.h"
#include "model/Package.h"
#include "session/Session.h"

#include <QString>

#include <vector>

namespace fixtures {

// One file of a package made up in memory.
struct SyntheticFile {
    QString path;
    std::uint64_t unzipped = 0;
    std::uint64_t footprint = 0;
};

// A package built straight from a list of files (no archive on disk), for
// tests of what sits above the readers: layouts, sessions, widgets.
packscope::PackagePtr syntheticPackage(const QString &name, const std::vector<SyntheticFile> &files,
                                       std::uint64_t fixedZipBytes = 22);

// Reads the package at `path` into `session` as its function; false (with
// a warning naming the file) when it cannot be read.
bool openPackage(packscope::Session &session, const QString &path);

// The node at `path` ("dir/file"); fails the test binary when there is none.
packscope::NodeId nodeAt(const packscope::PackageTree &tree, const QString &path);

// A copy of the result of limit `id` among `results` (which may be a
// temporary); fails the test binary when missing.
packscope::LimitResult resultFor(const std::vector<packscope::LimitResult> &results, const QString &id);

} // namespace fixtures
