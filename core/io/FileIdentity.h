#pragma once

#include <QString>

#include <cstdint>

namespace packscope {

// Whether two paths name the same file on disk (the same device and inode,
// so hard links, symlinks and "./x" versus "x" all count as the same). False
// when either does not exist. Used to refuse writing over an input.
bool isSameFile(const QString &a, const QString &b);

// Which file a path named at one moment, and in what state: device, inode,
// size and modification time (nanoseconds). A package records its stamp
// when it is opened; every later read of its contents compares, because
// builds rewrite packages in place (truncated, or replaced by a rename) and
// reading a changed zip through offsets taken from the old one gives garbage
// or, for a mapping, a SIGBUS.
struct FileStamp {
    std::uint64_t device = 0;
    std::uint64_t inode = 0;
    std::int64_t size = -1;
    std::int64_t mtimeSeconds = 0;
    std::int64_t mtimeNanoseconds = 0;

    // False for a default stamp or one of a file that could not be stat'ed.
    bool isValid() const { return size >= 0; }
    // An invalid stamp when `path` cannot be stat'ed.
    static FileStamp capture(const QString &path);
    // The stamp of an open file descriptor (what was opened, even if the
    // path has been replaced since).
    static FileStamp ofDescriptor(int fd);
    // True only when both are valid and all fields match.
    bool sameAs(const FileStamp &other) const;
};

// "PATH changed on disk since it was opened: reopen it", the one message for it.
QString changedOnDiskError(const QString &path);

// Empty when `path` is still the file `stamp` was taken of; otherwise
// changedOnDiskError(path). An invalid `stamp` (a package made in memory)
// is never reported as changed.
QString checkUnchanged(const QString &path, const FileStamp &stamp);

} // namespace packscope
