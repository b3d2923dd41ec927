#include "report/SizeFormat.h"

using namespace Qt::StringLiterals;

namespace packscope {

double mebibytes(std::uint64_t bytes)
{
    return double(bytes) / (1024.0 * 1024.0);
}

QString formatMiB(std::uint64_t bytes)
{
    return QString::number(mebibytes(bytes), 'f', 2) + u" MiB"_s;
}

QString formatSignedMiB(std::int64_t bytes)
{
    const QString magnitude = formatMiB(bytes < 0 ? std::uint64_t(-(bytes + 1)) + 1 : std::uint64_t(bytes));
    return bytes < 0 ? u"-"_s + magnitude : magnitude;
}

QString formatBytes(std::uint64_t bytes)
{
    QString digits = QString::number(bytes);
    for (qsizetype i = digits.size() - 3; i > 0; i -= 3)
        digits.insert(i, u',');
    return digits;
}

QString formatSignedBytes(std::int64_t bytes)
{
    const QString magnitude = formatBytes(bytes < 0 ? std::uint64_t(-(bytes + 1)) + 1 : std::uint64_t(bytes));
    return bytes < 0 ? u"-"_s + magnitude : magnitude;
}

QString formatDeltaMiB(std::int64_t bytes)
{
    return bytes < 0 ? formatSignedMiB(bytes) : u"+"_s + formatMiB(std::uint64_t(bytes));
}

QString formatDeltaBytes(std::int64_t bytes)
{
    return bytes < 0 ? formatSignedBytes(bytes) : u"+"_s + formatBytes(std::uint64_t(bytes));
}

QString formatDeltaSize(std::int64_t bytes)
{
    const std::uint64_t size = bytes < 0 ? std::uint64_t(-(bytes + 1)) + 1 : std::uint64_t(bytes);
    const QString sign = bytes < 0 ? u"-"_s : u"+"_s;
    if (size >= 1024 * 1024)
        return sign + formatMiB(size);
    if (size >= 1024)
        return sign + QString::number(double(size) / 1024.0, 'f', 1) + u" KiB"_s;
    return sign + QString::number(size) + u" B"_s;
}

QString formatMiBAndBytes(std::uint64_t bytes)
{
    return formatMiB(bytes) + u" ("_s + formatBytes(bytes) + u" bytes)"_s;
}

} // namespace packscope
