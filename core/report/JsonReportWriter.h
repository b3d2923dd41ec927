#pragma once

#include <QByteArray>

namespace packscope {

struct AuditReport;
struct Inventory;

// Writes an audit as JSON, schema `packscope.audit/1` (CLI.md). Keys are only
// ever added, never renamed or removed. With `inventory` (--with-files) it
// also lists every kept file and the dependencies, what a later diff needs
// to use the report as its BASE (AuditSnapshot reads it back).
class JsonReportWriter
{
public:
    static QByteArray write(const AuditReport &report, const Inventory *inventory = nullptr);
};

} // namespace packscope
