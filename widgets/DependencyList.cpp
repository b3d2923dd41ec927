#include "DependencyList.h"

#include "NodeDragPayload.h"
#include "PanelModel.h"

#include "report/SizeFormat.h"
#include "session/PackageFacts.h"
#include "session/Session.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace packscope {

namespace {

enum Column { NameColumn, VersionColumn, UnzippedColumn, ZippedColumn, FilesColumn };

// Rows drag out as the dependency's items, to be dropped on the Excluded panel.
class DraggableList : public QTreeView
{
public:
    DraggableList(DependencyList *owner, Session *session) : QTreeView(owner), m_owner(owner), m_session(session) {}

protected:
    void startDrag(Qt::DropActions) override
    {
        // One dependency carries its name along, to be listed under it.
        const QModelIndexList rows = selectionModel()->selectedRows();
        const QString reason = rows.size() == 1 ? m_owner->exclusionReason(rows.front().data(PanelModel::TagRole).toInt())
                                                : QString();
        NodeDragPayload{NodeDragPayload::Origin::Package, m_owner->selectedRefs(), reason}.drag(this, *m_session);
    }

private:
    DependencyList *m_owner;
    Session *m_session;
};

} // namespace

DependencyList::DependencyList(Session *session, PackageFacts *facts, QWidget *parent)
    : QWidget(parent), m_session(session), m_facts(facts),
      m_model(new PanelModel({tr("Package"), tr("Version"), tr("Unzipped"), tr("Zipped"), tr("Files")}, this)),
      m_sorted(new QSortFilterProxyModel(this)), m_list(new DraggableList(this, session)), m_summary(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    // The size columns sort by bytes, the others by text.
    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(PanelModel::SortRole);
    m_sorted->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_list->setModel(m_sorted);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setSortingEnabled(true);
    m_list->sortByColumn(UnzippedColumn, Qt::DescendingOrder);  // heaviest first
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setDragEnabled(true);
    m_list->setDragDropMode(QAbstractItemView::DragOnly);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    for (int c = VersionColumn; c <= FilesColumn; ++c)
        m_list->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_list->setAccessibleName(tr("Dependencies"));
    m_list->installEventFilter(this);
    layout->addWidget(m_list, 1);
    m_summary->setWordWrap(true);
    m_summary->setContentsMargins(4, 2, 4, 2);
    layout->addWidget(m_summary);
    connect(m_list->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { Q_EMIT refsSelected(selectedRefs()); });
    connect(m_session, &Session::packagesChanged, this, [this] {
        m_model->setRows({});
        m_ranked.clear();
    });
    connect(m_facts, &PackageFacts::dependenciesReady, this, [this] {
        if (isVisible())
            refresh();
    });
    connect(m_session, &Session::changed, this, [this] {
        if (isVisible())
            refresh();
    });
}

void DependencyList::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
}

void DependencyList::refresh()
{
    const std::vector<std::vector<Dependency>> *found = m_facts->dependencies();
    if (!found) {
        m_summary->setText(tr("Finding the packages' dependencies…"));
        return;
    }
    m_ranked = rankDependencies(*m_session, *found);
    std::vector<PanelRow> rows;
    for (std::size_t i = 0; i < m_ranked.size(); ++i) {
        const DependencySize &d = m_ranked[i];
        QString name = d.dependency->name;
        if (d.package > 0)
            name = tr("layer %1: %2").arg(d.package).arg(name);
        PanelRow row;
        row.key = u"%1\x1f%2\x1f%3"_s.arg(d.package).arg(d.dependency->nodes.empty() ? 0 : d.dependency->nodes.front()).arg(name);
        row.tag = int(i);
        row.cells = {{name, tr("%1 (%2)").arg(name, ecosystemName(d.dependency->ecosystem))},
                     {d.dependency->version},
                     {formatMiB(d.kept.unzipped), formatMiBAndBytes(d.kept.unzipped), qulonglong(d.kept.unzipped), true},
                     {formatMiB(d.kept.footprint), formatMiBAndBytes(d.kept.footprint), qulonglong(d.kept.footprint), true},
                     {QString::number(d.kept.files), {}, qulonglong(d.kept.files), true}};
        for (NodeId node : d.dependency->nodes)
            row.refs.push_back({d.package, node});
        rows.push_back(std::move(row));
    }
    m_model->setRows(std::move(rows));
    if (!m_facts->dependenciesError().isEmpty()) {
        m_summary->setText(tr("Could not read the dependencies: %1").arg(m_facts->dependenciesError()));
        return;
    }
    m_summary->setText(m_ranked.empty()
                           ? tr("No npm packages (node_modules) or Python distributions (.dist-info) found.")
                           : tr("%1 dependencies, %2 unzipped. Select one to see it; press Delete or drag it to "
                                "Excluded to leave it out.")
                                 .arg(m_ranked.size())
                                 .arg(formatMiB(totalOf(m_ranked).unzipped)));
}

QString DependencyList::summaryText() const
{
    return m_summary->text();
}

std::vector<NodeRef> DependencyList::selectedRefs() const
{
    QModelIndexList rows;
    for (const QModelIndex &index : m_list->selectionModel()->selectedRows())
        rows << m_sorted->mapToSource(index);
    return m_model->refsOf(rows);
}

QString DependencyList::exclusionReason(int row) const
{
    if (row < 0 || std::size_t(row) >= m_ranked.size())
        return {};
    const Dependency &d = *m_ranked[std::size_t(row)].dependency;
    return d.ecosystem == Ecosystem::Node ? tr("npm package %1").arg(d.name)
                                          : tr("Python distribution %1").arg(d.name);
}

void DependencyList::excludeSelected()
{
    std::vector<Session::ReasonedRef> items;
    for (const QModelIndex &index : m_list->selectionModel()->selectedRows()) {
        const int row = index.data(PanelModel::TagRole).toInt();
        for (NodeId node : m_ranked[std::size_t(row)].dependency->nodes)
            items.push_back({{m_ranked[std::size_t(row)].package, node}, exclusionReason(row)});
    }
    m_session->excludeWithReasons(items);
}

bool DependencyList::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_list && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Delete || key == Qt::Key_Backspace) {
            excludeSelected();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace packscope
