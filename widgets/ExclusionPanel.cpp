#include "ExclusionPanel.h"

#include "ExclusionMenu.h"
#include "NodeDragPayload.h"
#include "PanelGroupExpansion.h"
#include "PanelModel.h"

#include "report/SizeFormat.h"
#include "session/Session.h"

#include <QDragEnterEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QMimeData>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>
#include <map>

using namespace Qt::StringLiterals;

namespace packscope {

namespace {

// The list drags its rows out as "excluded" items, so that dropping them on
// the treemap or the tree restores them.
class ExcludedList : public QTreeView
{
public:
    ExcludedList(Session *session, PanelModel *model, QWidget *parent)
        : QTreeView(parent), m_session(session), m_model(model)
    {
    }

protected:
    void startDrag(Qt::DropActions) override
    {
        NodeDragPayload{NodeDragPayload::Origin::Excluded, m_model->refsOf(selectionModel()->selectedRows()), {}}.drag(
            this, *m_session);
    }

private:
    Session *m_session;
    PanelModel *m_model;
};

} // namespace

ExclusionPanel::ExclusionPanel(Session *session, QWidget *parent)
    : QWidget(parent), m_session(session),
      m_model(new PanelModel({tr("Item"), tr("Zipped"), tr("Unzipped")}, this)),
      m_list(new ExcludedList(session, m_model, this)), m_total(new QLabel(this)),
      m_hint(new QLabel(this))
{
    setAcceptDrops(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *title = new QLabel(u"<b>%1</b>"_s.arg(tr("Excluded")), this);
    layout->addWidget(title);
    m_hint->setText(tr("Drop files here (or press Delete) to see the package without them; drag them back to restore."));
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_hint);
    m_list->setModel(m_model);
    m_expansion = new PanelGroupExpansion(m_list, m_model);
    m_list->setRootIsDecorated(false);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setDragEnabled(true);
    m_list->setAcceptDrops(false);
    m_list->setDragDropMode(QAbstractItemView::DragOnly);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    m_list->installEventFilter(this);
    m_list->setAccessibleName(tr("Excluded items"));
    // Room for a few rows whatever the window's height.
    m_list->setMinimumHeight(m_list->header()->sizeHint().height() + 3 * fontMetrics().lineSpacing() + 8);
    layout->addWidget(m_list, 1);
    // Two lines whatever the text, so edits never change the panel's size hint.
    m_total->setWordWrap(true);
    m_total->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    m_total->setFixedHeight(2 * fontMetrics().lineSpacing() + 4);
    layout->addWidget(m_total);
    connect(m_list, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const std::vector<NodeRef> refs = selectedRefs();
        if (refs.empty())
            return;
        ExclusionMenu menu(m_session, refs, this);
        menu.exec(m_list->viewport()->mapToGlobal(pos));
    });
    connect(m_session, &Session::changed, this, &ExclusionPanel::refresh);
    refresh();
}

std::vector<NodeRef> ExclusionPanel::selectedRefs() const
{
    return m_model->refsOf(m_list->selectionModel()->selectedRows());
}

QString ExclusionPanel::totalText() const
{
    return m_total->text();
}

void ExclusionPanel::refresh()
{
    const std::vector<NodeRef> items = m_session->excludedItems();
    auto sizes = [](std::uint64_t zipped, std::uint64_t unzipped) {
        return std::vector<PanelCell>{{formatMiB(zipped), formatMiBAndBytes(zipped), {}, true},
                                      {formatMiB(unzipped), formatMiBAndBytes(unzipped), {}, true}};
    };
    // Items a rule or a glob excluded sit under it, with its total; the
    // rest in the order they were excluded.
    std::vector<PanelRow> rows;
    std::map<QString, std::size_t> groups;  // reason -> its row
    for (const NodeRef &ref : items) {
        const PackageTree &tree = m_session->package(ref.package)->tree;
        const SizeTotals &totals = tree.node(ref.node).totals;
        QString label = tree.path(ref.node) + (tree.isFolder(ref.node) ? u"/"_s : QString());
        if (ref.package > 0)
            label = tr("layer %1: %2").arg(ref.package).arg(label);
        PanelRow row;
        row.key = u"%1:%2"_s.arg(ref.package).arg(ref.node);
        row.cells = {{label, label}};
        for (PanelCell &cell : sizes(totals.footprint, totals.unzipped))
            row.cells.push_back(std::move(cell));
        row.refs = {ref};
        const QString reason = m_session->exclusionReason(ref);
        if (reason.isEmpty()) {
            rows.push_back(std::move(row));
            continue;
        }
        auto [group, added] = groups.try_emplace(reason, rows.size());
        if (added) {
            PanelRow head;
            head.key = u"reason:"_s + reason;
            head.cells = {{reason, reason}};
            head.bold = true;
            rows.push_back(std::move(head));
        }
        rows[group->second].children.push_back(std::move(row));
    }
    for (const auto &[reason, at] : groups) {
        PanelRow &head = rows[at];
        std::vector<NodeRef> refs;
        for (const PanelRow &child : head.children)
            refs.push_back(child.refs.front());
        const SizeTotals totals = m_session->combinedTotals(refs);
        for (PanelCell &cell : sizes(totals.footprint, totals.unzipped))
            head.cells.push_back(std::move(cell));
    }
    m_model->setRows(std::move(rows));
    m_list->setRootIsDecorated(!groups.empty());
    m_expansion->restore();
    if (items.empty()) {
        m_total->setText(tr("Nothing excluded."));
        return;
    }
    // Counted as the CLI's report counts: files and dirs of every package;
    // zipped bytes of the function's zip.
    const SizeTotals excluded = m_session->evaluation().excluded;
    QString counted = excluded.files == 1 ? tr("1 file") : tr("%1 files").arg(formatBytes(excluded.files));
    if (excluded.dirs > 0)
        counted += excluded.dirs == 1 ? tr(", 1 dir") : tr(", %1 dirs").arg(formatBytes(excluded.dirs));
    m_total->setText(tr("%1 excluded: saves %2 zipped, %3 unzipped")
                         .arg(counted, formatMiB(excluded.footprint), formatMiB(excluded.unzipped)));
    m_total->setToolTip(tr("Zipped: %1\nUnzipped: %2")
                            .arg(formatMiBAndBytes(excluded.footprint), formatMiBAndBytes(excluded.unzipped)));
}

void ExclusionPanel::setDropHighlight(bool on)
{
    setAutoFillBackground(on);
    setBackgroundRole(on ? QPalette::AlternateBase : QPalette::Window);
}

void ExclusionPanel::dragEnterEvent(QDragEnterEvent *event)
{
    const auto payload = NodeDragPayload::fromMimeData(event->mimeData(), *m_session);
    if (payload && payload->origin == NodeDragPayload::Origin::Package) {
        event->acceptProposedAction();
        setDropHighlight(true);
    }
}

void ExclusionPanel::dragMoveEvent(QDragMoveEvent *event)
{
    event->acceptProposedAction();
}

void ExclusionPanel::dragLeaveEvent(QDragLeaveEvent *)
{
    setDropHighlight(false);
}

void ExclusionPanel::dropEvent(QDropEvent *event)
{
    setDropHighlight(false);
    const auto payload = NodeDragPayload::fromMimeData(event->mimeData(), *m_session);
    if (!payload || payload->origin != NodeDragPayload::Origin::Package)
        return;
    event->acceptProposedAction();
    m_session->exclude(payload->refs, payload->reason);
}

bool ExclusionPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_list && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Delete || key == Qt::Key_Backspace) {
            m_session->restore(selectedRefs());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace packscope
