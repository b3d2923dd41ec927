#include "report/DiffReportWriters.h"

#include "compare/PackageDiff.h"
#include "report/Dependencies.h"
#include "report/SizeFormat.h"

using namespace Qt::StringLiterals;

namespace packscope {

namespace {

QString sideLine(const QString &label, const Inventory &side)
{
    QString out;
    for (std::size_t p = 0; p < side.packages.size(); ++p) {
        const Inventory::PackageSummary &s = side.packages[p];
        out += u"%1 %2 %3 (%4): %5 files, zipped%6 %7, unzipped %8\n"_s.arg(
            p == 0 ? label : QString(label.size(), u' '), s.role.leftJustified(8), s.path, s.format,
            formatBytes(s.fileCount), s.zippedEstimated ? u" (estimate)"_s : u""_s, formatMiBAndBytes(s.zippedBytes),
            formatMiBAndBytes(s.unzippedBytes));
    }
    return out;
}

QString valueText(std::uint64_t value, bool count)
{
    return count ? QString::number(value) : formatMiB(value);
}

// As the audit says it: PASS, FAIL, INFO, NOTE, and here NEW FAIL and FIXED.
QString status(const PackageDiff::LimitDelta &l)
{
    if (l.head.rule.isInfo())
        return l.head.pass ? u"INFO"_s : u"NOTE"_s;
    if (l.head.pass)
        return l.isFixed() ? u"FIXED"_s : u"PASS"_s;
    return l.isNewFailure() ? u"NEW FAIL"_s : u"FAIL"_s;
}

QString deltaText(std::int64_t delta, bool count)
{
    return count ? formatDeltaBytes(delta) : formatDeltaMiB(delta) + u" ("_s + formatDeltaBytes(delta) + u" bytes)"_s;
}

} // namespace

QByteArray DiffTextWriter::write(const PackageDiff &diff, const QString &profileId, int top)
{
    QString out = u"Packscope diff, profile %1\n\n"_s.arg(profileId);
    out += sideLine(u"base"_s, diff.base);
    out += sideLine(u"head"_s, diff.head);

    out += u"\nLimits (new failures first):\n"_s;
    for (const PackageDiff::LimitDelta *l : diff.limitsNewFailuresFirst()) {
        const LimitRule &rule = l->head.rule;
        const bool count = rule.isCount();
        out += u"  %1  %2  %3 -> %4 %5 (limit: %6 %7): %8\n"_s.arg(
            status(*l).leftJustified(8), rule.id, valueText(l->base.value, count), valueText(l->head.value, count),
            deltaText(l->delta(), count), rule.ruleText(), valueText(rule.limit, count),
            diffwords::headroomPhrase(*l));
    }

    const PackageDiff::Counts &c = diff.counts;
    out += u"\nTotals: zipped%1 %2, unzipped %3, files %4\n"_s.arg(
        diff.zippedEstimated() ? u" (estimate)"_s : u""_s, deltaText(diff.zippedDelta(), false),
        deltaText(diff.unzippedDelta(), false), formatDeltaBytes(diff.filesDelta()));
    out += u"        %1 added, %2 removed, %3 changed, %4 moved, %5 recompressed, %6 unchanged\n"_s.arg(
        formatBytes(c.added), formatBytes(c.removed), formatBytes(c.changed), formatBytes(c.moved),
        formatBytes(c.recompressed), formatBytes(c.unchanged));

    if (!diff.dependencies.empty()) {
        out += u"\nDependencies (new and dropped first; unzipped, zipped):\n"_s;
        for (std::size_t k = 0; k < diff.dependencies.size() && k < std::size_t(top); ++k) {
            const PackageDiff::DependencyDelta &d = diff.dependencies[k];
            QString what;
            if (!d.inBase)
                what = u"+ %1 %2 (new)"_s.arg(d.name, d.headVersion);
            else if (!d.inHead)
                what = u"- %1 %2 (dropped)"_s.arg(d.name, d.baseVersion);
            else if (d.baseVersion != d.headVersion)
                what = u"  %1 %2 -> %3"_s.arg(d.name, d.baseVersion, d.headVersion);
            else
                what = u"  %1 %2"_s.arg(d.name, d.headVersion);
            out += u"  %1  %2  %3  [%4]\n"_s.arg(formatDeltaSize(d.unzippedDelta()).rightJustified(12),
                                                formatDeltaSize(d.zippedDelta()).rightJustified(12), what.trimmed(),
                                                ecosystemName(d.ecosystem));
        }
        if (diff.dependencies.size() > std::size_t(top))
            out += u"  ... and %1 more (see --format json)\n"_s.arg(diff.dependencies.size() - std::size_t(top));
    }

    if (!diff.files.empty()) {
        out += u"\nLargest file changes (unzipped, zipped):\n"_s;
        for (std::size_t k = 0; k < diff.files.size() && k < std::size_t(top); ++k) {
            const PackageDiff::FileChange &f = diff.files[k];
            QString path = QString::fromUtf8(diff.path(f));
            if (f.change == PackageDiff::Change::Moved)
                path = QString::fromUtf8(diff.base.path(diff.base.files[f.base])) + u" -> "_s + path;
            out += u"  %1  %2  %3  %4\n"_s.arg(changeName(f.change).leftJustified(12),
                                               formatDeltaSize(f.unzippedDelta).rightJustified(12),
                                               formatDeltaSize(f.zippedDelta).rightJustified(12), path);
        }
        if (diff.files.size() > std::size_t(top))
            out += u"  ... and %1 more (see --format json or csv)\n"_s.arg(diff.files.size() - std::size_t(top));
    }

    const int failing = diff.headFailures();
    out += u"\n%1 [new failures:%2 failing:%3]\n"_s.arg(failing > 0 ? u"FAIL"_s : u"PASS"_s)
               .arg(diff.newFailures())
               .arg(failing);
    return out.toUtf8();
}

} // namespace packscope
