#pragma once

#include <QStringList>

namespace packscope {

// `packscope-cli slim PACKAGE -o OUT.zip [--exclude GLOB]... [--rules TIER]`:
// writes the package without the excluded items (and, with --rules, without
// what the suggestion rules up to that risk tier match), checks the result
// and says how its size compares with the prediction. Exit 0 on success,
// 2 on any error (nothing is written then).
class SlimCommand
{
public:
    static int run(const QStringList &arguments);
};

} // namespace packscope
