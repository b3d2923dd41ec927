#include "CompositionChart.h"

#include "report/PackageComposition.h"
#include "report/SizeFormat.h"
#include "session/Session.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChartView>
#include <QGraphicsLayout>
#include <QLabel>
#include <QVBoxLayout>
#include <QHorizontalStackedBarSeries>
#include <QLineSeries>
#include <QTimer>
#include <QValueAxis>

#include <cmath>

using namespace Qt::StringLiterals;

namespace packscope {

namespace {

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
    : QWidget(parent), m_session(session), m_view(new QChartView(this)), m_key(new QLabel(this)),
      m_refreshTimer(new QTimer(this))
{
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(120);
    connect(m_refreshTimer, &QTimer::timeout, this, &CompositionChart::refresh);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto *title = new QLabel(u"<b>%1</b>"_s.arg(tr("What it is made of")), this);
    title->setContentsMargins(4, 0, 0, 0);
    layout->addWidget(title);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(72);
    layout->addWidget(m_view, 1);
    m_key->setTextFormat(Qt::RichText);
    m_key->setContentsMargins(4, 0, 4, 4);
    // As tall as the most parts need: an edit that changes their number
    // must not move the splitter's panels.
    m_key->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    m_key->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_key->setFixedHeight(kMaxParts * (fontMetrics().lineSpacing() + 2) + 6);
    layout->addWidget(m_key);
    connect(m_session, &Session::changed, this, &CompositionChart::scheduleRefresh);
    refresh();
}

void CompositionChart::scheduleRefresh()
{
    // The gauges and the treemap answer an edit in the same frame; the chart
    // follows a moment later, once for a burst of edits.
    if (!m_refreshTimer->isActive())
        m_refreshTimer->start();
}

void CompositionChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange)
        m_key->setFixedHeight(kMaxParts * (fontMetrics().lineSpacing() + 2) + 6);
    if (event->type() == QEvent::PaletteChange) {
        m_signature.clear();  // colours are part of the chart: rebuild it
        scheduleRefresh();
    }
    QWidget::changeEvent(event);
}

void CompositionChart::refresh()
{
    m_refreshTimer->stop();
    const std::vector<CompositionPart> parts =
        m_session->hasFunction() ? packageComposition(*m_session, kMaxParts) : std::vector<CompositionPart>{};
    QStringList labels;
    for (const CompositionPart &part : parts) {
        // Long npm paths would crowd the key: keep the last two segments.
        QString label = part.label;
        const QStringList segments = label.split(u'/');
        if (segments.size() > 2)
            label = u"…/"_s + segments.mid(segments.size() - 2).join(u'/');
        if (label.size() > 28)
            label = label.left(13) + u"…"_s + label.right(14);
        labels << label;
    }
    // Same parts and limits as on show: only the numbers move.
    const QString signature = labels.join(u'\n') + u'\n' + m_session->profile().id;
    if (signature != m_signature || !m_series) {
        rebuild(labels, parts);
        m_signature = signature;
    }

    QString key = u"<table cellspacing=0 cellpadding=1 width=100%>"_s;
    const QList<QBarSet *> sets = m_series->barSets();
    for (std::size_t i = 0; i < parts.size() && i < std::size_t(sets.size()); ++i) {
        const CompositionPart &part = parts[i];
        QBarSet *set = sets[qsizetype(i)];
        set->replace(0, mebibytes(part.zipped));
        set->replace(1, mebibytes(part.unzipped));
        key += u"<tr><td><span style=\"color:%1\">■</span> %2</td><td align=right>%3</td></tr>"_s.arg(
            set->color().name(), labels[qsizetype(i)].toHtmlEscaped(), formatMiB(part.unzipped));
    }
    m_key->setText(parts.empty() ? QString() : key + u"</table>"_s);

    const CompositionTotals bars = compositionTotals(parts);
    double longest = mebibytes(std::max(bars.zipped, bars.unzipped));
    for (const LimitRule &rule : m_session->profile().limits) {
        if (!rule.isInfo() && !rule.isCount())
            longest = std::max(longest, mebibytes(rule.limit));
    }
    // Round ticks (10, 25, 50, 100 ... MiB) with at most six intervals.
    double step = 10;
    for (const double candidate : {10.0, 25.0, 50.0, 100.0, 250.0, 500.0, 1000.0, 2500.0, 5000.0, 10000.0}) {
        step = candidate;
        if (longest * 1.04 / candidate <= 6)
            break;
    }
    const double top = std::max(step, std::ceil(longest * 1.04 / step) * step);
    m_values->setRange(0, top);
    m_values->setTickCount(int(top / step) + 1);
}

void CompositionChart::rebuild(const QStringList &labels, const std::vector<CompositionPart> &parts)
{
    auto *chart = new QChart;
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundBrush(palette().brush(QPalette::Window));
    chart->setBackgroundRoundness(0);
    // Tight: in a short chart QtCharts elides the axis labels first.
    chart->setMargins(QMargins(2, 2, 2, 0));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->legend()->hide();
    chart->setAnimationOptions(QChart::NoAnimation);

    m_series = new QHorizontalStackedBarSeries;
    m_series->setBarWidth(0.6);
    for (qsizetype i = 0; i < labels.size(); ++i) {
        auto *set = new QBarSet(labels[i]);
        set->setColor(parts[std::size_t(i)].ref.isValid() ? partColor(int(i)) : QColor(0x9A, 0xA0, 0xA8));
        set->setBorderColor(set->color().darker(130));
        *set << 0.0 << 0.0;
        m_series->append(set);
    }
    chart->addSeries(m_series);

    auto *categories = new QBarCategoryAxis;
    categories->append({tr("Zipped"), tr("Unzipped")});
    categories->setLabelsColor(palette().color(QPalette::WindowText));
    chart->addAxis(categories, Qt::AlignLeft);
    m_series->attachAxis(categories);

    m_values = new QValueAxis;
    m_values->setLabelFormat(u"%.0f"_s);  // MiB, as the key says
    m_values->setLabelsColor(palette().color(QPalette::WindowText));
    auto *lanes = new QValueAxis;
    lanes->setRange(-0.5, 1.5);
    lanes->setVisible(false);
    chart->addAxis(m_values, Qt::AlignBottom);
    chart->addAxis(lanes, Qt::AlignRight);
    m_series->attachAxis(m_values);
    // Limit lines: each size limit drawn across the bar it applies to.
    for (const LimitRule &rule : m_session->profile().limits) {
        if (rule.isInfo() || rule.isCount())
            continue;
        const double lane = rule.measure == LimitMeasure::FunctionZipped ? 0.0 : 1.0;
        const double x = mebibytes(rule.limit);
        auto *line = new QLineSeries;
        line->setName(tr("limit %1").arg(formatMiB(rule.limit)));
        line->append(x, lane - 0.42);
        line->append(x, lane + 0.42);
        line->setPen(QPen(QColor(0xD7, 0x26, 0x2E), 2.5, Qt::DashLine));
        chart->addSeries(line);
        line->attachAxis(m_values);
        line->attachAxis(lanes);
    }

    QChart *old = m_view->chart();
    m_view->setChart(chart);
    delete old;
}

} // namespace packscope
