#pragma once

#include <QString>

#include <cstdint>

namespace packscope {

// How sizes are written everywhere (CLI text, GUI labels): MiB with two
// decimals, exact bytes with thousands separators.
QString formatMiB(std::uint64_t bytes);
QString formatSignedMiB(std::int64_t bytes);
QString formatBytes(std::uint64_t bytes);
QString formatSignedBytes(std::int64_t bytes);
// A change, always signed: "+1.20 MiB", "-0.50 MiB", "+0.00 MiB"; "+1,234", "-5".
QString formatDeltaMiB(std::int64_t bytes);
QString formatDeltaBytes(std::int64_t bytes);
// A change in the unit that shows it: "+1.20 MiB", "-147.5 KiB", "+12 B".
QString formatDeltaSize(std::int64_t bytes);
// "112.59 MiB (118,062,084 bytes)"
QString formatMiBAndBytes(std::uint64_t bytes);
// A size in MiB as a number, for what draws it to scale (chart axes).
double mebibytes(std::uint64_t bytes);

} // namespace packscope
