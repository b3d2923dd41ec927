#include "model/EntryWarnings.h"

using namespace Qt::StringLiterals;

namespace packscope {

bool warnIfNotWorldReadable(PackageWarnings &warnings, QByteArrayView path, std::uint32_t mode)
{
    if (mode == 0 || (mode & 04))
        return false;
    warnings.add(u"not-world-readable"_s, [&] {
        return std::pair{QString::fromUtf8(path),
                         u"mode 0%1 is not readable by others; the Lambda runtime user cannot open it"_s.arg(
                             QString::number(mode & 07777, 8))};
    });
    return true;
}

void warnSymlink(PackageWarnings &warnings, QByteArrayView path, std::uint64_t targetLength)
{
    warnings.add(u"symlink"_s, [&] {
        return std::pair{QString::fromUtf8(path),
                         u"symlink (not followed), counted by its own size: %1 bytes, the target path; "
                         u"how Lambda counts symlinks is undocumented"_s.arg(targetLength)};
    });
}

} // namespace packscope
