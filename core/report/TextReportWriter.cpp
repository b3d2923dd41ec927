#include "report/TextReportWriter.h"
#include "report/AuditReport.h"
#include "report/SizeFormat.h"

#include <QMap>

using namespace Qt::StringLiterals;

namespace packscope {

namespace {

constexpr std::size_t kCulpritsShown = 20;
constexpr int kWarningPathsShown = 5;

QString sizeText(std::uint64_t value, bool count)
{
    return count ? QString::number(value) : formatMiBAndBytes(value);
}

QString headroomText(std::int64_t headroom, bool count)
{
    if (count)
        return QString::number(headroom);
    return formatSignedMiB(headroom) + u" ("_s + formatSignedBytes(headroom) + u" bytes)"_s;
}

void writePackages(QString &out, const AuditReport &report)
{
    for (const AuditReport::PackageSummary &p : report.packages) {
        out += u"%1 %2 (%3)\n"_s.arg(p.role.leftJustified(9), p.path, p.format);
        out += u"          %1 files, %2 dirs, %3 symlinks\n"_s.arg(formatBytes(p.kept.files),
                                                                   formatBytes(p.kept.dirs),
                                                                   formatBytes(p.kept.symlinks));
        out += u"          zipped%1 %2\n"_s.arg(p.zippedEstimated ? u" (estimate)"_s : u""_s,
                                               formatMiBAndBytes(p.zippedBytes));
        out += u"          unzipped %1\n"_s.arg(formatMiBAndBytes(p.kept.unzipped));
        if (p.excluded.files + p.excluded.dirs > 0)
            out += u"          excluded %1 files, %2 dirs: saves %3 zipped, %4 unzipped\n"_s.arg(
                formatBytes(p.excluded.files), formatBytes(p.excluded.dirs), formatMiB(p.excluded.footprint),
                formatMiB(p.excluded.unzipped));
    }
    if (report.packages.size() > 1) {
        out += u"\nYour layers already use %1 bytes unzipped, so the function itself may use at most %2 bytes "
               u"(the number AWS quotes in \"must be smaller than N bytes\" when layers are attached).\n"_s.arg(
                   formatBytes(report.layersUnzipped), formatBytes(report.functionBudget));
    }
}

void writeLimit(QString &out, const AuditReport::Limit &limit)
{
    const LimitResult &r = limit.result;
    const bool count = r.rule.isCount();
    const QString status = r.rule.isInfo() ? (r.pass ? u"INFO"_s : u"NOTE"_s) : (r.pass ? u"PASS"_s : u"FAIL"_s);
    out += u"  %1  %2  %3 (limit: %4 %5), headroom %6\n"_s.arg(status, r.rule.id, sizeText(r.value, count),
                                                               r.rule.ruleText(), sizeText(r.rule.limit, count),
                                                               headroomText(r.headroom, count));
    if (r.pass)
        return;
    if (r.rule.isInfo()) {
        out += u"        %1\n"_s.arg(r.rule.appliesTo);
        return;
    }
    if (!r.errorText.isEmpty())
        out += u"        AWS says: %1\n"_s.arg(r.errorText);
    if (limit.culprits.empty())
        return;
    std::uint64_t saved = 0;
    for (const Culprit &c : r.culprits)
        saved += c.bytes;
    out += u"        %1 %2 it past the limit (excluding %3 saves %4 bytes%5):\n"_s.arg(
        formatBytes(limit.culprits.size()), limit.culprits.size() == 1 ? u"file pushes"_s : u"files push"_s,
        limit.culprits.size() == 1 ? u"it"_s : u"them"_s, formatBytes(saved),
        r.culpritsSuffice ? u""_s : u", not enough on its own"_s);
    for (std::size_t i = 0; i < limit.culprits.size() && i < kCulpritsShown; ++i) {
        const AuditReport::FileRef &f = limit.culprits[i];
        out += u"          %1  %2\n"_s.arg(formatMiB(r.culprits[i].bytes).rightJustified(12), f.path);
    }
    if (limit.culprits.size() > kCulpritsShown)
        out += u"          ... and %1 more (see --format json)\n"_s.arg(limit.culprits.size() - kCulpritsShown);
}

void writeWarnings(QString &out, const AuditReport &report)
{
    if (report.warnings.empty())
        return;
    QMap<QString, std::vector<const PackageWarning *>> byCode;
    for (const AuditReport::Warning &w : report.warnings)
        byCode[w.warning.code].push_back(&w.warning);
    out += u"\nWarnings (%1):\n"_s.arg(report.warnings.size());
    for (auto it = byCode.cbegin(); it != byCode.cend(); ++it) {
        const auto &list = it.value();
        out += u"  %1 (%2): %3\n"_s.arg(it.key()).arg(list.size()).arg(list.front()->message);
        int shown = 0;
        for (const PackageWarning *w : list) {
            if (w->path.isEmpty())
                continue;
            if (shown++ == kWarningPathsShown) {
                out += u"      ...\n"_s;
                break;
            }
            out += u"      %1\n"_s.arg(w->path);
        }
    }
}

} // namespace

QByteArray TextReportWriter::write(const AuditReport &report)
{
    QString out;
    out += u"Packscope audit, profile %1 (%2)\n\n"_s.arg(report.profileId, report.profileName);
    writePackages(out, report);
    out += u"\nLimits:\n"_s;
    for (const AuditReport::Limit &limit : report.limits)
        writeLimit(out, limit);
    if (!report.largest.empty()) {
        out += u"\nLargest files (unzipped, zipped footprint):\n"_s;
        for (const AuditReport::FileRef &f : report.largest)
            out += u"  %1  %2  %3\n"_s.arg(formatMiB(f.unzippedBytes).rightJustified(12),
                                           formatMiB(f.zippedBytes).rightJustified(12), f.path);
    }
    writeWarnings(out, report);
    const int failed = report.failedLimits();
    out += u"\n%1 [pass:%2 fail:%3]\n"_s.arg(failed > 0 ? u"FAIL"_s : u"PASS"_s).arg(report.passedLimits()).arg(failed);
    return out.toUtf8();
}

} // namespace packscope
