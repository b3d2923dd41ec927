#include "slim/DebugStripModel.h"

#include <QByteArray>

#include <zlib.h>

#include <algorithm>
#include <set>
#include <vector>

namespace packscope {

namespace {

constexpr std::uint32_t kShtSymtab = 2;
constexpr std::uint32_t kShtNobits = 8;
constexpr std::uint64_t kShfAlloc = 2;
constexpr std::uint8_t kSttSection = 3;
constexpr std::uint8_t kSttFile = 4;
constexpr std::uint16_t kShnLoReserve = 0xff00;

// Bounds-checked little- or big-endian reads over the file.
class ElfBytes
{
public:
    ElfBytes(QByteArrayView data, bool little) : m_data(data), m_little(little) {}
    bool has(std::uint64_t at, std::uint64_t n) const { return at <= std::uint64_t(m_data.size()) && n <= std::uint64_t(m_data.size()) - at; }
    std::uint64_t get(std::uint64_t at, int n) const
    {
        std::uint64_t v = 0;
        for (int i = 0; i < n; ++i) {
            const auto byte = std::uint64_t(static_cast<unsigned char>(m_data[qsizetype(at) + (m_little ? i : n - 1 - i)]));
            v |= byte << (8 * i);
        }
        return v;
    }
    // The NUL-terminated string at `at`, bounded by `end`.
    QByteArrayView cstring(std::uint64_t at, std::uint64_t end) const
    {
        if (at >= end || end > std::uint64_t(m_data.size()))
            return {};
        const QByteArrayView rest = m_data.sliced(qsizetype(at), qsizetype(end - at));
        const qsizetype nul = rest.indexOf('\0');
        return nul < 0 ? rest : rest.first(nul);
    }
    QByteArrayView slice(std::uint64_t at, std::uint64_t n) const { return m_data.sliced(qsizetype(at), qsizetype(n)); }

private:
    QByteArrayView m_data;
    bool m_little;
};

// One section header, as far as the layout needs it.
struct Section {
    QByteArrayView name;
    std::uint32_t type = 0;
    std::uint64_t flags = 0;
    std::uint64_t offset = 0;
    std::uint64_t size = 0;
    std::uint32_t link = 0;
    std::uint64_t align = 0;
    std::uint64_t entsize = 0;
};

bool isDebugSection(QByteArrayView name)
{
    return name.startsWith(".debug") || name.startsWith(".zdebug") || name.startsWith(".gnu.debuglto_")
        || name.startsWith(".stab") || name == ".line";
}

// Size of a string table holding `names`, where a name that is the tail of
// another is stored once inside it (as binutils writes them).
std::uint64_t mergedStringTableSize(std::vector<QByteArrayView> names)
{
    std::erase_if(names, [](QByteArrayView n) { return n.isEmpty(); });
    // Sorted by their reversed bytes, a name that is another's tail sits
    // right before a name ending with it.
    auto reversedLess = [](QByteArrayView a, QByteArrayView b) {
        return std::lexicographical_compare(a.rbegin(), a.rend(), b.rbegin(), b.rend());
    };
    std::sort(names.begin(), names.end(), reversedLess);
    names.erase(std::unique(names.begin(), names.end()), names.end());
    std::uint64_t size = 1;
    for (std::size_t i = 0; i < names.size(); ++i) {
        const bool tailOfNext = i + 1 < names.size() && names[i + 1].endsWith(names[i]);
        if (!tailOfNext)
            size += std::uint64_t(names[i].size()) + 1;
    }
    return size;
}

std::uint64_t deflatedSize(const std::vector<QByteArrayView> &parts)
{
    z_stream stream{};
    if (deflateInit2(&stream, 6, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return 0;
    std::vector<unsigned char> sink(1 << 16);
    std::uint64_t total = 0;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        QByteArrayView part = parts[i];
        const bool last = i + 1 == parts.size();
        do {
            const auto slice = std::min<qsizetype>(part.size(), 1 << 30);
            stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(part.data()));
            stream.avail_in = uInt(slice);
            part = part.sliced(slice);
            const int flush = last && part.isEmpty() ? Z_FINISH : Z_NO_FLUSH;
            do {
                stream.next_out = sink.data();
                stream.avail_out = uInt(sink.size());
                deflate(&stream, flush);
                total += sink.size() - stream.avail_out;
            } while (stream.avail_out == 0);
        } while (!part.isEmpty());
    }
    if (parts.empty()) {
        stream.next_out = sink.data();
        stream.avail_out = uInt(sink.size());
        deflate(&stream, Z_FINISH);
        total += sink.size() - stream.avail_out;
    }
    deflateEnd(&stream);
    return total;
}

std::uint64_t alignUp(std::uint64_t value, std::uint64_t align)
{
    return align > 1 ? (value + align - 1) / align * align : value;
}

} // namespace

std::optional<DebugStrip> predictDebugStrip(QByteArrayView elf)
{
    if (elf.size() < 52 || !elf.startsWith("\x7f" "ELF") || (elf[4] != 1 && elf[4] != 2) || (elf[5] != 1 && elf[5] != 2))
        return std::nullopt;
    const bool is64 = elf[4] == 2;
    const ElfBytes b(elf, elf[5] == 1);
    const int word = is64 ? 8 : 4;
    if (!b.has(0, is64 ? 64 : 52))
        return std::nullopt;
    const std::uint64_t phoff = b.get(is64 ? 0x20 : 0x1C, word);
    const std::uint64_t shoff = b.get(is64 ? 0x28 : 0x20, word);
    const std::uint64_t phentsize = b.get(is64 ? 0x36 : 0x2A, 2);
    const std::uint64_t phnum = b.get(is64 ? 0x38 : 0x2C, 2);
    const std::uint64_t shentsize = b.get(is64 ? 0x3A : 0x2E, 2);
    const std::uint64_t shnum = b.get(is64 ? 0x3C : 0x30, 2);
    const std::uint64_t shstrndx = b.get(is64 ? 0x3E : 0x32, 2);
    if (shnum == 0 || shstrndx >= shnum || shentsize < std::uint64_t(is64 ? 64 : 40) || !b.has(shoff, shnum * shentsize)
        || (phnum > 0 && phentsize < std::uint64_t(is64 ? 56 : 32)) || !b.has(phoff, phnum * phentsize))
        return std::nullopt;

    std::vector<Section> sections(shnum);
    for (std::uint64_t i = 0; i < shnum; ++i) {
        const std::uint64_t at = shoff + i * shentsize;
        Section &s = sections[i];
        s.type = std::uint32_t(b.get(at + 4, 4));
        s.flags = b.get(at + 8, word);
        s.offset = b.get(at + (is64 ? 0x18 : 0x10), word);
        s.size = b.get(at + (is64 ? 0x20 : 0x14), word);
        s.link = std::uint32_t(b.get(at + (is64 ? 0x28 : 0x18), 4));
        s.align = b.get(at + (is64 ? 0x30 : 0x20), word);
        s.entsize = b.get(at + (is64 ? 0x38 : 0x24), word);
        if (s.type != kShtNobits && !b.has(s.offset, s.size))
            return std::nullopt;
    }
    const Section &names = sections[shstrndx];
    for (std::uint64_t i = 0; i < shnum; ++i) {
        const std::uint32_t nameOffset = std::uint32_t(b.get(shoff + i * shentsize, 4));
        sections[i].name = b.cstring(names.offset + nameOffset, names.offset + names.size);
    }

    std::set<std::uint64_t> removed;
    DebugStrip result;
    std::vector<QByteArrayView> removedBytes;
    for (std::uint64_t i = 1; i < shnum; ++i) {
        if (isDebugSection(sections[i].name)) {
            removed.insert(i);
            if (sections[i].type != kShtNobits) {
                result.debugSectionBytes += sections[i].size;
                removedBytes.push_back(b.slice(sections[i].offset, sections[i].size));
            }
        }
    }

    // The symbol table keeps its symbols but file and section symbols and
    // those defined in removed sections; its string table is written anew.
    std::vector<std::uint64_t> newSizes(shnum);
    for (std::uint64_t i = 0; i < shnum; ++i)
        newSizes[i] = sections[i].size;
    for (std::uint64_t i = 0; i < shnum; ++i) {
        const Section &symtab = sections[i];
        if (symtab.type != kShtSymtab || removed.count(i) || symtab.link >= shnum)
            continue;
        const Section &strings = sections[symtab.link];
        const std::uint64_t entry = symtab.entsize ? symtab.entsize : std::uint64_t(is64 ? 24 : 16);
        if (entry < std::uint64_t(is64 ? 24 : 16))
            return std::nullopt;  // symbols smaller than their fields: not a real symbol table
        std::uint64_t kept = 0;
        std::vector<QByteArrayView> keptNames;
        for (std::uint64_t k = 0; k < symtab.size / entry; ++k) {
            const std::uint64_t at = symtab.offset + k * entry;
            const std::uint64_t nameOffset = b.get(at, 4);
            const auto info = std::uint8_t(b.get(at + (is64 ? 4 : 12), 1));
            const std::uint64_t shndx = b.get(at + (is64 ? 6 : 14), 2);
            const std::uint8_t type = info & 0xf;
            const bool drop = k > 0
                && (type == kSttFile || type == kSttSection || (shndx < kShnLoReserve && removed.count(shndx)));
            if (drop)
                continue;
            ++kept;
            keptNames.push_back(b.cstring(strings.offset + nameOffset, strings.offset + strings.size));
        }
        newSizes[i] = kept * entry;
        newSizes[symtab.link] = mergedStringTableSize(std::move(keptNames));
    }
    std::vector<QByteArrayView> keptSectionNames;
    for (std::uint64_t i = 0; i < shnum; ++i) {
        if (!removed.count(i))
            keptSectionNames.push_back(sections[i].name);
    }
    newSizes[shstrndx] = mergedStringTableSize(std::move(keptSectionNames));

    // Loaded contents stay where they are; the rest follows them.
    std::uint64_t end = std::max<std::uint64_t>(is64 ? 64 : 52, phoff + phnum * phentsize);
    for (const Section &s : sections) {
        if ((s.flags & kShfAlloc) && s.type != kShtNobits)
            end = std::max(end, s.offset + s.size);
    }
    for (std::uint64_t k = 0; k < phnum; ++k) {
        const std::uint64_t at = phoff + k * phentsize;
        end = std::max(end, b.get(at + (is64 ? 8 : 4), word) + b.get(at + (is64 ? 0x20 : 0x10), word));
    }
    for (std::uint64_t i = 1; i < shnum; ++i) {
        const Section &s = sections[i];
        if (removed.count(i) || (s.flags & kShfAlloc))
            continue;
        end = alignUp(end, s.align);
        if (s.type != kShtNobits)
            end += newSizes[i];
    }
    result.strippedSize = alignUp(end, std::uint64_t(word)) + (shnum - removed.size()) * shentsize;
    result.deflatedEstimate = removedBytes.empty() ? 0 : deflatedSize(removedBytes);
    return result;
}

} // namespace packscope
