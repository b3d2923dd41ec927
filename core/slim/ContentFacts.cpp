#include "slim/ContentFacts.h"
#include "readers/EntryContents.h"

namespace packscope {

namespace {

// Binaries are read whole to reach their section headers; beyond this they
// are left alone (no Lambda package holds such a file).
constexpr qsizetype kMaxBinaryBytes = qsizetype(1) << 30;

} // namespace

ContentFacts ContentFacts::gather(const Package &package, const JobControl &control)
{
    ContentFacts facts;
    facts.binaries = BinarySniffer::sniff(package, &facts.error);
    const EntryContents contents(package);
    for (const BinarySniffer::Found &b : facts.binaries) {
        if (!contents.isReadable() || control.isCancelled())
            break;
        if (b.kind != BinaryKind::ElfX86_64 && b.kind != BinaryKind::ElfAarch64 && b.kind != BinaryKind::ElfOther)
            continue;
        const std::optional<QByteArray> bytes = contents.whole(b.node, kMaxBinaryBytes);
        if (!bytes)
            continue;
        const std::optional<DebugStrip> strip = predictDebugStrip(*bytes);
        // Only files with debug sections: file symbols alone are a few bytes.
        if (strip && strip->debugSectionBytes > 0 && strip->strippedSize < std::uint64_t(bytes->size()))
            facts.strippable.push_back({b.node, *strip});
    }
    if (facts.error.isEmpty())
        facts.error = contents.error();
    return facts;
}

} // namespace packscope
