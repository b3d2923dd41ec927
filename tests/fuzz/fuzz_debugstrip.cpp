// libFuzzer target: the strip --strip-debug model over arbitrary bytes (it
// parses ELF headers, section and symbol tables of untrusted binaries).
#include "slim/DebugStripModel.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    (void)packscope::predictDebugStrip(QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)));
    return 0;
}
