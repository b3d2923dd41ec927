// libFuzzer target: the libarchive-based reader (tar and its compressions,
// 7z, cpio, ...) and the zip-size estimate over arbitrary bytes.
#include "FuzzedPackage.h"
#include "readers/ArchivePackageReader.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace Qt::StringLiterals;
    exerciseFuzzedPackage(packscope::ArchivePackageReader::readBytes(data, size, u"fuzz.tar"_s));
    return 0;
}
