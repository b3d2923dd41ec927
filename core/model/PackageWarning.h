#pragma once

#include <QString>

#include <vector>

namespace packscope {

// One oddity found while reading a package. `code` is stable (CLI.md lists the
// codes); `path` is the entry's path inside the package, empty for the package
// as a whole; `message` is for people.
struct PackageWarning {
    QString code;
    QString path;
    QString message;
};

using PackageWarnings = std::vector<PackageWarning>;

} // namespace packscope
