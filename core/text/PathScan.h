#pragma once

#include <QByteArrayView>

namespace packscope {

// What one pass over an entry's path finds out about it, eight bytes at a
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

PathScan scanPath(QByteArrayView path);

} // namespace packscope
