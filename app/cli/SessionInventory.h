#pragma once

#include "compare/Inventory.h"

#include <QString>

#include <optional>

namespace packscope {

class Session;

// The inventory of a loaded session for the CLI (audit --with-files, diff):
// its dependencies are found here and now, by the window's jobs run inline.
// Nothing, with `error` set, when a package changed on disk since it was
// opened and its dependencies could not all be read.
std::optional<Inventory> inventoryOf(Session &session, QString *error);

} // namespace packscope
