#include "LimitGauge.h"

#include "NodeDragPayload.h"

#include "report/SizeFormat.h"
#include "session/Session.h"

#include <QDragEnterEvent>
#include <QMimeData>
#include <QPainter>
#include <QVariantAnimation>

using namespace Qt::StringLiterals;

namespace packscope {

namespace {

QColor zoneColor(LimitGauge::Zone zone)
{
    switch (zone) {
    case LimitGauge::Zone::Ok:
        return QColor(0x2E, 0xA0, 0x43);
    case LimitGauge::Zone::Near:
        return QColor(0xE8, 0x9B, 0x0C);
    case LimitGauge::Zone::Over:
        return QColor(0xD7, 0x26, 0x2E);
    case LimitGauge::Zone::Info:
        break;
    }
    return QColor(0x5B, 0x7D, 0xB1);
}

constexpr int kBarHeight = 16;

} // namespace

LimitGauge::LimitGauge(Session *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_animation(new QVariantAnimation(this))
{
    setAcceptDrops(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_animation->setDuration(220);
    m_animation->setEasingCurve(QEasingCurve::OutCubic);
    connect(m_animation, &QVariantAnimation::valueChanged, this, [this](const QVariant &value) {
        m_shownValue = value.toDouble();
        update();
    });
}

void LimitGauge::setResult(const LimitResult &result, bool estimated)
{
    const bool first = !m_hasResult || m_result.rule.id != result.rule.id;
    m_result = result;
    m_estimated = estimated;
    m_hasResult = true;
    const double target = double(result.value);
    m_animation->stop();
    if (first || !isVisible()) {
        m_shownValue = target;
    } else {
        m_animation->setStartValue(m_shownValue);
        m_animation->setEndValue(target);
        m_animation->start();
    }
    QString budget;
    if (result.hasFunctionBudget) {
        budget = u"<br>"_s
            + tr("Your layers use %1, so the function itself must stay under %2.")
                  .arg(formatMiBAndBytes(result.layersBytes), formatMiBAndBytes(result.functionBudget));
    }
    setToolTip(u"<b>%1</b><br>%2 %3 %4<br>%5%6%7<br><small>%8</small>"_s.arg(
        result.rule.title.toHtmlEscaped(), result.rule.id, result.rule.ruleText().toHtmlEscaped(),
        result.rule.isCount() ? QString::number(result.rule.limit) : formatMiBAndBytes(result.rule.limit),
        tr("Now: %1").arg(result.rule.isCount() ? QString::number(result.value) : formatMiBAndBytes(result.value)),
        budget,
        result.errorText.isEmpty() ? QString()
                                   : u"<br>"_s + tr("AWS says: <i>%1</i>").arg(result.errorText.toHtmlEscaped()),
        result.rule.source.toHtmlEscaped()));
    setAccessibleName(result.rule.title);
    setAccessibleDescription(valueText() + u", "_s + statusText() + u". "_s + noteText());
    update();
}

LimitGauge::Zone LimitGauge::zone() const
{
    if (m_result.rule.isInfo())
        return Zone::Info;
    if (!m_result.pass)
        return Zone::Over;
    if (m_result.isNear())
        return Zone::Near;
    return Zone::Ok;
}

QString LimitGauge::amountText(std::uint64_t value) const
{
    return m_result.rule.isCount() ? QString::number(value) : formatMiB(value);
}

QString LimitGauge::valueText() const
{
    if (!m_hasResult)
        return {};
    return tr("%1%2 of %3 (%4 %)")
        .arg(m_estimated ? u"≈ "_s : QString(), amountText(m_result.value), amountText(m_result.rule.limit),
             QString::number(100.0 * m_result.fractionOfLimit(), 'f', 1));
}

QString LimitGauge::statusText() const
{
    if (!m_hasResult)
        return {};
    if (m_result.rule.isInfo())
        return m_result.pass ? tr("fits") : tr("too big (information only)");
    if (!m_result.pass) {
        return tr("over by %1").arg(amountText(m_result.over()));
    }
    return tr("%1 headroom").arg(amountText(m_result.gap()));
}

QString LimitGauge::noteText() const
{
    if (!m_hasResult)
        return {};
    switch (m_result.rule.measure) {
    case LimitMeasure::FunctionZipped:
        if (m_result.rule.isInfo())
            return tr("Information only");
        // The one limit an upload through S3 skips: say so where it fails.
        return m_result.pass ? tr("Direct upload; S3 uploads skip this check")
                             : tr("Too big to upload directly: uploads through S3 skip this check");
    case LimitMeasure::TotalUnzipped:
    case LimitMeasure::FunctionUnzipped:
        if (m_result.hasFunctionBudget)
            return tr("Layers use %1: the function must stay under %2")
                .arg(formatMiB(m_result.layersBytes), formatMiB(m_result.functionBudget));
        return tr("However it is uploaded, S3 too");
    case LimitMeasure::LayerCount:
        break;
    }
    return {};
}

double LimitGauge::scaleMax() const
{
    return std::max(double(m_result.rule.limit) * 1.25, double(m_result.value) * 1.05);
}

QSize LimitGauge::sizeHint() const
{
    const QFontMetrics fm = fontMetrics();
    // Four lines whatever the note says: a gauge never changes height.
    return {320, 4 * fm.height() + kBarHeight + 14};
}

int LimitGauge::oneLineWidth() const
{
    QFont bold = font();
    bold.setBold(true);
    const QFontMetrics metrics(bold);
    return metrics.horizontalAdvance(m_result.rule.title) + metrics.horizontalAdvance(tr("over by %1").arg(u"000.00 MiB"_s))
        + 24;
}

QSize LimitGauge::minimumSizeHint() const
{
    return {200, sizeHint().height()};
}

void LimitGauge::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    const QFontMetrics fm = fontMetrics();
    const QRect area = rect().adjusted(6, 4, -6, -4);
    if (m_dropHighlight) {
        p.setPen(QPen(pal.color(QPalette::Highlight), 2, Qt::DashLine));
        p.drawRoundedRect(rect().adjusted(1, 1, -1, -1), 6, 6);
    }
    if (!m_hasResult)
        return;
    const Zone z = zone();
    const QColor color = zoneColor(z);

    // Line 1: title, and the verdict on the right; when both do not fit
    // there, the verdict goes to the right of the numbers (line 3).
    QFont bold = font();
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold);
    const QString status = statusText();
    const int statusWidth = boldMetrics.horizontalAdvance(status) + 4;
    const QString value = valueText();
    const bool statusBelow = boldMetrics.horizontalAdvance(m_result.rule.title) + statusWidth + 8 > area.width()
        && fm.horizontalAdvance(value) + statusWidth + 16 <= area.width();
    const int statusTop = statusBelow ? area.top() + fm.height() + kBarHeight + 8 : area.top();
    const int titleWidth = statusBelow ? area.width() : area.width() - statusWidth - 8;
    p.setFont(bold);
    p.setPen(pal.color(QPalette::WindowText));
    p.drawText(QRect(area.left(), area.top(), titleWidth, fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
               boldMetrics.elidedText(m_result.rule.title, Qt::ElideRight, titleWidth));
    p.setPen(z == Zone::Info ? pal.color(QPalette::WindowText) : color);
    p.drawText(QRect(area.right() - statusWidth, statusTop, statusWidth, fm.height()), Qt::AlignRight | Qt::AlignVCenter,
               status);
    p.setFont(font());

    // Line 2: the bar, with faint zones and the limit line.
    const QRectF bar(area.left(), area.top() + fm.height() + 4, area.width(), kBarHeight);
    const double max = scaleMax();
    const auto xOf = [&](double v) { return bar.left() + bar.width() * std::clamp(v / max, 0.0, 1.0); };
    const double limitX = xOf(double(m_result.rule.limit));
    const double nearX = xOf(LimitResult::kNearFraction * double(m_result.rule.limit));
    p.setPen(Qt::NoPen);
    p.setBrush(pal.color(QPalette::Base));
    p.drawRoundedRect(bar, 3, 3);
    if (z != Zone::Info) {
        auto tint = [](QColor c) {
            c.setAlpha(40);
            return c;
        };
        p.fillRect(QRectF(bar.left(), bar.top(), nearX - bar.left(), bar.height()), tint(zoneColor(Zone::Ok)));
        p.fillRect(QRectF(nearX, bar.top(), limitX - nearX, bar.height()), tint(zoneColor(Zone::Near)));
        p.fillRect(QRectF(limitX, bar.top(), bar.right() - limitX, bar.height()), tint(zoneColor(Zone::Over)));
    }
    const QRectF fill(bar.left(), bar.top() + 2, xOf(m_shownValue) - bar.left(), bar.height() - 4);
    p.setBrush(color);
    p.drawRoundedRect(fill, 2, 2);
    p.setPen(QPen(pal.color(QPalette::WindowText), 2));
    p.drawLine(QPointF(limitX, bar.top() - 3), QPointF(limitX, bar.bottom() + 3));
    p.setPen(QPen(pal.color(QPalette::Mid), 1));
    p.setBrush(Qt::NoBrush);
    p.drawRoundedRect(bar, 3, 3);

    // Line 3: the numbers.
    p.setPen(pal.color(QPalette::WindowText));
    const int valueWidth = statusBelow ? area.width() - statusWidth - 8 : area.width();
    p.drawText(QRectF(area.left(), bar.bottom() + 4, valueWidth, fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
               fm.elidedText(value, Qt::ElideRight, valueWidth));

    // Line 4: what the number means for this package (layers' share, S3).
    const QString note = noteText();
    if (!note.isEmpty()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(QRectF(area.left(), bar.bottom() + 4 + fm.height(), area.width(), fm.height()),
                   Qt::AlignLeft | Qt::AlignVCenter, fm.elidedText(note, Qt::ElideRight, area.width()));
    }
}

void LimitGauge::dragEnterEvent(QDragEnterEvent *event)
{
    const auto payload = NodeDragPayload::fromMimeData(event->mimeData(), *m_session);
    if (payload && payload->origin == NodeDragPayload::Origin::Package) {
        event->acceptProposedAction();
        m_dropHighlight = true;
        update();
    }
}

void LimitGauge::dragLeaveEvent(QDragLeaveEvent *)
{
    m_dropHighlight = false;
    update();
}

void LimitGauge::dropEvent(QDropEvent *event)
{
    m_dropHighlight = false;
    update();
    const auto payload = NodeDragPayload::fromMimeData(event->mimeData(), *m_session);
    if (!payload || payload->origin != NodeDragPayload::Origin::Package)
        return;
    event->acceptProposedAction();
    m_session->exclude(payload->refs, payload->reason);
}

} // namespace packscope
