// libFuzzer target: the zip central-directory reader (and, for damaged
// input, the local-header recovery scan) over arbitrary bytes, read with one
// thread and with two, which must agree to the byte.
#include "FuzzedPackage.h"
#include "readers/ZipPackageReader.h"

#include <cstddef>
#include <cstdlib>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace Qt::StringLiterals;
    using packscope::ZipPackageReader;
    const packscope::LoadResult one = ZipPackageReader::readBytes(data, size, u"fuzz.zip"_s, ZipPackageReader::Threads::One);
    const packscope::LoadResult two = ZipPackageReader::readBytes(data, size, u"fuzz.zip"_s, ZipPackageReader::Threads::Two);
    if (describeRead(one) != describeRead(two))
        std::abort();  // the two ways of walking the central directory disagree
    exerciseFuzzedPackage(two);
    return 0;
}
