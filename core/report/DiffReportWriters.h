#pragma once

#include "compare/PackageDiff.h"

#include <QByteArray>
#include <QString>

namespace packscope {

// The diff of two packages (packscope-cli diff) in each of its formats.
// `top` bounds the lists of the human formats (dependencies, files); JSON
// and CSV list every change.

// For a terminal or a CI log: one line per limit, new failures first, the
// totals, the dependencies and files that changed most; a final line
// "FAIL [new failures:1 failing:1]" or "PASS [...]".
class DiffTextWriter
{
public:
    static QByteArray write(const PackageDiff &diff, const QString &profileId, int top);
};

// Schema packscope.diff/1 (README): base, head, limits, totals, counts,
// added, removed, changed, recompressed, moved, dependencies.
class DiffJsonWriter
{
public:
    static QByteArray write(const PackageDiff &diff, const QString &profileId);
};

// One row per changed file: change, package_index, path, from_path, and the
// base, head and delta of its zipped and unzipped bytes.
class DiffCsvWriter
{
public:
    static QByteArray write(const PackageDiff &diff);
};

// A pull-request comment: the limits as a table with deltas and ✅/❌, the
// growth by dependency and the largest file changes, always shorter than
// kMaxCharacters (GitHub's comment limit is 65,536): lists shrink to fit.
class DiffMarkdownWriter
{
public:
    static constexpr int kMaxCharacters = 65000;
    static QByteArray write(const PackageDiff &diff, const QString &profileId, int top);
};

// Words both human formats use.
namespace diffwords {
// What the change did to a limit's headroom: "uses 12.10 MiB of the 62.00
// MiB left (19.5 %)", "frees 1.00 MiB", "unchanged", ...
QString headroomPhrase(const PackageDiff::LimitDelta &limit);
} // namespace diffwords

} // namespace packscope
