#pragma once

#include "model/Package.h"

#include <QString>

#include <memory>

namespace packscope {

// What a reader hands back: a package, or an error naming the file and the
// reason. For a damaged zip, `partial` may hold what could still be recovered
// (for inspection only: it is not a valid package).
struct LoadResult {
    std::shared_ptr<Package> package;
    QString error;  // one line, "<file>: <reason>"; empty on success
    std::shared_ptr<Package> partial;

    bool ok() const { return package != nullptr; }
    static LoadResult failure(const QString &file, const QString &reason)
    {
        LoadResult r;
        r.error = file + QStringLiteral(": ") + reason;
        return r;
    }
};

} // namespace packscope
