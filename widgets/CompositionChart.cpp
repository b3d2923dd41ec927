#include "CompositionChart.h"

#include "report/PackageComposition.h"
#include "report/SizeFormat.h"
#include "session/Session.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChartView>
#include <QLabel>
#include <QVBoxLayout>
#include <QHorizontalStackedBarSeries>
#include <QLegendMarker>
#include <QLineSeries>
#include <QTimer>
#include <QValueAxis>

#include <cmath>

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

CompositionChart::CompositionChart(Session *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_view(new QChartView(this)), m_key(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto *title = new QLabel(u"<b>%1</b>"_s.arg(tr("What it is made of")), this);
    title->setContentsMargins(4, 0, 0, 0);
    layout->addWidget(title);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(150);
    layout->addWidget(m_view, 1);
    m_key->setTextFormat(Qt::RichText);
    m_key->setContentsMargins(4, 0, 4, 4);
    m_key->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    layout->addWidget(m_key);
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
    QWidget::changeEvent(event);
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
    chart->legend()->hide();
    chart->setAnimationOptions(QChart::NoAnimation);

    auto *series = new QHorizontalStackedBarSeries;
    series->setBarWidth(0.6);
    const std::vector<CompositionPart> parts =
        m_session->hasFunction() ? packageComposition(*m_session, kMaxParts) : std::vector<CompositionPart>{};
    double longest = 0;
    double zippedSum = 0, unzippedSum = 0;
    QString key = u"<table cellspacing=0 cellpadding=1 width=100%>"_s;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const CompositionPart &part = parts[i];
        // Long npm paths would crowd the key: keep the last two segments.
        QString label = part.label;
        const QStringList segments = label.split(u'/');
        if (segments.size() > 2)
            label = u"…/"_s + segments.mid(segments.size() - 2).join(u'/');
        if (label.size() > 34)
            label = label.left(16) + u"…"_s + label.right(17);
        auto *set = new QBarSet(label);
        set->setColor(part.ref.isValid() ? partColor(int(i)) : QColor(0x9A, 0xA0, 0xA8));
        key += u"<tr><td><span style=\"color:%1\">■</span> %2</td><td align=right>%3</td></tr>"_s.arg(
            set->color().name(), label.toHtmlEscaped(), formatMiB(part.unzipped));
        set->setBorderColor(set->color().darker(130));
        *set << double(part.zipped) / kMiB << double(part.unzipped) / kMiB;
        zippedSum += double(part.zipped) / kMiB;
        unzippedSum += double(part.unzipped) / kMiB;
        series->append(set);
    }
    longest = std::max(zippedSum, unzippedSum);
    m_key->setText(parts.empty() ? QString() : key + u"</table>"_s);
    chart->addSeries(series);

    auto *categories = new QBarCategoryAxis;
    categories->append({tr("Zipped"), tr("Unzipped")});
    chart->addAxis(categories, Qt::AlignLeft);
    series->attachAxis(categories);

    // Limit lines: each size limit drawn across the bar it applies to.
    auto *values = new QValueAxis;
    values->setLabelFormat(u"%.0f"_s);
    values->setTitleText(tr("MiB"));
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
    // Round ticks (10, 25, 50, 100 ... MiB) with at most six intervals.
    double step = 10;
    for (const double candidate : {10.0, 25.0, 50.0, 100.0, 250.0, 500.0, 1000.0, 2500.0, 5000.0, 10000.0}) {
        step = candidate;
        if (longest * 1.04 / candidate <= 6)
            break;
    }
    const double top = std::max(step, std::ceil(longest * 1.04 / step) * step);
    values->setRange(0, top);

    values->setLabelsColor(palette().color(QPalette::WindowText));
    values->setTitleBrush(palette().brush(QPalette::WindowText));
    values->setTickCount(int(top / step) + 1);
    categories->setLabelsColor(palette().color(QPalette::WindowText));

    QChart *old = m_view->chart();
    m_view->setChart(chart);
    delete old;
}

} // namespace packscope

namespace packscope {

QString CompositionChart::keyText() const
{
    return m_key->text();
}

} // namespace packscope
