#pragma once

#include <QByteArray>

namespace packscope {

struct AuditReport;

// Writes an audit for people, in the manner of dive's CI mode: PASS/FAIL per
// limit with value, limit and headroom in MiB and bytes, the culprits under a
// failing limit, and a last line such as "FAIL [pass:1 fail:1]".
class TextReportWriter
{
public:
    static QByteArray write(const AuditReport &report);
};

} // namespace packscope
