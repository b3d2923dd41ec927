#pragma once

#include "io/FileIdentity.h"
#include "model/PackageTree.h"
#include "model/PackageWarning.h"

#include <QString>

#include <cstdint>
#include <memory>

namespace packscope {

// Formats a package can be read from.
enum class PackageFormat { Zip, Tar, SevenZip, Directory, OtherArchive };

QString formatName(PackageFormat format);

// A package as read: its size tree, what kind of file it came from, and the
// bytes of the zip that belong to no entry. Immutable after loading; shared
// between the session, the views and background jobs.
struct Package {
    QString path;        // as the user named it
    PackageFormat format = PackageFormat::Zip;
    PackageTree tree;
    // Bytes of the (real or estimated) zip that belong to no entry: prefix data,
    // end-of-central-directory records, archive comment. zipped size =
    // fixedZipBytes + sum of the footprints of the entries kept.
    std::uint64_t fixedZipBytes = 0;
    bool zippedEstimated = false;  // true unless the package is a real zip
    std::uint64_t fileSize = 0;    // size of the file on disk (0 for folders)
    // The file as it was when it was opened (invalid for folders and for
    // packages read from memory): later reads of contents compare with it.
    FileStamp stamp;
    PackageWarnings warnings;

    std::uint64_t zippedBytes() const { return fixedZipBytes + tree.node(tree.root()).totals.footprint; }
};

using PackagePtr = std::shared_ptr<const Package>;

} // namespace packscope
