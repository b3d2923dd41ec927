#pragma once

#include <QStringList>

namespace packscope {

// `packscope-cli audit`: reads the package and its layers, applies the
// exclusions, checks the profile and writes the report. Returns the exit code
// of CLI.md: 0 all limits hold, 1 a limit is exceeded, 2 usage or read error.
class AuditCommand
{
public:
    static int run(const QStringList &arguments);
};

} // namespace packscope
