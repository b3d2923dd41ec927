#pragma once

#include "whatif/GlobPattern.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace packscope {

// What a user types in a filter box: a glob when it has glob characters
// ('*', '?', '[' or '/'; CLI.md semantics, matched against the path), else a
// case-insensitive substring of the name. Empty matches everything.
class NodeFilter
{
public:
    NodeFilter() = default;
    explicit NodeFilter(const QString &text);

    bool isEmpty() const { return m_empty; }
    bool isGlob() const { return m_glob.has_value(); }
    // `path` is only read for globs (isGlob()); pass an empty one otherwise.
    bool matches(QByteArrayView name, QByteArrayView path, bool folder) const;

private:
    bool m_empty = true;
    std::optional<GlobPattern> m_glob;
    QByteArray m_needle;  // lower-case UTF-8
};

} // namespace packscope
