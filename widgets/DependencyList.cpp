#include "DependencyList.h"

#include "NodeDragPayload.h"

#include "report/SizeFormat.h"
#include "session/Session.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace packscope {

namespace {

constexpr int kRowRole = Qt::UserRole + 1;
enum Column { NameColumn, VersionColumn, UnzippedColumn, ZippedColumn, FilesColumn };

// Sorts the size columns by bytes, not by their text.
class DependencyItem : public QTreeWidgetItem
{
public:
    using QTreeWidgetItem::QTreeWidgetItem;
    bool operator<(const QTreeWidgetItem &other) const override
    {
        const int column = treeWidget() ? treeWidget()->sortColumn() : NameColumn;
        if (column == UnzippedColumn || column == ZippedColumn || column == FilesColumn)
            return data(column, Qt::UserRole).toULongLong() < other.data(column, Qt::UserRole).toULongLong();
        return text(column).compare(other.text(column), Qt::CaseInsensitive) < 0;
    }
};

// Rows drag out as the dependency's items, to be dropped on the Excluded panel.
class DraggableList : public QTreeWidget
{
public:
    DraggableList(DependencyList *owner, Session *session) : QTreeWidget(owner), m_owner(owner), m_session(session) {}

protected:
    void startDrag(Qt::DropActions) override
    {
        // One dependency carries its name along, to be listed under it.
        const QList<QTreeWidgetItem *> rows = selectedItems();
        const QString reason = rows.size() == 1 ? m_owner->exclusionReason(int(rows.front()->data(0, kRowRole).toULongLong()))
                                                : QString();
        NodeDragPayload{NodeDragPayload::Origin::Package, m_owner->selectedRefs(), reason}.drag(this, *m_session);
    }

private:
    DependencyList *m_owner;
    Session *m_session;
};

} // namespace

DependencyList::DependencyList(Session *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_list(new DraggableList(this, session)), m_summary(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_list->setColumnCount(5);
    m_list->setHeaderLabels({tr("Package"), tr("Version"), tr("Unzipped"), tr("Zipped"), tr("Files")});
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
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, [this] { Q_EMIT refsSelected(selectedRefs()); });
    connect(m_session, &Session::packagesChanged, this, [this] {
        m_ranked.clear();
        m_list->clear();
        m_found.clear();
        m_foundFor.clear();
    });
    connect(&m_finding, &QFutureWatcher<std::vector<std::vector<Dependency>>>::finished, this, [this] {
        std::vector<PackagePtr> packages;
        for (int p = 0; p < m_session->packageCount(); ++p)
            packages.push_back(m_session->package(p));
        if (packages == m_findingFor) {
            m_ranked.clear();  // it points into the list being replaced
            m_list->clear();
            m_found = m_finding.result();
            m_foundFor = std::move(packages);
            m_foundError = m_findingError ? *m_findingError : QString();
        }
        m_findingFor.clear();
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
    std::vector<PackagePtr> packages;
    for (int p = 0; p < m_session->packageCount(); ++p)
        packages.push_back(m_session->package(p));
    if (packages != m_foundFor) {
        if (packages != m_findingFor) {
            m_findingFor = packages;
            auto error = std::make_shared<QString>();
            m_findingError = error;
            m_finding.setFuture(QtConcurrent::run([packages, error] {
                std::vector<std::vector<Dependency>> found;
                for (const PackagePtr &package : packages) {
                    QString unreadable;
                    found.push_back(package ? findDependencies(*package, &unreadable) : std::vector<Dependency>{});
                    if (error->isEmpty())
                        *error = unreadable;
                }
                return found;
            }));
        }
        m_summary->setText(tr("Finding the packages' dependencies…"));
        return;
    }
    m_ranked = rankDependencies(*m_session, m_found);
    const bool sorting = m_list->isSortingEnabled();
    m_list->setSortingEnabled(false);
    m_list->clear();
    for (std::size_t row = 0; row < m_ranked.size(); ++row) {
        const DependencySize &d = m_ranked[row];
        QString name = d.dependency->name;
        if (d.package > 0)
            name = tr("layer %1: %2").arg(d.package).arg(name);
        auto *item = new DependencyItem(m_list, {name, d.dependency->version, formatMiB(d.kept.unzipped),
                                                 formatMiB(d.kept.footprint), QString::number(d.kept.files)});
        item->setData(NameColumn, kRowRole, qulonglong(row));
        item->setData(UnzippedColumn, Qt::UserRole, qulonglong(d.kept.unzipped));
        item->setData(ZippedColumn, Qt::UserRole, qulonglong(d.kept.footprint));
        item->setData(FilesColumn, Qt::UserRole, qulonglong(d.kept.files));
        item->setToolTip(NameColumn, tr("%1 (%2)").arg(name, ecosystemName(d.dependency->ecosystem)));
        item->setToolTip(UnzippedColumn, formatMiBAndBytes(d.kept.unzipped));
        item->setToolTip(ZippedColumn, formatMiBAndBytes(d.kept.footprint));
        for (int c = UnzippedColumn; c <= FilesColumn; ++c)
            item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
    }
    m_list->setSortingEnabled(sorting);
    if (!m_foundError.isEmpty()) {
        m_summary->setText(tr("Could not read the dependencies: %1").arg(m_foundError));
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
    std::vector<NodeRef> refs;
    for (const QTreeWidgetItem *item : m_list->selectedItems()) {
        const std::size_t row = item->data(NameColumn, kRowRole).toULongLong();
        if (row >= m_ranked.size())
            continue;
        for (NodeId node : m_ranked[row].dependency->nodes)
            refs.push_back({m_ranked[row].package, node});
    }
    return refs;
}

QString DependencyList::exclusionReason(int row) const
{
    if (row < 0 || std::size_t(row) >= m_ranked.size())
        return {};
    const Dependency &d = *m_ranked[std::size_t(row)].dependency;
    return d.ecosystem == Dependency::Ecosystem::Npm ? tr("npm package %1").arg(d.name)
                                                     : tr("Python distribution %1").arg(d.name);
}

void DependencyList::excludeSelected()
{
    std::vector<Session::ReasonedRef> items;
    for (const QTreeWidgetItem *item : m_list->selectedItems()) {
        const int row = int(item->data(NameColumn, kRowRole).toULongLong());
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
