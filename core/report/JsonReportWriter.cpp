#include "report/JsonReportWriter.h"
#include "report/AuditReport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace packscope {

namespace {

// JSON numbers are doubles; byte counts up to 2^53 are exact, which covers
// every size a real package can have.
QJsonValue bytes(std::uint64_t value)
{
    return QJsonValue(qint64(value));
}

QString measureName(LimitMeasure measure)
{
    switch (measure) {
    case LimitMeasure::FunctionZipped:
        return u"function-zipped"_s;
    case LimitMeasure::FunctionUnzipped:
        return u"function-unzipped"_s;
    case LimitMeasure::TotalUnzipped:
        return u"total-unzipped"_s;
    case LimitMeasure::LayerCount:
        return u"layer-count"_s;
    }
    return {};
}

} // namespace

QByteArray JsonReportWriter::write(const AuditReport &report)
{
    QJsonObject root;
    root.insert(u"schema"_s, u"packscope.audit/1"_s);
    root.insert(u"profile"_s, report.profileId);

    QJsonArray packages;
    for (const AuditReport::PackageSummary &p : report.packages) {
        QJsonObject o;
        o.insert(u"path"_s, p.path);
        o.insert(u"role"_s, p.role);
        o.insert(u"format"_s, p.format);
        o.insert(u"files"_s, qint64(p.kept.files));
        o.insert(u"dirs"_s, qint64(p.kept.dirs));
        o.insert(u"symlinks"_s, qint64(p.kept.symlinks));
        o.insert(u"zipped_bytes"_s, bytes(p.zippedBytes));
        o.insert(u"zipped_estimated"_s, p.zippedEstimated);
        o.insert(u"unzipped_bytes"_s, bytes(p.kept.unzipped));
        o.insert(u"compressed_bytes"_s, bytes(p.kept.compressed));
        o.insert(u"excluded_files"_s, qint64(p.excluded.files));
        o.insert(u"excluded_dirs"_s, qint64(p.excluded.dirs));
        o.insert(u"excluded_zipped_bytes"_s, bytes(p.excluded.footprint));
        o.insert(u"excluded_unzipped_bytes"_s, bytes(p.excluded.unzipped));
        packages.append(o);
    }
    root.insert(u"packages"_s, packages);

    QJsonArray limits;
    for (const AuditReport::Limit &limit : report.limits) {
        const LimitResult &r = limit.result;
        QJsonObject o;
        o.insert(u"id"_s, r.rule.id);
        o.insert(u"title"_s, r.rule.title);
        o.insert(u"measure"_s, measureName(r.rule.measure));
        o.insert(u"rule"_s, r.rule.ruleText());
        o.insert(u"severity"_s, r.rule.isInfo() ? u"info"_s : u"error"_s);
        // Every limit has the same keys so consumers can loop over them; for
        // a count limit (layer-count) "unit" says the numbers are counts.
        o.insert(u"unit"_s, r.rule.isCount() ? u"count"_s : u"bytes"_s);
        o.insert(u"limit_bytes"_s, bytes(r.rule.limit));
        o.insert(u"value_bytes"_s, bytes(r.value));
        o.insert(u"headroom_bytes"_s, qint64(r.headroom));
        o.insert(u"pass"_s, r.pass);
        QJsonArray culprits;
        for (std::size_t i = 0; i < limit.culprits.size(); ++i) {
            QJsonObject c;
            c.insert(u"path"_s, limit.culprits[i].path);
            c.insert(u"package"_s, limit.culprits[i].package);
            c.insert(u"bytes"_s, bytes(r.culprits[i].bytes));
            culprits.append(c);
        }
        o.insert(u"culprits"_s, culprits);
        if (!r.pass && !r.culpritsSuffice)
            o.insert(u"culprits_suffice"_s, false);
        if (!r.rule.errorText.isEmpty())
            o.insert(u"error_text"_s, r.rule.errorText);
        limits.append(o);
    }
    root.insert(u"limits"_s, limits);
    if (report.packages.size() > 1)
        root.insert(u"function_unzipped_budget_bytes"_s, bytes(report.functionBudget));

    QJsonArray largest;
    for (const AuditReport::FileRef &f : report.largest) {
        QJsonObject o;
        o.insert(u"path"_s, f.path);
        o.insert(u"package"_s, f.package);
        o.insert(u"zipped_bytes"_s, bytes(f.zippedBytes));
        o.insert(u"unzipped_bytes"_s, bytes(f.unzippedBytes));
        largest.append(o);
    }
    root.insert(u"largest"_s, largest);

    QJsonArray warnings;
    for (const AuditReport::Warning &w : report.warnings) {
        QJsonObject o;
        o.insert(u"code"_s, w.warning.code);
        o.insert(u"path"_s, w.warning.path);
        o.insert(u"package"_s, w.package);
        o.insert(u"message"_s, w.warning.message);
        warnings.append(o);
    }
    root.insert(u"warnings"_s, warnings);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace packscope
