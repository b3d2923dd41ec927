#pragma once

#include "jobs/JobControl.h"
#include "model/Package.h"
#include "slim/BinarySniffer.h"
#include "slim/DebugStripModel.h"

#include <vector>

namespace packscope {

// What reading a package's contents finds, whatever is excluded: its native
// binaries (by their first bytes) and, for ELF files carrying debug
// sections, what `strip --strip-debug` would make of them. Gathering reads
// and inflates every binary, so callers that ask repeatedly (the app, after
// each edit) gather once per package and pass the facts in.
struct ContentFacts {
    struct Strippable {
        NodeId node = kNoNode;
        DebugStrip strip;
    };
    std::vector<BinarySniffer::Found> binaries;
    std::vector<Strippable> strippable;  // only those with debug sections
    // Empty, or why not every content could be read: "PACKAGE changed on
    // disk since it was opened: reopen it". The facts are then incomplete
    // (what was read before stands) and nothing should be concluded from
    // binaries missing.
    QString error;

    // Stops between binaries when `control` is cancelled (the facts are then
    // incomplete, and nobody is waiting for them).
    static ContentFacts gather(const Package &package, const JobControl &control = {});
};

} // namespace packscope
