#pragma once

#include "limits/LimitResult.h"

#include <QWidget>

class QVariantAnimation;

namespace packscope {

class Session;

// One limit as a gauge: a bar against the limit line with colour zones (ok,
// near: above 80 %, over), the value, the limit, the headroom and the
// percentage. The numbers change at once; the bar glides to its new length.
// Dropping items on a gauge excludes them.
class LimitGauge : public QWidget
{
    Q_OBJECT
public:
    enum class Zone { Ok, Near, Over, Info };

    explicit LimitGauge(Session *session, QWidget *parent = nullptr);

    void setResult(const LimitResult &result, bool estimated);
    const LimitResult &result() const { return m_result; }
    Zone zone() const;
    // The headline the gauge shows, e.g. "118.06 MiB of 50.00 MiB (236.1 %)".
    QString valueText() const;
    QString statusText() const;
    // The line under the numbers: with layers, the budget left for the
    // function; for the zipped limit, that S3 uploads skip it.
    QString noteText() const;

    QSize sizeHint() const override;
    // The width its title and a verdict ("over by 000.00 MiB") need side by
    // side, so that a row of gauges can be given room for them.
    int oneLineWidth() const;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    QString amountText(std::uint64_t value) const;
    double scaleMax() const;

    Session *m_session;
    LimitResult m_result;
    bool m_estimated = false;
    bool m_hasResult = false;
    bool m_dropHighlight = false;
    double m_shownValue = 0;  // what the bar shows while it glides
    QVariantAnimation *m_animation;
};

} // namespace packscope
