#pragma once

#include <QByteArray>

namespace packscope {

struct AuditReport;

// Writes an audit as JSON, schema `packscope.audit/1` (CLI.md). Keys are only
// ever added, never renamed or removed.
class JsonReportWriter
{
public:
    static QByteArray write(const AuditReport &report);
};

} // namespace packscope
