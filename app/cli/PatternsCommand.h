#pragma once

#include <QStringList>

namespace packscope {

// `packscope-cli patterns PACKAGE [--exclude GLOB]... [--rules TIER]
// [--format globs|serverless|slim-patterns|cdk|zip]`: the exclusions written
// for the tool that builds the package. Exit 0, or 2 on an error.
class PatternsCommand
{
public:
    static int run(const QStringList &arguments);
};

} // namespace packscope
