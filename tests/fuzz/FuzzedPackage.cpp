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
