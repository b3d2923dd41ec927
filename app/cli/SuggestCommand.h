#pragma once

#include <QStringList>

namespace packscope {

// `packscope-cli suggest PACKAGE [--layer LAYER]... [--exclude GLOB]...
// [--format text|json]`: what the slimming rules would take out of the
// package, with exact savings, the limits each would fix and the "fix it"
// plan. Exit 0, or 2 on a usage or read error.
class SuggestCommand
{
public:
    static int run(const QStringList &arguments);
};

} // namespace packscope
