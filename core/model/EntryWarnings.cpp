#include "model/EntryWarnings.h"
#include "text/PathSegments.h"

#include <algorithm>

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

bool warnSymlink(PackageWarnings &warnings, QByteArrayView path, std::uint64_t targetLength,
                 std::optional<QByteArrayView> target)
{
    const bool escapes = target && symlinkEscapes(path, *target);
    if (escapes)
        warnings.add(u"symlink-escapes"_s, [&] {
            return std::pair{QString::fromUtf8(path),
                             u"symlink points outside the package, to %1"_s.arg(QString::fromUtf8(*target))};
        });
    warnings.add(u"symlink"_s, [&] {
        return std::pair{QString::fromUtf8(path),
                         u"symlink (not followed), counted by its own size: %1 bytes, the target path; "
                         u"how Lambda counts symlinks is undocumented"_s.arg(targetLength)};
    });
    return escapes;
}

bool symlinkEscapes(QByteArrayView linkPath, QByteArrayView target)
{
    if (target.startsWith('/') || target.startsWith('\\') || (target.size() >= 2 && target[1] == ':'))
        return true;
    // Depth of the folder holding the link (its real segments: "./a/link"
    // is one deep), then walk the target from there.
    qsizetype depth = -1;  // the link's own name is not a folder
    forEachPathSegment(linkPath, [&](QByteArrayView part) {
        if (part == "..")
            --depth;
        else if (!part.isEmpty() && part != ".")
            ++depth;
    });
    depth = std::max<qsizetype>(depth, 0);
    bool escapes = false;
    forEachPathSegment(target, [&](QByteArrayView part) {
        if (part == "..")
            escapes = escapes || --depth < 0;
        else if (!part.isEmpty() && part != ".")
            ++depth;
    });
    return escapes;
}

} // namespace packscope
