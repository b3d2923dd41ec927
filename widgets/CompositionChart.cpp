#include "CompositionChart.h"

#include "report/PackageComposition.h"
#include "report/SizeFormat.h"
#include "session/Session.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QHorizontalStackedBarSeries>
#include <QLegendMarker>
#include <QLineSeries>
#include <QTimer>
#include <QValueAxis>

using namespace Qt::StringLiterals;

namespace packscope {

namespace {

constexpr double kMiB = 1024.0 * 1024.0;

// Distinct, calm colours for the parts; "other" is grey.
QColor partColor(int index)
{
    static const QColor colors[] = {QColor(0x4C, 0x78, 0xA8), QColor(0xF5, 0x85, 0x18), QColor(0x54, 0xA2, 0x4B),
                                    QColor(0xB2, 0x79, 0xA2), QColor(0x9D, 0x75, 0x5D), QColor(0x72, 0xB7, 0xB2),
                                    QColor(0xEE, 0xCA, 0x3B), QColor(0xFF, 0x9D, 0xA6)};
    return colors[index % 8];
}

} // namespace

CompositionChart::CompositionChart(Session *session, QWidget *parent) : QChartView(parent), m_session(session)
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(170);
    connect(m_session, &Session::changed, this, &CompositionChart::scheduleRefresh);
    refresh();
}

void CompositionChart::scheduleRefresh()
{
    if (m_refreshPending)
        return;
    m_refreshPending = true;
    QTimer::singleShot(0, this, &CompositionChart::refresh);
}

void CompositionChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        scheduleRefresh();
    QChartView::changeEvent(event);
}

void CompositionChart::refresh()
{
    m_refreshPending = false;
    auto *chart = new QChart;
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundBrush(palette().brush(QPalette::Window));
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->setAlignment(Qt::AlignRight);
    chart->legend()->setLabelColor(palette().color(QPalette::WindowText));
    chart->setAnimationOptions(QChart::NoAnimation);

    auto *series = new QHorizontalStackedBarSeries;
    series->setBarWidth(0.6);
    const std::vector<CompositionPart> parts =
        m_session->hasFunction() ? packageComposition(*m_session, kMaxParts) : std::vector<CompositionPart>{};
    double longest = 0;
    double zippedSum = 0, unzippedSum = 0;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const CompositionPart &part = parts[i];
        // Long npm paths would crowd the legend: keep the last two segments.
        QString label = part.label;
        const QStringList segments = label.split(u'/');
        if (segments.size() > 2)
            label = u"…/"_s + segments.mid(segments.size() - 2).join(u'/');
        auto *set = new QBarSet(u"%1  %2"_s.arg(label, formatMiB(part.unzipped)));
        set->setColor(part.ref.isValid() ? partColor(int(i)) : QColor(0x9A, 0xA0, 0xA8));
        set->setBorderColor(set->color().darker(130));
        *set << double(part.zipped) / kMiB << double(part.unzipped) / kMiB;
        zippedSum += double(part.zipped) / kMiB;
        unzippedSum += double(part.unzipped) / kMiB;
        series->append(set);
    }
    longest = std::max(zippedSum, unzippedSum);
    chart->addSeries(series);

    auto *categories = new QBarCategoryAxis;
    categories->append({tr("Zipped"), tr("Unzipped")});
    chart->addAxis(categories, Qt::AlignLeft);
    series->attachAxis(categories);

    // Limit lines: each size limit drawn across the bar it applies to.
    auto *values = new QValueAxis;
    values->setLabelFormat(u"%.0f MiB"_s);
    auto *lanes = new QValueAxis;
    lanes->setRange(-0.5, 1.5);
    lanes->setVisible(false);
    chart->addAxis(values, Qt::AlignBottom);
    chart->addAxis(lanes, Qt::AlignRight);
    series->attachAxis(values);
    for (const LimitRule &rule : m_session->profile().limits) {
        if (rule.isInfo() || rule.isCount())
            continue;
        const double lane = rule.measure == LimitMeasure::FunctionZipped ? 0.0 : 1.0;
        const double x = double(rule.limit) / kMiB;
        longest = std::max(longest, x);
        auto *line = new QLineSeries;
        line->setName(tr("limit %1").arg(formatMiB(rule.limit)));
        line->append(x, lane - 0.42);
        line->append(x, lane + 0.42);
        line->setPen(QPen(QColor(0xD7, 0x26, 0x2E), 2.5, Qt::DashLine));
        chart->addSeries(line);
        line->attachAxis(values);
        line->attachAxis(lanes);
        for (QLegendMarker *marker : chart->legend()->markers(line))
            marker->setVisible(false);
    }
    values->setRange(0, std::max(1.0, longest * 1.08));
    values->applyNiceNumbers();
    values->setLabelsColor(palette().color(QPalette::WindowText));
    categories->setLabelsColor(palette().color(QPalette::WindowText));

    QChart *old = this->chart();
    setChart(chart);
    delete old;
}

} // namespace packscope
