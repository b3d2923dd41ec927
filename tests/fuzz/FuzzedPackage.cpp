#include "FuzzedPackage.h"
#include "report/AuditReport.h"
#include "report/CsvReportWriter.h"
#include "report/JsonReportWriter.h"
#include "session/Session.h"

using namespace packscope;

void exerciseFuzzedPackage(const LoadResult &result)
{
    const PackagePtr package = result.ok() ? result.package : result.partial;
    if (!package)
        return;
    const PackageTree &tree = package->tree;
    for (NodeId id = 0; id < tree.nodeCount(); ++id)
        (void)tree.path(id);
    Session session;
    session.setProfile(LimitProfile::awsLambda());
    session.setFunction(package);
    const auto top = tree.children(tree.root());
    if (!top.empty())
        session.exclude(0, top.front());
    const AuditReport report = AuditReport::build(session, 5);
    (void)JsonReportWriter::write(report);
    (void)CsvReportWriter::write(session);
    session.undo();
}

namespace {

void describePackage(QByteArray &out, const Package &package)
{
    const PackageTree &tree = package.tree;
    out += "format " + formatName(package.format).toUtf8() + " file " + QByteArray::number(package.fileSize)
        + " fixed " + QByteArray::number(package.fixedZipBytes) + '\n';
    for (NodeId id = 0; id < tree.nodeCount(); ++id) {
        const PackageNode &n = tree.node(id);
        const SizeTotals &t = n.totals;
        out += tree.pathBytes(id) + ' ' + QByteArray::number(int(n.kind)) + ' ' + QByteArray::number(n.flags) + ' '
            + QByteArray::number(n.mode) + ' ' + QByteArray::number(n.entryIndex) + ' ' + QByteArray::number(n.parent)
            + ' ' + QByteArray::number(t.unzipped) + ' ' + QByteArray::number(t.compressed) + ' '
            + QByteArray::number(t.footprint) + ' ' + QByteArray::number(t.files) + ' ' + QByteArray::number(t.dirs)
            + ' ' + QByteArray::number(t.symlinks) + " children";
        for (const NodeId child : tree.children(id))
            out += ' ' + QByteArray::number(child);
        out += '\n';
    }
    for (const ZipEntryLocation &l : tree.zipLocations())
        out += "at " + QByteArray::number(l.localOffset) + ' ' + QByteArray::number(l.localLength) + ' '
            + QByteArray::number(l.centralOffset) + ' ' + QByteArray::number(l.centralLength) + ' '
            + QByteArray::number(l.crc32) + ' ' + QByteArray::number(l.method) + ' '
            + QByteArray::number(l.generalFlags) + '\n';
    for (const PackageWarning &w : package.warnings)
        out += "warning " + w.code.toUtf8() + ' ' + w.path.toUtf8() + ": " + w.message.toUtf8() + '\n';
    for (const auto &[code, left] : package.warnings.omitted())
        out += "omitted " + code.toUtf8() + ' ' + QByteArray::number(left) + '\n';
}

} // namespace

QByteArray describeRead(const LoadResult &result)
{
    QByteArray out = "error " + result.error.toUtf8() + '\n';
    if (result.package)
        describePackage(out, *result.package);
    if (result.partial) {
        out += "partial\n";
        describePackage(out, *result.partial);
    }
    return out;
}
