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
class EntryContents
{
public:
    explicit EntryContents(const Package &package);
    ~EntryContents();
    EntryContents(const EntryContents &) = delete;
    EntryContents &operator=(const EntryContents &) = delete;

    // False when this package's contents cannot be read here (format, or the
    // file changed since it was read).
    bool isReadable() const { return m_readable; }
    // Up to `maxBytes` from the start of file `id`; empty when unreadable.
    QByteArray head(NodeId id, qsizetype maxBytes) const;
    // All of file `id` when it is at most `maxBytes` long; nullopt otherwise
    // or when unreadable.
    std::optional<QByteArray> whole(NodeId id, qsizetype maxBytes) const;

private:
    QByteArray read(NodeId id, qsizetype maxBytes, bool *complete) const;

    const Package &m_package;
    QFile m_zip;
    const unsigned char *m_data = nullptr;
    bool m_readable = false;
};

} // namespace packscope
