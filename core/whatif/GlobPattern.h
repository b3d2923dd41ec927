#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <vector>

namespace packscope {

// A path glob with the semantics of CLI.md (gitignore-like): `*` within one
// segment, `**` across segments, `?` one character, `[abc]`/`[!a-z]` classes,
// `\` escapes. A glob without a `/` matches the base name at any depth; one
// with a `/` is anchored at the package root (a leading `/` is allowed). A
// trailing `/` matches folders only; a trailing `/**` matches a folder and
// everything below it. Matching works on UTF-8 bytes.
class GlobPattern
{
public:
    // An empty or all-slash glob is invalid (isValid() false) and matches nothing.
    explicit GlobPattern(const QString &glob);

    bool isValid() const { return !m_segments.empty(); }
    const QString &text() const { return m_text; }
    // `path` is '/'-separated without a leading '/'.
    bool matches(QByteArrayView path, bool isFolder) const;

private:
    static bool matchSegments(const std::vector<QByteArray> &glob, std::size_t g,
                              const std::vector<QByteArrayView> &parts, std::size_t part);

    QString m_text;
    std::vector<QByteArray> m_segments;  // "**" stands for any number of segments
    // For files: a trailing "/**" must match at least one segment, so that
    // "dir/**" never matches a file named "dir".
    std::vector<QByteArray> m_fileSegments;
    bool m_foldersOnly = false;
};

// True when `name` matches the single-segment pattern (no '/').
bool matchGlobSegment(QByteArrayView pattern, QByteArrayView name);

} // namespace packscope
