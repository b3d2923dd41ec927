#pragma once

#include <QString>

namespace packscope {

// Whether two paths name the same file on disk (the same device and inode,
// so hard links, symlinks and "./x" versus "x" all count as the same). False
// when either does not exist. Used to refuse writing over an input.
bool isSameFile(const QString &a, const QString &b);

} // namespace packscope
