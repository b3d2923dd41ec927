#pragma once

#include "model/Package.h"
#include "readers/ZipSizeEstimator.h"

#include <QByteArray>

#include <memory>
#include <vector>

namespace packscope {

// Gathers the entries of a package that is not a zip (a folder, a tar or 7z
// archive) and turns them into a Package whose zipped sizes are estimates of
// the zip `zip -r` would build from it. Readers add entries in archive order
// and stream file contents into estimator() between beginFile() and endFile().
class EstimatedZipPackage
{
public:
    void addFolder(const QByteArray &path, std::uint32_t mode);
    void addSymlink(const QByteArray &path, const QByteArray &target, std::uint32_t mode);
    void beginFile(const QByteArray &path, std::uint32_t mode);
    void addFileData(const char *data, std::size_t size)
    {
        m_estimator.addData(data, size);
        m_entries.back().fed += size;
    }
    // Ends the current file; `declaredSize` is what the archive says it holds.
    // Bytes that could not be read are estimated as incompressible.
    void endFile(std::uint64_t declaredSize);

    PackageWarnings &warnings() { return m_warnings; }

    // Waits for the estimates and builds the package.
    std::shared_ptr<Package> finish(const QString &path, PackageFormat format);

private:
    struct Pending {
        QByteArray path;
        std::uint64_t unzipped = 0;
        std::uint64_t fed = 0;  // content bytes given to the estimator
        std::uint32_t mode = 0;
        std::uint32_t slot = 0;  // estimator slot for files
        NodeKind kind = NodeKind::File;
        std::uint8_t flags = 0;  // NodeFlag bits known when it was added
    };
    std::vector<Pending> m_entries;
    ZipSizeEstimator m_estimator;
    PackageWarnings m_warnings;
};

} // namespace packscope
