#pragma once

#include "limits/LimitResult.h"
#include "session/NodeRef.h"

#include <QWidget>

#include <vector>

class QGridLayout;
class QLabel;

namespace packscope {

class LimitGauge;
class Session;

// The limit gauges of the session's profile, side by side, each with the
// files that push it past its limit: "N files push this past the limit"
// (a link that selects them) and the largest two by name, in lines whose
// height never changes.
class GaugePanel : public QWidget
{
    Q_OBJECT
public:
    explicit GaugePanel(Session *session, QWidget *parent = nullptr);

    const std::vector<LimitGauge *> &gauges() const { return m_gauges; }
    LimitGauge *gauge(const QString &limitId) const;
    // The culprit line under the gauge of `limitId` (empty when it passes).
    QString culpritText(const QString &limitId) const;

Q_SIGNALS:
    void culpritsActivated(const std::vector<packscope::NodeRef> &culprits);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    // Shows these results (Evaluation::limits, one per limit of the profile).
    void setResults(const std::vector<LimitResult> &results);
    void arrange();
    struct Slot {
        LimitGauge *gauge;
        QLabel *culprits;
        std::vector<NodeRef> refs;
        bool mayHaveCulprits;
    };
    static constexpr int kCulpritLines = 3;  // the link and the two largest files
    void reserveCulpritLines();
    void rebuild(const std::vector<LimitResult> &results);

    Session *m_session;
    QGridLayout *m_layout;
    std::vector<LimitGauge *> m_gauges;
    std::vector<Slot> m_slots;
    int m_columns = 0;  // gauges per row as arranged
};

} // namespace packscope
