#include "TreemapToolTip.h"

#include "report/SizeFormat.h"
#include "session/Session.h"

#include <QCoreApplication>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace packscope {

namespace {

QString translate(const char *text)
{
    return QCoreApplication::translate("TreemapWidget", text);
}

} // namespace

QString treemapToolTip(const Session &session, const TreemapTile &tile, SizeMode mode)
{
    const PackagePtr &package = session.package(tile.ref.package);
    const PackageTree &tree = package->tree;
    const SizeTotals kept = session.exclusions(tile.ref.package).keptTotals(tile.ref.node);
    QString html = u"<b>%1</b>"_s.arg(
        (tile.ref.node == tree.root() ? QFileInfo(package->path).fileName() : tree.path(tile.ref.node)).toHtmlEscaped());
    if (tile.remainder)
        html += u"<br>"_s
            + (tile.smallItems == 1 ? translate("1 item too small to draw here")
                                    : QCoreApplication::translate("TreemapWidget", "%n items too small to draw here",
                                                                  nullptr, int(tile.smallItems)));
    if (tile.ref.package > 0)
        html += u"<br>"_s + translate("in layer %1").arg(tile.ref.package);
    if (tile.remainder) {
        html += u"<br>"_s + translate("together %1 (%2 bytes) %3")
                                .arg(formatMiB(tile.size), formatBytes(tile.size),
                                     mode == SizeMode::Unzipped ? translate("unzipped") : translate("zipped"));
        return html;
    }
    const std::uint64_t zipped = kept.footprint;
    html += u"<table>"_s;
    html += u"<tr><td>%1</td><td align=right>%2</td><td>(%3 bytes)</td></tr>"_s.arg(
        translate("Unzipped"), formatMiB(kept.unzipped), formatBytes(kept.unzipped));
    html += u"<tr><td>%1%2</td><td align=right>%3</td><td>(%4 bytes)</td></tr>"_s.arg(
        translate("Zipped"), package->zippedEstimated ? translate(" (estimate)") : QString(), formatMiB(zipped), formatBytes(zipped));
    html += u"</table>"_s;
    for (const LimitShare &share : session.evaluation().sharesOf(tile.ref.package, kept)) {
        html += u"<br>"_s + translate("%1 % of %2 (%3)")
                                .arg(QString::number(100.0 * share.fraction, 'f', 1), share.rule->title.toHtmlEscaped(),
                                     formatMiB(share.rule->limit));
    }
    return html;
}

} // namespace packscope
