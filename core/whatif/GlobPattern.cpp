#include "whatif/GlobPattern.h"

#include <QList>

namespace packscope {

namespace {

// Matches a bracket class starting at pattern[p] == '['. Returns the index
// after ']' and sets *hit; returns -1 if the class is unterminated.
qsizetype matchClass(QByteArrayView pattern, qsizetype p, char c, bool *hit)
{
    qsizetype i = p + 1;
    bool negate = false;
    if (i < pattern.size() && (pattern[i] == '!' || pattern[i] == '^')) {
        negate = true;
        ++i;
    }
    bool found = false;
    bool first = true;
    while (i < pattern.size() && (pattern[i] != ']' || first)) {
        first = false;
        char lo = pattern[i];
        if (lo == '\\' && i + 1 < pattern.size())
            lo = pattern[++i];
        char hi = lo;
        if (i + 2 < pattern.size() && pattern[i + 1] == '-' && pattern[i + 2] != ']') {
            hi = pattern[i + 2];
            i += 2;
        }
        if (static_cast<unsigned char>(c) >= static_cast<unsigned char>(lo)
            && static_cast<unsigned char>(c) <= static_cast<unsigned char>(hi))
            found = true;
        ++i;
    }
    if (i >= pattern.size())
        return -1;
    *hit = found != negate;
    return i + 1;
}

} // namespace

bool matchGlobSegment(QByteArrayView pattern, QByteArrayView name)
{
    // Iterative matcher with single-star backtracking (linear for '*' runs).
    qsizetype p = 0, n = 0, starP = -1, starN = 0;
    while (n < name.size()) {
        if (p < pattern.size()) {
            const char pc = pattern[p];
            if (pc == '*') {
                starP = p++;
                starN = n;
                continue;
            }
            if (pc == '?') {
                ++p;
                ++n;
                continue;
            }
            if (pc == '[') {
                bool hit = false;
                const qsizetype next = matchClass(pattern, p, name[n], &hit);
                if (next >= 0) {
                    if (hit) {
                        p = next;
                        ++n;
                        continue;
                    }
                } else if (name[n] == '[') {  // unterminated: a literal '['
                    ++p;
                    ++n;
                    continue;
                }
            } else {
                char literal = pc;
                qsizetype width = 1;
                if (pc == '\\' && p + 1 < pattern.size()) {
                    literal = pattern[p + 1];
                    width = 2;
                }
                if (literal == name[n]) {
                    p += width;
                    ++n;
                    continue;
                }
            }
        }
        if (starP < 0)
            return false;
        p = starP + 1;
        n = ++starN;
    }
    while (p < pattern.size() && pattern[p] == '*')
        ++p;
    return p == pattern.size();
}

GlobPattern::GlobPattern(const QString &glob) : m_text(glob)
{
    QByteArray bytes = glob.trimmed().toUtf8();
    if (bytes.endsWith('/')) {
        m_foldersOnly = true;
        while (bytes.endsWith('/'))
            bytes.chop(1);
    }
    bool anchored = false;
    while (bytes.startsWith('/')) {
        anchored = true;
        bytes.remove(0, 1);
    }
    if (bytes.isEmpty())
        return;
    if (bytes.contains('/'))
        anchored = true;
    if (!anchored)
        m_segments.push_back("**");
    for (const QByteArray &segment : bytes.split('/')) {
        if (segment.isEmpty())
            continue;
        if (segment == "**" && !m_segments.empty() && m_segments.back() == "**")
            continue;  // "**/**" is the same as "**"
        m_segments.push_back(segment);
    }
    m_fileSegments = m_segments;
    if (anchored && m_segments.size() > 1 && m_segments.back() == "**")
        m_fileSegments.insert(m_fileSegments.end() - 1, "*");
}

bool GlobPattern::matchSegments(const std::vector<QByteArray> &glob, std::size_t g,
                                const std::vector<QByteArrayView> &parts, std::size_t part)
{
    while (g < glob.size()) {
        if (glob[g] == "**") {
            // Zero or more whole segments.
            for (std::size_t skip = part; skip <= parts.size(); ++skip) {
                if (matchSegments(glob, g + 1, parts, skip))
                    return true;
            }
            return false;
        }
        if (part >= parts.size() || !matchGlobSegment(glob[g], parts[part]))
            return false;
        ++g;
        ++part;
    }
    return part == parts.size();
}

bool GlobPattern::matches(QByteArrayView path, bool isFolder) const
{
    if (m_segments.empty() || (m_foldersOnly && !isFolder))
        return false;
    std::vector<QByteArrayView> parts;
    qsizetype start = 0;
    while (start <= path.size()) {
        qsizetype end = path.indexOf('/', start);
        if (end < 0)
            end = path.size();
        if (end > start)
            parts.push_back(path.sliced(start, end - start));
        start = end + 1;
    }
    return matchSegments(isFolder ? m_segments : m_fileSegments, 0, parts, 0);
}

} // namespace packscope
