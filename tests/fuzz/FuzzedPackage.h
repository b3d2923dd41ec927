#pragma once

#include "readers/LoadResult.h"

// Puts whatever a reader made of fuzzed bytes through what a user would do
// next: a session with the Lambda profile, an exclusion, the audit report as
// JSON and CSV, undo. Hostile trees must survive all of it, not only the read.
void exerciseFuzzedPackage(const packscope::LoadResult &result);
