#include "report/CsvReportWriter.h"
#include "session/Session.h"

namespace packscope {

void appendCsvField(QByteArray &out, QByteArrayView field)
{
    const bool quote = field.contains(',') || field.contains('"') || field.contains('\n') || field.contains('\r');
    if (!quote) {
        out += field;
        return;
    }
    out += '"';
    for (char c : field) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
}

QByteArray CsvReportWriter::write(const Session &session)
{
    QByteArray out = "path,zipped_bytes,unzipped_bytes,excluded,package\n";
    for (int p = 0; p < session.packageCount(); ++p) {
        const PackagePtr &package = session.package(p);
        if (!package)
            continue;
        const PackageTree &tree = package->tree;
        const ExclusionSet &exclusions = session.exclusions(p);
        const QByteArray packagePath = package->path.toUtf8();
        const std::vector<std::uint8_t> excluded = exclusions.excludedMask();
        for (NodeId id = 1; id < tree.nodeCount(); ++id) {
            const PackageNode &node = tree.node(id);
            if (node.kind == NodeKind::Folder)
                continue;
            appendCsvField(out, tree.pathBytes(id));
            out += ',';
            out += QByteArray::number(qulonglong(node.totals.footprint));
            out += ',';
            out += QByteArray::number(qulonglong(node.totals.unzipped));
            out += (!excluded.empty() && excluded[id]) ? ",true," : ",false,";
            appendCsvField(out, packagePath);
            out += '\n';
        }
    }
    return out;
}

} // namespace packscope
