#include "report/DiffReportWriters.h"

#include "compare/PackageDiff.h"
#include "report/SizeFormat.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace packscope {

namespace {

constexpr qsizetype kLongestPath = 160;  // characters of a path in a table cell

// Text for a table cell: no line breaks, pipes escaped, long paths cut in
// the middle so both the package and the file name stay.
QString cell(QString text)
{
    text.replace(u'\n', u' ').replace(u'\r', u' ');
    if (text.size() > kLongestPath)
        text = text.left(kLongestPath / 2 - 1) + u"…"_s + text.right(kLongestPath / 2);
    return text.replace(u"|"_s, u"\\|"_s);
}

// A path as inline code (backticks inside become quotes, which code spans
// cannot escape).
QString code(const QString &path)
{
    QString text = cell(path);
    text.replace(u'`', u'\'');
    return u"`"_s + text + u"`"_s;
}

QString value(std::uint64_t v, bool count)
{
    return count ? QString::number(v) : formatMiB(v);
}

QString delta(std::int64_t d, bool count)
{
    return count ? formatDeltaBytes(d) : formatDeltaMiB(d);
}

QString icon(const PackageDiff::LimitDelta &l)
{
    if (l.head.rule.isInfo())
        return l.head.pass ? u"ℹ️"_s : u"ℹ️ over"_s;
    if (!l.head.pass)
        return l.isNewFailure() ? u"❌ **new failure**"_s : u"❌ fails"_s;
    return l.isFixed() ? u"✅ fixed"_s : u"✅"_s;
}

QString render(const PackageDiff &diff, const QString &profileId, std::size_t top)
{
    const QString baseName = diff.base.packages.empty() ? QString() : QFileInfo(diff.base.packages[0].path).fileName();
    const QString headName = diff.head.packages.empty() ? QString() : QFileInfo(diff.head.packages[0].path).fileName();
    QString out = u"### Packscope: %1 against %2\n\n"_s.arg(cell(headName), cell(baseName));
    const int failing = diff.headFailures();
    const int newFailures = diff.newFailures();
    if (newFailures > 0)
        out += u"**%1 new limit failure%2.** "_s.arg(newFailures).arg(newFailures == 1 ? u""_s : u"s"_s);
    if (failing == 0)
        out += u"Every `%1` limit holds in head.\n\n"_s.arg(profileId);
    else
        out += u"%1 `%2` limit%3 in head.\n\n"_s.arg(failing).arg(profileId, failing == 1 ? u" fails"_s : u"s fail"_s);

    out += u"| Limit | Base | Head | Change | Headroom | |\n|---|---:|---:|---:|---|---|\n"_s;
    for (const PackageDiff::LimitDelta *limit : diff.limitsNewFailuresFirst()) {
        const PackageDiff::LimitDelta &l = *limit;
        const LimitRule &rule = l.head.rule;
        const bool count = rule.isCount();
        out += u"| %1 (`%2`, %3 %4) | %5 | %6 | %7 | %8 | %9 |\n"_s.arg(
            cell(rule.title), rule.id, rule.ruleText(), value(rule.limit, count), value(l.base.value, count),
            value(l.head.value, count), delta(l.delta(), count),
            cell(diffwords::headroomPhrase(l)), icon(l));
    }
    const PackageDiff::Counts &c = diff.counts;
    out += u"\n**Totals:** zipped%1 %2 (%3 bytes), unzipped %4 (%5 bytes), files %6: %7 added, %8 removed, "
           u"%9 changed, %10 moved.\n"_s
               .arg(diff.zippedEstimated() ? u" (estimate)"_s : u""_s, formatDeltaMiB(diff.zippedDelta()),
                    formatDeltaBytes(diff.zippedDelta()), formatDeltaMiB(diff.unzippedDelta()),
                    formatDeltaBytes(diff.unzippedDelta()), formatDeltaBytes(diff.filesDelta()), formatBytes(c.added),
                    formatBytes(c.removed), formatBytes(c.changed))
               .arg(formatBytes(c.moved));

    if (!diff.dependencies.empty() && top > 0) {
        out += u"\n#### Dependencies that changed\n\n| Dependency | Base | Head | Unzipped | Zipped |\n"
               u"|---|---|---|---:|---:|\n"_s;
        for (std::size_t k = 0; k < diff.dependencies.size() && k < top; ++k) {
            const PackageDiff::DependencyDelta &d = diff.dependencies[k];
            const QString base = d.inBase ? cell(d.baseVersion.isEmpty() ? u"?"_s : d.baseVersion) : u"(new)"_s;
            const QString head = d.inHead ? cell(d.headVersion.isEmpty() ? u"?"_s : d.headVersion) : u"(dropped)"_s;
            out += u"| %1 | %2 | %3 | %4 | %5 |\n"_s.arg(code(d.name), base, head, formatDeltaSize(d.unzippedDelta()),
                                                        formatDeltaSize(d.zippedDelta()));
        }
        if (diff.dependencies.size() > top)
            out += u"\n… and %1 more.\n"_s.arg(diff.dependencies.size() - top);
    }
    if (!diff.files.empty() && top > 0) {
        out += u"\n#### Largest file changes\n\n| Change | File | Unzipped | Zipped |\n|---|---|---:|---:|\n"_s;
        for (std::size_t k = 0; k < diff.files.size() && k < top; ++k) {
            const PackageDiff::FileChange &f = diff.files[k];
            QString file = code(QString::fromUtf8(diff.path(f)));
            if (f.change == PackageDiff::Change::Moved)
                file = code(QString::fromUtf8(diff.base.path(diff.base.files[f.base]))) + u" → "_s + file;
            out += u"| %1 | %2 | %3 | %4 |\n"_s.arg(changeName(f.change), file, formatDeltaSize(f.unzippedDelta),
                                                    formatDeltaSize(f.zippedDelta));
        }
        if (diff.files.size() > top)
            out += u"\n… and %1 more (`packscope-cli diff --format csv` lists them all).\n"_s.arg(diff.files.size() - top);
    }
    return out;
}

} // namespace

QByteArray DiffMarkdownWriter::write(const PackageDiff &diff, const QString &profileId, int top)
{
    // Lists shrink until the comment fits; the limits table always stays.
    std::size_t shown = std::size_t(std::max(top, 0));
    QString out = render(diff, profileId, shown);
    while (out.size() >= kMaxCharacters && shown > 0) {
        shown /= 2;
        out = render(diff, profileId, shown);
    }
    return out.toUtf8();
}

} // namespace packscope
