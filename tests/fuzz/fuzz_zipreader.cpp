// libFuzzer target: the zip central-directory reader (and, for damaged
// input, the local-header recovery scan) over arbitrary bytes.
#include "FuzzedPackage.h"
#include "readers/ZipPackageReader.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace Qt::StringLiterals;
    exerciseFuzzedPackage(packscope::ZipPackageReader::readBytes(data, size, u"fuzz.zip"_s));
    return 0;
}
