#pragma once

#include "model/Package.h"

#include <QByteArrayView>

#include <vector>

namespace packscope {

// What the first bytes of a file say it is.
enum class BinaryKind { Unknown, ElfX86_64, ElfAarch64, ElfOther, MachO, PortableExecutable };

// Finds native binaries in a package by their first bytes: ELF (and for
// which machine), Mach-O, PE. Reads 64 bytes of each candidate (native-looking
// names, executables): from the zip's own records (stored or inflated) or
// from the folder on disk. Tar and 7z packages are not read (their contents
// are not addressable without a second pass); encrypted entries are skipped.
class BinarySniffer
{
public:
    struct Found {
        NodeId node;
        BinaryKind kind;
    };
    // `error`, when given, gets EntryContents::error(): empty, or the package
    // changed on disk since it was opened and what was found is incomplete.
    static std::vector<Found> sniff(const Package &package, QString *error = nullptr);
    static BinaryKind classify(QByteArrayView head, QByteArrayView name);
};

} // namespace packscope
