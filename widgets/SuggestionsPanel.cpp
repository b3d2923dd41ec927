#include "SuggestionsPanel.h"

#include "report/SizeFormat.h"
#include "session/Session.h"

#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace packscope {

namespace {

constexpr int kIndexRole = Qt::UserRole + 1;

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

SuggestionsPanel::SuggestionsPanel(Session *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_rulesError(), m_rules(SlimRules::builtin(&m_rulesError)),
      m_list(new QTreeWidget(this)),
      m_summary(new QLabel(this)), m_planButton(new QPushButton(tr("Apply the Fix-It Plan"), this)),
      m_timer(new QTimer(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_summary->setWordWrap(true);
    m_summary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setTextInteractionFlags(Qt::TextBrowserInteraction);
    connect(m_summary, &QLabel::linkActivated, this, [this] {
        std::vector<NodeRef> blockers;
        for (const PlanShortfall &s : m_shortfalls) {
            for (const Culprit &c : s.blockers)
                blockers.push_back({c.package, c.node});
        }
        Q_EMIT itemsActivated(blockers);
    });
    layout->addWidget(m_summary);
    layout->addWidget(m_planButton);
    m_list->setColumnCount(3);
    m_list->setHeaderLabels({tr("Suggestion"), tr("Zipped"), tr("Unzipped")});
    m_list->setRootIsDecorated(false);
    m_list->setWordWrap(true);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_list->setAccessibleName(tr("Suggestions"));
    layout->addWidget(m_list, 1);
    m_timer->setSingleShot(true);
    m_timer->setInterval(250);
    connect(m_timer, &QTimer::timeout, this, &SuggestionsPanel::refresh);
    connect(m_session, &Session::packagesChanged, this, [this] {
        m_applied.clear();
        m_order.clear();
        m_facts.clear();
        m_factsFor.clear();
    });
    // The binaries are read on a worker thread (they may be hundreds of MB
    // to inflate); the list is filled again when they are.
    connect(&m_gathering, &QFutureWatcher<std::vector<ContentFacts>>::finished, this, [this] {
        std::vector<PackagePtr> packages;
        for (int p = 0; p < m_session->packageCount(); ++p)
            packages.push_back(m_session->package(p));
        if (packages == m_gatheringFor) {
            m_facts = m_gathering.result();
            m_factsFor = std::move(packages);
        }
        m_gatheringFor.clear();
        refresh();
    });
    connect(m_session, &Session::changed, this, &SuggestionsPanel::scheduleRefresh);
    connect(m_list, &QTreeWidget::itemChanged, this, &SuggestionsPanel::onItemChanged);
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
    // An applied suggestion stays while all its items are excluded (an undo
    // or a restore elsewhere takes it back).
    std::erase_if(m_applied, [this](const Suggestion &s) {
        return std::any_of(s.items.begin(), s.items.end(), [this](const NodeRef &ref) {
            return !m_session->exclusions(ref.package).isMarked(ref.node);
        });
    });
    // What the contents say does not change with exclusions: read them once,
    // off the GUI thread; until then the rules that need them wait.
    std::vector<PackagePtr> packages;
    for (int p = 0; p < m_session->packageCount(); ++p)
        packages.push_back(m_session->package(p));
    const bool factsReady = packages == m_factsFor;
    if (!factsReady && m_gatheringFor != packages) {
        m_gatheringFor = packages;
        m_gathering.setFuture(QtConcurrent::run([packages] {
            std::vector<ContentFacts> facts;
            for (const PackagePtr &package : packages)
                facts.push_back(package ? ContentFacts::gather(*package) : ContentFacts{});
            return facts;
        }));
    }
    SlimRules rules = m_rules;
    if (!factsReady)
        std::erase_if(rules.rules, [](const SlimRule &r) { return r.detector.contains(u"binaries"); });
    const std::vector<ContentFacts> none(packages.size());
    m_suggestions = m_session->hasFunction()
        ? SuggestionFinder::find(*m_session, rules, factsReady ? &m_facts : &none)
        : std::vector<Suggestion>{};
    bool enough = true;
    m_plan = SuggestionFinder::fixItPlan(*m_session, m_suggestions, &enough, &m_shortfalls);
    const std::size_t open = m_suggestions.size();
    m_suggestions.insert(m_suggestions.end(), m_applied.begin(), m_applied.end());
    keepRowsInPlace(open);
    m_filling = true;
    const int scrolled = m_list->verticalScrollBar()->value();
    m_list->clear();
    for (std::size_t i = 0; i < m_suggestions.size(); ++i) {
        const Suggestion &s = m_suggestions[i];
        auto *item = new QTreeWidgetItem(m_list);
        // Which package first: a narrow column elides the end of the title,
        // and the same rule can match in the function and in a layer.
        const QString where = m_session->layerCount() == 0 ? QString()
            : s.package == 0                                ? tr("Function: ")
                                                            : tr("Layer %1: ").arg(s.package);
        item->setText(0, u"%1  %2%3"_s.arg(s.advisory ? tr("BUILD") : riskTierName(s.rule.risk).toUpper(), where,
                                           s.rule.title));
        item->setForeground(0, riskColor(s.rule.risk));
        item->setText(1, (s.advisory ? u"≈ "_s : QString()) + formatMiB(s.zippedSaving));
        item->setText(2, formatMiB(s.unzippedSaving));
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
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
        item->setToolTip(0, tip);
        item->setData(0, kIndexRole, int(i));
        if (!s.advisory) {
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(0, m_checked[i] ? Qt::Checked : Qt::Unchecked);
        }
        auto *reason = new QTreeWidgetItem(m_list);
        reason->setText(0, s.rule.reason + (s.fixes.isEmpty() ? QString() : u"  "_s + tr("Fixes %1.").arg(s.fixes.join(u", "_s))));
        reason->setForeground(0, palette().color(QPalette::PlaceholderText));
        reason->setFlags(Qt::ItemIsEnabled);
        reason->setFirstColumnSpanned(true);
    }
    m_list->verticalScrollBar()->setValue(scrolled);
    m_filling = false;
    QString factsError;
    for (const ContentFacts &facts : m_facts)
        factsError = factsError.isEmpty() ? facts.error : factsError;
    QString summary;
    if (!m_rulesError.isEmpty())
        summary = m_rulesError.toHtmlEscaped();
    else if (factsReady && !factsError.isEmpty())
        // The binaries could not be read: the rules that need them would
        // suggest nothing, which is not the same as nothing to suggest.
        summary = tr("Could not read the native binaries: %1").arg(factsError).toHtmlEscaped();
    else if (!m_session->hasFunction())
        summary = tr("Open a package to see what can go.");
    else if (!factsReady && open == 0)
        summary = tr("Reading the native binaries…");
    else if (open == 0)
        summary = tr("No rule finds anything more to take out.");
    else if (m_plan.empty())
        summary = tr("Every limit holds. Check a suggestion to see the package without it.");
    else {
        QStringList titles;
        for (std::size_t i : m_plan)
            titles << m_suggestions[i].rule.title;
        summary = enough ? tr("Fix-it plan: %1.").arg(titles.join(u", "_s)).toHtmlEscaped() : shortfallText();
    }
    m_summary->setText(summary);
    m_planButton->setEnabled(!m_plan.empty() && enough);
}

void SuggestionsPanel::keepRowsInPlace(std::size_t open)
{
    // m_suggestions holds the finder's ranking (open ones, largest saving
    // first), then the applied ones. A suggestion not listed before goes
    // before the first listed one the finder ranks below it.
    using Key = std::pair<QString, int>;
    const auto keyOf = [](const Suggestion &s) { return Key(s.rule.id, s.package); };
    const auto placeOf = [this](const Key &key) { return std::find(m_order.begin(), m_order.end(), key); };
    for (std::size_t i = 0; i < m_suggestions.size(); ++i) {
        const Key key = keyOf(m_suggestions[i]);
        if (placeOf(key) != m_order.end())
            continue;
        auto place = m_order.end();
        for (std::size_t j = i + 1; j < m_suggestions.size() && place == m_order.end(); ++j)
            place = placeOf(keyOf(m_suggestions[j]));
        m_order.insert(place, key);
    }
    std::vector<std::size_t> rows(m_suggestions.size());
    for (std::size_t i = 0; i < rows.size(); ++i)
        rows[i] = i;
    std::stable_sort(rows.begin(), rows.end(), [&](std::size_t a, std::size_t b) {
        return placeOf(keyOf(m_suggestions[a])) < placeOf(keyOf(m_suggestions[b]));
    });
    std::vector<Suggestion> listed;
    std::vector<std::size_t> rowOf(rows.size());
    m_checked.assign(rows.size(), false);
    for (std::size_t row = 0; row < rows.size(); ++row) {
        listed.push_back(std::move(m_suggestions[rows[row]]));
        rowOf[rows[row]] = row;
        m_checked[row] = rows[row] >= open;
    }
    m_suggestions = std::move(listed);
    for (std::size_t &i : m_plan)
        i = rowOf[i];
}

QString SuggestionsPanel::shortfallText() const
{
    // Which limit, by how much after the plan, and what keeps it over.
    QStringList lines;
    for (const PlanShortfall &s : m_shortfalls) {
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

void SuggestionsPanel::onItemChanged(QTreeWidgetItem *item, int column)
{
    if (m_filling || column != 0 || !item->data(0, kIndexRole).isValid())
        return;
    const std::size_t index = std::size_t(item->data(0, kIndexRole).toInt());
    if (index >= m_suggestions.size())
        return;
    // Checking applies the suggestion as one edit, unchecking takes it back;
    // the list then follows the session.
    const Suggestion s = m_suggestions[index];
    if (item->checkState(0) == Qt::Checked) {
        m_applied.push_back(s);
        m_session->exclude(s.items, s.rule.title);
    } else {
        std::erase_if(m_applied, [&s](const Suggestion &a) { return a.rule.id == s.rule.id && a.package == s.package; });
        m_session->restore(s.items);
    }
}

void SuggestionsPanel::applyPlan()
{
    std::vector<Session::ReasonedRef> items;
    for (std::size_t i : m_plan) {
        for (const NodeRef &ref : m_suggestions[i].items)
            items.push_back({ref, m_suggestions[i].rule.title});
        m_applied.push_back(m_suggestions[i]);
    }
    m_session->excludeWithReasons(items);
}

} // namespace packscope
