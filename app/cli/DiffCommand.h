#pragma once

#include <QStringList>

namespace packscope {

// `packscope-cli diff BASE HEAD`: what changed between two packages (or a
// saved audit report and a package), what it did to each limit, and which
// dependencies and files did it. Exit 0 nothing fails, 1 a limit fails in
// HEAD (only a new failure with --fail-on-new-failure) or --fail-on-growth
// holds, 2 usage or read error.
class DiffCommand
{
public:
    static int run(const QStringList &arguments);
};

} // namespace packscope
