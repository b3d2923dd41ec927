#pragma once

#include "treemap/TreemapLayout.h"

#include <QString>

namespace packscope {

class Session;

// The treemap's tooltip for a tile: its path, what it weighs kept (unzipped
// and zipped), and its share of each size limit, as rich text.
QString treemapToolTip(const Session &session, const TreemapTile &tile, SizeMode mode);

} // namespace packscope
