#pragma once

#include <QByteArrayView>

namespace packscope {

// Calls `visit(segment)` for each '/'-separated segment of `path`, empty ones
// included ("a//b" gives "a", "", "b"); the one way paths are split.
template<typename Visit>
void forEachPathSegment(QByteArrayView path, Visit &&visit)
{
    qsizetype start = 0;
    while (start <= path.size()) {
        qsizetype end = path.indexOf('/', start);
        if (end < 0)
            end = path.size();
        visit(path.sliced(start, end - start));
        start = end + 1;
    }
}

} // namespace packscope
