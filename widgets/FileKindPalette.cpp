#include "FileKindPalette.h"

namespace packscope {

QColor fileKindColor(FileKind kind)
{
    switch (kind) {
    case FileKind::NativeLibrary:
        return QColor(0xD5, 0x5E, 0x00);  // vermillion
    case FileKind::Python:
        return QColor(0x00, 0x72, 0xB2);  // blue
    case FileKind::JavaScript:
        return QColor(0xE6, 0xB8, 0x20);  // yellow
    case FileKind::DataModel:
        return QColor(0x00, 0x9E, 0x73);  // bluish green
    case FileKind::DocsTests:
        return QColor(0xCC, 0x79, 0xA7);  // reddish purple
    case FileKind::Other:
        break;
    }
    return QColor(0x8A, 0x95, 0xA5);  // slate grey
}

} // namespace packscope
