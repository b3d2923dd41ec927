#pragma once

#include "model/FileKind.h"

#include <QColor>

namespace packscope {

// The colours of file kinds in the treemap and its legend: mid-tones that
// read on light and dark palettes, distinct for the common colour-vision
// deficiencies (after the Okabe-Ito palette).
QColor fileKindColor(FileKind kind);

} // namespace packscope
