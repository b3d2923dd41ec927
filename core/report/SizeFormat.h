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
// "112.59 MiB (118,062,084 bytes)"
QString formatMiBAndBytes(std::uint64_t bytes);
// A size in MiB as a number, for what draws it to scale (chart axes).
double mebibytes(std::uint64_t bytes);

} // namespace packscope
