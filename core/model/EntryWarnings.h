#pragma once

#include "model/PackageWarning.h"

#include <QByteArrayView>

#include <cstdint>

namespace packscope {

// The per-entry warnings every reader raises in the same words.

// "not-world-readable" when a file's Unix mode denies reading to others, which
// the Lambda runtime user needs; returns false (and adds nothing) otherwise.
bool warnIfNotWorldReadable(PackageWarnings &warnings, QByteArrayView path, std::uint32_t mode);

// "symlink": the entry is a symlink, counted by its own size.
void warnSymlink(PackageWarnings &warnings, QByteArrayView path, std::uint64_t targetLength);

} // namespace packscope
