#pragma once

#include "readers/LoadResult.h"

#include <QByteArray>

// Puts whatever a reader made of fuzzed bytes through what a user would do
// next: a session with the Lambda profile, an exclusion, the audit report as
// JSON and CSV, undo. Hostile trees must survive all of it, not only the read.
void exerciseFuzzedPackage(const packscope::LoadResult &result);

// Everything a read produced (error, every node with its totals and flags,
// every zip location, the warnings and their counts) as text, so that two
// reads of the same bytes can be compared byte for byte.
QByteArray describeRead(const packscope::LoadResult &result);
