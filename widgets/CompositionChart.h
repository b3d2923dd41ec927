#pragma once

#include <QWidget>

#include <vector>

class QChartView;
class QHorizontalStackedBarSeries;
class QLabel;
class QTimer;
class QValueAxis;

namespace packscope {

class Session;
struct CompositionPart;

// What the package is made of, as two stacked bars (zipped, unzipped) of its
// largest parts (top-level folders, npm packages, Python distributions)
// against the limit lines of the profile. Parts come from core
// (packageComposition); the chart only draws them. The key is a list below
// the chart, where long package names have room.
class CompositionChart : public QWidget
{
    Q_OBJECT
public:
    explicit CompositionChart(Session *session, QWidget *parent = nullptr);

    static constexpr int kMaxParts = 6;

    // Brings the chart up to date now (it otherwise follows the session
    // 120 ms after an edit, once for a burst of edits). When the parts are the
    // same as on show, only the bars' values change.
    void refresh();

protected:
    void changeEvent(QEvent *event) override;

private:
    void scheduleRefresh();
    void rebuild(const QStringList &labels, const std::vector<CompositionPart> &parts);

    Session *m_session;
    QChartView *m_view;
    QLabel *m_key;
    QTimer *m_refreshTimer;
    QHorizontalStackedBarSeries *m_series = nullptr;
    QValueAxis *m_values = nullptr;
    QString m_signature;  // the parts and profile the chart was built for
};

} // namespace packscope
