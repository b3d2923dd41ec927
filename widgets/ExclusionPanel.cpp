#include "ExclusionPanel.h"

#include "ExclusionMenu.h"
#include "NodeDragPayload.h"

#include "report/SizeFormat.h"
#include "session/Session.h"

#include <QDragEnterEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QMimeData>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <map>

using namespace Qt::StringLiterals;

namespace packscope {

namespace {

constexpr int kRefRole = Qt::UserRole + 1;

// The items rows stand for: an item's row its item, a group's row (a rule or
// a glob) every item under it.
std::vector<NodeRef> refsOf(const QList<QTreeWidgetItem *> &rows)
{
    std::vector<NodeRef> refs;
    auto add = [&refs](const QTreeWidgetItem *row) {
        const QVariant packed = row->data(0, kRefRole);
        if (!packed.isValid())
            return;
        const NodeRef ref{packed.toPoint().x(), NodeId(std::uint32_t(packed.toPoint().y()))};
        if (std::find(refs.begin(), refs.end(), ref) == refs.end())
            refs.push_back(ref);
    };
    for (const QTreeWidgetItem *row : rows) {
        add(row);
        for (int i = 0; i < row->childCount(); ++i)
            add(row->child(i));
    }
    return refs;
}

// The list drags its rows out as "excluded" items, so that dropping them on
// the treemap or the tree restores them.
class ExcludedList : public QTreeWidget
{
public:
    ExcludedList(Session *session, QWidget *parent) : QTreeWidget(parent), m_session(session) {}

protected:
    void startDrag(Qt::DropActions) override
    {
        NodeDragPayload{NodeDragPayload::Origin::Excluded, refsOf(selectedItems()), {}}.drag(this, *m_session);
    }

private:
    Session *m_session;
};

} // namespace

ExclusionPanel::ExclusionPanel(Session *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_list(new ExcludedList(session, this)), m_total(new QLabel(this)),
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
    m_list->setColumnCount(3);
    m_list->setHeaderLabels({tr("Item"), tr("Zipped"), tr("Unzipped")});
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
    return refsOf(m_list->selectedItems());
}

QString ExclusionPanel::totalText() const
{
    return m_total->text();
}

void ExclusionPanel::refresh()
{
    m_list->clear();
    const std::vector<NodeRef> items = m_session->excludedItems();
    auto setSizes = [](QTreeWidgetItem *row, std::uint64_t zipped, std::uint64_t unzipped) {
        row->setText(1, formatMiB(zipped));
        row->setText(2, formatMiB(unzipped));
        row->setToolTip(1, formatMiBAndBytes(zipped));
        row->setToolTip(2, formatMiBAndBytes(unzipped));
        row->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        row->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
    };
    // Items a rule or a glob excluded sit under it, with its total.
    struct Group {
        QTreeWidgetItem *row = nullptr;
        std::vector<NodeRef> refs;
    };
    std::map<QString, Group> groups;
    for (const NodeRef &ref : items) {
        const Package &package = *m_session->package(ref.package);
        const PackageTree &tree = package.tree;
        const SizeTotals &totals = tree.node(ref.node).totals;
        QString label = tree.path(ref.node) + (tree.isFolder(ref.node) ? u"/"_s : QString());
        if (ref.package > 0)
            label = tr("layer %1: %2").arg(ref.package).arg(label);
        const QString reason = m_session->exclusionReason(ref);
        QTreeWidgetItem *parent = nullptr;
        if (!reason.isEmpty()) {
            Group &group = groups[reason];
            if (!group.row) {
                group.row = new QTreeWidgetItem(m_list, {reason});
                group.row->setToolTip(0, reason);
                QFont bold = group.row->font(0);
                bold.setBold(true);
                group.row->setFont(0, bold);
            }
            group.refs.push_back(ref);
            parent = group.row;
        }
        auto *item = parent ? new QTreeWidgetItem(parent, {label}) : new QTreeWidgetItem(m_list, {label});
        item->setData(0, kRefRole, QPoint(ref.package, int(ref.node)));
        item->setToolTip(0, label);
        setSizes(item, totals.footprint, totals.unzipped);
    }
    for (auto &[reason, group] : groups) {
        const SizeTotals totals = m_session->combinedTotals(group.refs);
        setSizes(group.row, totals.footprint, totals.unzipped);
    }
    m_list->setRootIsDecorated(!groups.empty());
    m_list->expandAll();
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
