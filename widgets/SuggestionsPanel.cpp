#include "SuggestionsPanel.h"

#include "PanelModel.h"

#include "report/SizeFormat.h"
#include "session/Session.h"

#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace packscope {

namespace {

QColor riskColor(RiskTier tier)
{
    switch (tier) {
    case RiskTier::Safe:
        return QColor(0x2E, 0xA0, 0x43);
    case RiskTier::Caution:
        return QColor(0xE8, 0x9B, 0x0C);
    case RiskTier::Danger:
        break;
    }
    return QColor(0xD7, 0x26, 0x2E);
}

} // namespace

SuggestionsPanel::SuggestionsPanel(Session *session, PackageFacts *facts, QWidget *parent)
    : QWidget(parent), m_session(session), m_listed(new SuggestionList(session, facts, this)),
      m_model(new PanelModel({tr("Suggestion"), tr("Zipped"), tr("Unzipped")}, this)), m_view(new QTreeView(this)),
      m_summary(new QLabel(this)), m_planButton(new QPushButton(tr("Apply the Fix-It Plan"), this)),
      m_timer(new QTimer(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_summary->setWordWrap(true);
    m_summary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setTextInteractionFlags(Qt::TextBrowserInteraction);
    connect(m_summary, &QLabel::linkActivated, this, [this] { Q_EMIT itemsActivated(m_listed->blockers()); });
    layout->addWidget(m_summary);
    layout->addWidget(m_planButton);
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setWordWrap(true);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_view->setAccessibleName(tr("Suggestions"));
    layout->addWidget(m_view, 1);
    m_timer->setSingleShot(true);
    m_timer->setInterval(250);
    connect(m_timer, &QTimer::timeout, this, &SuggestionsPanel::refresh);
    connect(m_listed, &SuggestionList::refreshed, this, [this] { display(*m_listed); });
    connect(m_session, &Session::changed, this, &SuggestionsPanel::scheduleRefresh);
    // Checking applies the suggestion as one edit, unchecking takes it back;
    // the list then follows the session.
    connect(m_model, &PanelModel::checkToggled, this, [this](const QModelIndex &index, bool checked) {
        m_listed->setApplied(std::size_t(index.data(PanelModel::TagRole).toInt()), checked);
    });
    connect(m_planButton, &QPushButton::clicked, this, &SuggestionsPanel::applyPlan);
}

void SuggestionsPanel::scheduleRefresh()
{
    m_stale = true;
    if (isVisible())
        m_timer->start();
}

void SuggestionsPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        m_timer->start(0);
}

void SuggestionsPanel::refresh()
{
    m_stale = false;
    m_listed->refresh();
}

void SuggestionsPanel::display(const SuggestionList &listed)
{
    std::vector<PanelRow> rows;
    const std::vector<Suggestion> &suggestions = listed.suggestions();
    for (std::size_t i = 0; i < suggestions.size(); ++i) {
        const Suggestion &s = suggestions[i];
        const QString key = u"%1\x1f%2"_s.arg(s.rule.id).arg(s.package);
        PanelRow row;
        row.key = key;
        row.tag = int(i);
        // Which package first: a narrow column elides the end of the title,
        // and the same rule can match in the function and in a layer.
        const QString where = m_session->layerCount() == 0 ? QString()
            : s.package == 0                                ? tr("Function: ")
                                                            : tr("Layer %1: ").arg(s.package);
        QString tip = u"<b>%1</b> (%2)<br>%3<br>"_s.arg(s.rule.title.toHtmlEscaped(), riskTierName(s.rule.risk),
                                                        s.rule.reason.toHtmlEscaped());
        tip += s.advisory ? tr("Saves about %1 zipped (estimate), exactly %2 unzipped; %3 files to strip in your build. "
                               "Not a what-if: the files stay, smaller.")
                                .arg(formatMiB(s.zippedSaving), formatMiBAndBytes(s.unzippedSaving))
                                .arg(s.items.size())
                          : tr("Saves %1 zipped, %2 unzipped; %3 items.")
                                .arg(formatMiBAndBytes(s.zippedSaving), formatMiBAndBytes(s.unzippedSaving))
                                .arg(s.items.size());
        if (!s.fixes.isEmpty())
            tip += u"<br>"_s + tr("On its own it fixes: %1").arg(s.fixes.join(u", "_s));
        row.cells = {{u"%1  %2%3"_s.arg(s.advisory ? tr("BUILD") : riskTierName(s.rule.risk).toUpper(), where,
                                        s.rule.title),
                      tip},
                     {(s.advisory ? u"≈ "_s : QString()) + formatMiB(s.zippedSaving), {}, {}, true},
                     {formatMiB(s.unzippedSaving), {}, {}, true}};
        row.color = riskColor(s.rule.risk);
        if (!s.advisory)
            row.checked = listed.isApplied(i);
        rows.push_back(std::move(row));
        PanelRow reason;
        reason.key = u"reason\x1f"_s + key;
        reason.cells = {{s.rule.reason + (s.fixes.isEmpty() ? QString() : u"  "_s + tr("Fixes %1.").arg(s.fixes.join(u", "_s)))}};
        reason.color = palette().color(QPalette::PlaceholderText);
        reason.selectable = false;
        reason.spansColumns = true;
        rows.push_back(std::move(reason));
    }
    m_model->setRows(std::move(rows));
    for (int r = 0; r < m_model->rowCount(); ++r)
        m_view->setFirstColumnSpanned(r, {}, m_model->row(m_model->index(r, 0))->spansColumns);
    m_summary->setText(summaryOf(listed));
    m_planButton->setEnabled(!listed.plan().empty() && listed.planIsEnough());
}

QString SuggestionsPanel::summaryOf(const SuggestionList &listed) const
{
    const QString factsError = listed.factsError();
    if (!listed.rulesError().isEmpty())
        return listed.rulesError().toHtmlEscaped();
    if (listed.factsReady() && !factsError.isEmpty())
        // The binaries could not be read: the rules that need them would
        // suggest nothing, which is not the same as nothing to suggest.
        return tr("Could not read the native binaries: %1").arg(factsError).toHtmlEscaped();
    if (!m_session->hasFunction())
        return tr("Open a package to see what can go.");
    if (!listed.factsReady() && listed.openCount() == 0)
        return tr("Reading the native binaries…");
    if (listed.openCount() == 0)
        return tr("No rule finds anything more to take out.");
    if (listed.plan().empty())
        return tr("Every limit holds. Check a suggestion to see the package without it.");
    if (!listed.planIsEnough())
        return shortfallText();
    QStringList titles;
    for (std::size_t i : listed.plan())
        titles << listed.suggestions()[i].rule.title;
    return tr("Fix-it plan: %1.").arg(titles.join(u", "_s)).toHtmlEscaped();
}

QString SuggestionsPanel::shortfallText() const
{
    // Which limit, by how much after the plan, and what keeps it over.
    QStringList lines;
    for (const PlanShortfall &s : m_listed->shortfalls()) {
        QString line = tr("Even with every safe and caution suggestion, <b>%1</b> stays over by %2.")
                           .arg(s.rule.title.toHtmlEscaped(), formatMiB(s.over));
        if (!s.blockers.empty()) {
            const Culprit &first = s.blockers.front();
            const QString name = m_session->package(first.package)->tree.path(first.node);
            const int more = int(s.blockers.size()) - 1;
            line += u" "_s
                + (more == 0 ? tr("No rule matches %1 (%2), which keeps it there.")
                                   .arg(name.toHtmlEscaped(), formatMiB(first.bytes))
                             : tr("No rule matches %1 (%2) and %n more files, which keep it there.", nullptr, more)
                                   .arg(name.toHtmlEscaped(), formatMiB(first.bytes)));
            line += u" <a href=\"#blockers\">%1</a>"_s.arg(more == 0 ? tr("Select it") : tr("Select them"));
        }
        lines << line;
    }
    return lines.join(u"<br>"_s);
}

QString SuggestionsPanel::summaryText() const
{
    return m_summary->text();
}

void SuggestionsPanel::applyPlan()
{
    m_listed->applyPlan();
}

} // namespace packscope
