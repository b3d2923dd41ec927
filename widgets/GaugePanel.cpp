#include "GaugePanel.h"

#include "LimitGauge.h"

#include "report/SizeFormat.h"
#include "session/Session.h"

#include <QEvent>
#include <QGridLayout>
#include <QLabel>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace packscope {

namespace {

// Paths have no spaces to wrap at. The file name is what tells two culprits
// apart: keep it whole, and the start of the folders; elide their middle.
QString shortPath(const QString &path)
{
    constexpr qsizetype kMax = 44;
    if (path.size() <= kMax)
        return path;
    const qsizetype slash = path.lastIndexOf(u'/');
    const QString name = path.mid(slash + 1);
    constexpr qsizetype kMaxName = 60;  // only a name longer than this loses its middle
    if (name.size() > kMaxName)
        return name.left(kMaxName / 2 - 1) + u"…"_s + name.right(kMaxName / 2);
    if (slash < 0 || name.size() + 8 >= kMax)
        return slash < 0 ? name : u"…/"_s + name;
    const qsizetype folders = kMax - name.size() - 2;  // "…/" between
    return path.left(folders) + u"…/"_s + name;
}

} // namespace

GaugePanel::GaugePanel(Session *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_layout(new QGridLayout(this))
{
    m_layout->setContentsMargins(4, 4, 4, 4);
    m_layout->setHorizontalSpacing(12);
    m_layout->setVerticalSpacing(0);
    // Follows the session's evaluation itself: nobody pushes results in.
    connect(m_session, &Session::changed, this, [this] { setResults(m_session->evaluation().limits); });
    setResults(m_session->evaluation().limits);
}

LimitGauge *GaugePanel::gauge(const QString &limitId) const
{
    for (LimitGauge *g : m_gauges) {
        if (g->result().rule.id == limitId)
            return g;
    }
    return nullptr;
}

QString GaugePanel::culpritText(const QString &limitId) const
{
    for (const Slot &slot : m_slots) {
        if (slot.gauge->result().rule.id == limitId)
            return slot.culprits->text();
    }
    return {};
}

void GaugePanel::rebuild(const std::vector<LimitResult> &results)
{
    for (Slot &slot : m_slots) {
        delete slot.gauge;
        delete slot.culprits;
    }
    m_slots.clear();
    m_gauges.clear();
    for (const LimitResult &result : results) {
        auto *gauge = new LimitGauge(m_session, this);
        auto *culprits = new QLabel(this);
        culprits->setWordWrap(false);
        culprits->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        culprits->setTextInteractionFlags(Qt::TextBrowserInteraction);
        culprits->setContentsMargins(6, 0, 6, 0);
        const std::size_t index = m_slots.size();
        connect(culprits, &QLabel::linkActivated, this,
                [this, index] { Q_EMIT culpritsActivated(m_slots[index].refs); });
        // Only a size limit that is a real error has culprits; its lines are
        // reserved whether it passes or not.
        m_slots.push_back({gauge, culprits, {}, !result.rule.isInfo() && !result.rule.isCount()});
        m_gauges.push_back(gauge);
    }
    reserveCulpritLines();
    m_columns = 0;
    arrange();
}

void GaugePanel::reserveCulpritLines()
{
    // A fixed height: culprits coming and going never move what is below.
    const int height = kCulpritLines * fontMetrics().lineSpacing() + 4;
    for (const Slot &slot : m_slots) {
        if (slot.mayHaveCulprits)
            slot.culprits->setFixedHeight(height);
        else
            slot.culprits->setFixedHeight(0);
    }
}

void GaugePanel::arrange()
{
    // One row when the gauges have room for their titles and verdicts, two
    // when not (a narrow window, presentation mode's large fonts).
    int wanted = 0;
    for (const LimitGauge *gauge : m_gauges)
        wanted = std::max(wanted, gauge->oneLineWidth());
    const int count = int(m_slots.size());
    int columns = count;
    if (count > 2 && width() / count < wanted)
        columns = (count + 1) / 2;
    if (columns == m_columns || columns == 0)
        return;
    m_columns = columns;
    for (const Slot &slot : m_slots) {
        m_layout->removeWidget(slot.gauge);
        m_layout->removeWidget(slot.culprits);
    }
    for (int c = 0; c < m_layout->columnCount(); ++c)
        m_layout->setColumnStretch(c, 0);
    for (int i = 0; i < count; ++i) {
        const int row = (i / columns) * 2;
        const int column = i % columns;
        m_layout->addWidget(m_slots[std::size_t(i)].gauge, row, column);
        m_layout->addWidget(m_slots[std::size_t(i)].culprits, row + 1, column);
        m_layout->setColumnStretch(column, 1);
    }
}

void GaugePanel::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    arrange();
}

void GaugePanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        reserveCulpritLines();
        m_columns = 0;
        arrange();
    }
    // A rich-text label keeps the link colour it was laid out with: lay the
    // culprit lines out again in the new palette.
    if (event->type() == QEvent::PaletteChange) {
        for (Slot &slot : m_slots) {
            const QString text = slot.culprits->text();
            slot.culprits->clear();
            slot.culprits->setText(text);
        }
    }
}

void GaugePanel::setResults(const std::vector<LimitResult> &results)
{
    bool same = results.size() == m_slots.size();
    for (std::size_t i = 0; same && i < results.size(); ++i)
        same = m_slots[i].gauge->result().rule.id == results[i].rule.id;
    if (!same)
        rebuild(results);
    const bool functionEstimated = m_session->hasFunction() && m_session->package(0)->zippedEstimated;
    for (std::size_t i = 0; i < results.size(); ++i) {
        const LimitResult &result = results[i];
        Slot &slot = m_slots[i];
        slot.gauge->setResult(result, functionEstimated && result.rule.measure == LimitMeasure::FunctionZipped);
        slot.refs.clear();
        for (const Culprit &culprit : result.culprits)
            slot.refs.push_back({culprit.package, culprit.node});
        if (result.pass || result.culprits.empty()) {
            if (!slot.culprits->text().isEmpty())
                slot.culprits->clear();
            continue;
        }
        const int count = int(result.culprits.size());
        QString text = u"<a href=\"#culprits\">%1</a>"_s.arg(
            result.culpritsSuffice ? (count == 1 ? tr("1 file pushes this past the limit")
                                                 : tr("%n files push this past the limit", nullptr, count))
                                   : tr("Even without all %n files this stays over", nullptr, count));
        // The biggest two by name (often one file is the whole story); the
        // link counts them all and selects them.
        for (int i = 0; i < std::min(count, kCulpritLines - 1); ++i) {
            const Culprit &c = result.culprits[std::size_t(i)];
            const PackageTree &tree = m_session->package(c.package)->tree;
            text += u"<br>%1 &nbsp;<span style=\"color:#d7262e\">%2</span>"_s.arg(
                shortPath(tree.path(c.node)).toHtmlEscaped(), formatMiB(c.bytes));
        }
        if (slot.culprits->text() != text)
            slot.culprits->setText(text);
    }
}

} // namespace packscope
