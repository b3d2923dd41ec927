#pragma once

#include <QWidget>

class QChartView;
class QLabel;

namespace packscope {

class Session;

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

    static constexpr int kMaxParts = 8;

    // Rebuilds the chart now (it otherwise follows the session on the next
    // event-loop turn, so a burst of edits costs one rebuild).
    void refresh();
    QString keyText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void scheduleRefresh();

    Session *m_session;
    QChartView *m_view;
    QLabel *m_key;
    bool m_refreshPending = false;
};

} // namespace packscope
