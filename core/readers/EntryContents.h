#pragma once

#include "model/Package.h"

#include <QByteArray>
#include <QFile>

#include <optional>

namespace packscope {

// Reads what a package's files contain, after the package was read: a zip's
// entries through their local records (stored or inflated), a folder's files
// from disk. Tar and 7z contents are not addressable without reading the
// whole archive again, and encrypted entries cannot be read: both read as
// nothing. For the few files whose contents matter (binary headers, RECORD
// lists, symlink targets), never for sizes.
//
// A zip is read with pread(2), not mapped: the app reads contents minutes
// after opening, and a mapped file truncated meanwhile kills the process
// with SIGBUS. Before each read the file is compared with the stamp taken
// when the package was opened; once it differs (or a read comes up short)
// nothing more is read and error() says the package changed on disk.
class EntryContents
{
public:
    explicit EntryContents(const Package &package);
    ~EntryContents();
    EntryContents(const EntryContents &) = delete;
    EntryContents &operator=(const EntryContents &) = delete;

    // False when this package's contents cannot be read here (format, or the
    // file changed since it was read).
    bool isReadable() const { return m_readable && m_error.isEmpty(); }
    // Empty, or "PACKAGE changed on disk since it was opened: reopen it"
    // once that was found (the contents read before stand).
    QString error() const { return m_error; }
    // Up to `maxBytes` from the start of file `id`; empty when unreadable.
    QByteArray head(NodeId id, qsizetype maxBytes) const;
    // All of file `id` when it is at most `maxBytes` long; nullopt otherwise
    // or when unreadable.
    std::optional<QByteArray> whole(NodeId id, qsizetype maxBytes) const;

private:
    QByteArray read(NodeId id, qsizetype maxBytes, bool *complete) const;
    // Reads `length` bytes at `offset` of the zip; false (and error() set
    // when the file is shorter now) otherwise.
    bool readAt(void *into, std::uint64_t offset, std::uint64_t length) const;
    bool stillUnchanged() const;

    const Package &m_package;
    QFile m_zip;
    bool m_readable = false;
    mutable QString m_error;
};

} // namespace packscope
