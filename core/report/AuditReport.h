#pragma once

#include "limits/LimitResult.h"
#include "model/PackageWarning.h"
#include "model/SizeTotals.h"

#include <QString>

#include <vector>

namespace packscope {

class Session;

// Everything an audit says, as plain values: built once from a Session and
// written as text, JSON or CSV by the report writers.
struct AuditReport {
    struct PackageSummary {
        QString path;
        QString role;    // "function" or "layer"
        QString format;  // zip | tar | 7z | directory | archive
        SizeTotals kept;
        SizeTotals excluded;
        std::uint64_t zippedBytes = 0;  // after exclusion
        bool zippedEstimated = false;
    };
    struct FileRef {
        QString package;  // path of the package the file is in
        QString path;
        std::uint64_t zippedBytes = 0;  // footprint: what the zip shrinks by without it
        std::uint64_t unzippedBytes = 0;
    };
    struct Limit {
        LimitResult result;
        std::vector<FileRef> culprits;  // resolved result.culprits, same order
    };
    struct Warning {
        QString package;
        PackageWarning warning;
    };

    QString profileId;
    QString profileName;
    std::vector<PackageSummary> packages;
    std::vector<Limit> limits;
    std::vector<FileRef> largest;
    std::vector<Warning> warnings;
    std::uint64_t layersUnzipped = 0;
    std::uint64_t functionBudget = 0;  // unzipped bytes left for the function given its layers

    int failedLimits() const;  // failing limits of error severity
    int passedLimits() const;  // passing limits of error severity

    // `topN` largest files (by unzipped size, after exclusion) across packages.
    static AuditReport build(const Session &session, int topN);
};

} // namespace packscope
