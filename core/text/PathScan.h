#pragma once

#include <QByteArrayView>

namespace packscope {

// What one pass over an entry's path finds out about it, many bytes at a
// time: what the tree builder must warn about, whether the path may need
// cleaning and where it splits into folder and name.
struct PathScan {
    // Empty, a leading '/' or '.', "//" or "/.": the path may have empty or
    // "." segments to drop. Only a hint: cleaning such a path may change nothing.
    bool mayNeedCleaning = false;
    bool highBytes = false;  // bytes >= 0x80 (UTF-8 or otherwise)
    bool backslash = false;
    bool nul = false;
    qsizetype lastSlash = -1;
};

// Sixteen bytes at a step where the processor has SSE2, eight otherwise.
PathScan scanPath(QByteArrayView path);
// Eight bytes at a step anywhere: scanPath's fallback, and what it is tested against.
PathScan scanPathByWords(QByteArrayView path);

} // namespace packscope
