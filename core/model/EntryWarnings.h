#pragma once

#include "model/PackageWarning.h"

#include <QByteArrayView>

#include <cstdint>
#include <optional>

namespace packscope {

// The per-entry warnings every reader raises in the same words.

// "not-world-readable" when a file's Unix mode denies reading to others, which
// the Lambda runtime user needs; returns false (and adds nothing) otherwise.
bool warnIfNotWorldReadable(PackageWarnings &warnings, QByteArrayView path, std::uint32_t mode);

// "symlink": the entry is a symlink, counted by its own size; and
// "symlink-escapes" when its target (if known) leads outside the package, in
// which case it returns true.
bool warnSymlink(PackageWarnings &warnings, QByteArrayView path, std::uint64_t targetLength,
                 std::optional<QByteArrayView> target);

// Whether a symlink at `linkPath` (inside the package) pointing at `target`
// leads outside the package: an absolute target, or more ".." than the link
// has folders above it.
bool symlinkEscapes(QByteArrayView linkPath, QByteArrayView target);

} // namespace packscope
