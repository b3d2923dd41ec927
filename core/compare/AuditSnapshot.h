#pragma once

#include "compare/Inventory.h"

#include <QString>

#include <optional>

namespace packscope {

// A saved audit report (`packscope-cli audit --format json --with-files`)
// read back as the inventory it was written from, so that a diff can take
// the last release's report as its BASE instead of its zip.
class AuditSnapshot
{
public:
    // True when `path` is a file that starts like JSON (its first byte past
    // blanks is '{'): a report rather than a package. Packages never do.
    static bool isReport(const QString &path);
    // The inventory, or nothing with `error` set to one line naming the
    // file and what is wrong with it.
    static std::optional<Inventory> read(const QString &path, QString *error);
};

} // namespace packscope
