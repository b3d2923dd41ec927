#include "report/DiffReportWriters.h"

#include "compare/PackageDiff.h"
#include "report/CsvReportWriter.h"

namespace packscope {

QByteArray DiffCsvWriter::write(const PackageDiff &diff)
{
    QByteArray out = "change,package_index,path,from_path,base_zipped_bytes,head_zipped_bytes,zipped_delta_bytes,"
                     "base_unzipped_bytes,head_unzipped_bytes,unzipped_delta_bytes\n";
    auto number = [&out](std::int64_t value) {
        out += ',';
        out += QByteArray::number(qlonglong(value));
    };
    for (const PackageDiff::FileChange &f : diff.files) {
        const Inventory::File *b = f.base != PackageDiff::kNone ? &diff.base.files[f.base] : nullptr;
        const Inventory::File *h = f.head != PackageDiff::kNone ? &diff.head.files[f.head] : nullptr;
        out += changeName(f.change).toLatin1();
        number(diff.package(f));
        out += ',';
        appendCsvField(out, diff.path(f));
        out += ',';
        if (f.change == PackageDiff::Change::Moved)
            appendCsvField(out, diff.base.path(*b));
        number(b ? std::int64_t(b->zipped) : 0);
        number(h ? std::int64_t(h->zipped) : 0);
        number(f.zippedDelta);
        number(b ? std::int64_t(b->unzipped) : 0);
        number(h ? std::int64_t(h->unzipped) : 0);
        number(f.unzippedDelta);
        out += '\n';
    }
    return out;
}

} // namespace packscope
