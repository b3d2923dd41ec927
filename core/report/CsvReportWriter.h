#pragma once

#include <QByteArray>

namespace packscope {

class Session;

// Appends one CSV field, quoted (RFC 4180) when it holds a comma, a quote or
// a line break.
void appendCsvField(QByteArray &out, QByteArrayView field);

// Writes one CSV row per file of every package (function first, then layers):
// path, zipped_bytes (the file's footprint in the zip), unzipped_bytes,
// excluded (true/false), package. RFC 4180 quoting.
class CsvReportWriter
{
public:
    static QByteArray write(const Session &session);
};

} // namespace packscope
