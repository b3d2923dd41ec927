#include "FilterBar.h"

#include "report/SizeFormat.h"
#include "session/Session.h"
#include "whatif/GlobPattern.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace packscope {

FilterBar::FilterBar(Session *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_edit(new QLineEdit(this)), m_matches(new QLabel(this)),
      m_typing(new QTimer(this)), m_recount(new QTimer(this)), m_excludeMatches(new QAction(tr("Exclude All &Matches"), this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_edit->setPlaceholderText(tr("Filter: name, or glob like *.map or node_modules/**"));
    m_edit->setClearButtonEnabled(true);
    m_edit->setMinimumWidth(320);
    m_edit->setAccessibleName(tr("Filter"));
    layout->addWidget(m_edit);
    m_matches->setObjectName(u"filterMatches"_s);
    // A fixed width: a toolbar whose items change width relays out the window.
    m_matches->setFixedWidth(m_matches->fontMetrics().horizontalAdvance(u"0"_s) * 46);
    m_matches->setContentsMargins(8, 0, 4, 0);
    layout->addWidget(m_matches);

    m_excludeMatches->setIconText(tr("Exclude Matches"));
    m_excludeMatches->setShortcut(tr("Ctrl+Shift+Del"));
    m_excludeMatches->setToolTip(tr("Exclude everything the filter matches, as one step"));
    m_excludeMatches->setEnabled(false);
    connect(m_excludeMatches, &QAction::triggered, this, &FilterBar::excludeMatches);

    m_typing->setSingleShot(true);
    m_typing->setInterval(200);
    connect(m_edit, &QLineEdit::textChanged, m_typing, qOverload<>(&QTimer::start));
    connect(m_typing, &QTimer::timeout, this, [this] {
        Q_EMIT filterChanged(NodeFilter(m_edit->text()));
        updateMatches();
    });
    // Counting walks the whole package: keep it out of the frame that
    // answers an edit, and skip it while there is no filter.
    m_recount->setSingleShot(true);
    m_recount->setInterval(30);
    connect(m_recount, &QTimer::timeout, this, &FilterBar::updateMatches);
    connect(m_session, &Session::changed, this, [this] {
        if (!m_edit->text().isEmpty() || !m_matches->text().isEmpty())
            m_recount->start();
    });
}

void FilterBar::focusFilter()
{
    m_edit->setFocus(Qt::ShortcutFocusReason);
    m_edit->selectAll();
}

void FilterBar::clear()
{
    if (m_edit->text().isEmpty())
        return;
    m_edit->clear();
    m_typing->stop();
    Q_EMIT filterChanged(NodeFilter());
    updateMatches();
}

void FilterBar::updateMatches()
{
    m_recount->stop();
    const NodeFilter filter(m_edit->text());
    if (filter.isEmpty() || !m_session->hasFunction()) {
        m_matches->clear();
        m_matches->setToolTip({});
        m_excludeMatches->setEnabled(false);
        return;
    }
    // Counted as the report counts: files, dirs, unzipped and zipped bytes,
    // of what the filter matches and is still kept.
    const Session::FilterMatches matches = m_session->matching(filter);
    const SizeTotals &t = matches.totals;
    QString text = t.files == 1 ? tr("1 file") : tr("%1 files").arg(formatBytes(t.files));
    if (t.dirs > 0)
        text += t.dirs == 1 ? tr(", 1 dir") : tr(", %1 dirs").arg(formatBytes(t.dirs));
    text = matches.items.empty() ? tr("Nothing kept matches")
                                 : tr("%1, %2 (%3 zipped) match").arg(text, formatMiB(t.unzipped), formatMiB(t.footprint));
    m_matches->setText(m_matches->fontMetrics().elidedText(text, Qt::ElideRight, m_matches->contentsRect().width()));
    m_matches->setToolTip(text);
    m_excludeMatches->setEnabled(!matches.items.empty());
}

void FilterBar::excludeMatches()
{
    const NodeFilter filter(m_edit->text());
    if (filter.isEmpty())
        return;
    // A glob is excluded as the glob, so that Packager Patterns exports it as
    // one line; a name is excluded item by item, with the name as the reason.
    if (filter.isGlob())
        m_session->excludeMatching(GlobPattern(m_edit->text()));
    else
        m_session->exclude(m_session->matching(filter).items, tr("Name contains “%1”").arg(m_edit->text()));
}

} // namespace packscope
