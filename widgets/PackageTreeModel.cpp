#include "PackageTreeModel.h"

#include "NodeDragPayload.h"

#include "report/SizeFormat.h"
#include "session/Session.h"

#include <QApplication>
#include <QFileInfo>
#include <QFont>
#include <QMimeData>
#include <QPalette>

#include <algorithm>
#include <unordered_set>

using namespace Qt::StringLiterals;


namespace packscope {

namespace {

// internalId: package in the high 32 bits, node in the low ones.
quintptr packId(const NodeRef &ref)
{
    return (quintptr(std::uint32_t(ref.package)) << 32) | quintptr(ref.node);
}

NodeRef unpackId(quintptr id)
{
    return {int(id >> 32), NodeId(id & 0xFFFFFFFFu)};
}

} // namespace

PackageTreeModel::PackageTreeModel(Session *session, QObject *parent) : QAbstractItemModel(parent), m_session(session)
{
    connect(m_session, &Session::packagesChanged, this, &PackageTreeModel::onPackagesChanged);
    connect(m_session, &Session::changed, this, &PackageTreeModel::onSessionChanged);
    connect(m_session, &Session::itemsChanged, this, &PackageTreeModel::onItemsChanged);
    rebuildRows();
}

void PackageTreeModel::rebuildRows()
{
    m_rowInParent.clear();
    for (int p = 0; p < m_session->packageCount(); ++p) {
        const PackagePtr &package = m_session->package(p);
        std::vector<std::uint32_t> rows;
        if (package) {
            const PackageTree &tree = package->tree;
            rows.assign(tree.nodeCount(), 0);
            for (NodeId id = 0; id < tree.nodeCount(); ++id) {
                const auto kids = tree.children(id);
                for (std::size_t i = 0; i < kids.size(); ++i)
                    rows[kids[i]] = std::uint32_t(i);
            }
        }
        m_rowInParent.push_back(std::move(rows));
    }
}

void PackageTreeModel::onPackagesChanged()
{
    beginResetModel();
    rebuildRows();
    endResetModel();
    m_changeAnnounced = true;
}

void PackageTreeModel::onSessionChanged()
{
    // New packages reset the model, a what-if edit said which items changed
    // (onItemsChanged); anything else (a new profile) may change every share.
    if (!m_changeAnnounced && rowCount() > 0) {
        Q_EMIT headerDataChanged(Qt::Horizontal, ShareColumn, ShareColumn);
        Q_EMIT everythingChanged();
    }
    m_changeAnnounced = false;
}

void PackageTreeModel::onItemsChanged(const std::vector<NodeRef> &items)
{
    m_changeAnnounced = true;
    // Sizes changed along the path to each item; the item and everything
    // below it changed their excluded state. Rows did not move or go away.
    // A glob edit names thousands of items: the paths they share are
    // announced once, looked up in a set rather than a list.
    std::unordered_set<quintptr> done;
    for (const NodeRef &item : items) {
        if (item.package < 0 || item.package >= m_session->packageCount() || !m_session->package(item.package))
            continue;
        const PackageTree &tree = m_session->package(item.package)->tree;
        for (NodeId node = item.node; node != kNoNode; node = tree.node(node).parent) {
            const quintptr id = packId({item.package, node});
            if (!done.insert(id).second)
                break;  // the rest of the path is done already
            const QModelIndex row = indexOf({item.package, node});
            Q_EMIT dataChanged(row, row.siblingAtColumn(ColumnCount - 1));
        }
        std::vector<NodeId> folders{item.node};
        while (!folders.empty()) {
            const NodeId folder = folders.back();
            folders.pop_back();
            const auto kids = tree.children(folder);
            if (kids.empty())
                continue;
            const QModelIndex parent = indexOf({item.package, folder});
            Q_EMIT dataChanged(index(0, 0, parent), index(int(kids.size()) - 1, ColumnCount - 1, parent));
            for (NodeId kid : kids) {
                if (tree.isFolder(kid))
                    folders.push_back(kid);
            }
        }
    }
}

QModelIndex PackageTreeModel::indexOf(const NodeRef &ref, int column) const
{
    if (ref.package < 0 || ref.package >= m_session->packageCount() || !m_session->package(ref.package))
        return {};
    const PackageTree &tree = m_session->package(ref.package)->tree;
    if (ref.node >= tree.nodeCount())
        return {};
    const int row = ref.node == tree.root() ? ref.package : int(m_rowInParent[std::size_t(ref.package)][ref.node]);
    return createIndex(row, column, packId(ref));
}

NodeRef PackageTreeModel::refOf(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return {};
    return unpackId(index.internalId());
}

QModelIndex PackageTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid()) {
        if (row >= m_session->packageCount() || !m_session->package(row))
            return {};
        return createIndex(row, column, packId({row, 0}));
    }
    const NodeRef ref = refOf(parent);
    const auto kids = m_session->package(ref.package)->tree.children(ref.node);
    if (std::size_t(row) >= kids.size())
        return {};
    return createIndex(row, column, packId({ref.package, kids[std::size_t(row)]}));
}

QModelIndex PackageTreeModel::parent(const QModelIndex &child) const
{
    const NodeRef ref = refOf(child);
    if (!ref.isValid() || ref.node == 0)
        return {};
    const NodeId up = m_session->package(ref.package)->tree.node(ref.node).parent;
    return indexOf({ref.package, up});
}

int PackageTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return m_session->hasFunction() ? m_session->packageCount() : 0;
    if (parent.column() != 0)
        return 0;
    const NodeRef ref = refOf(parent);
    return int(m_session->package(ref.package)->tree.children(ref.node).size());
}

int PackageTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool PackageTreeModel::hasChildren(const QModelIndex &parent) const
{
    return rowCount(parent) > 0;
}

QVariant PackageTreeModel::data(const QModelIndex &index, int role) const
{
    const NodeRef ref = refOf(index);
    if (!ref.isValid())
        return {};
    const Package &package = *m_session->package(ref.package);
    const PackageTree &tree = package.tree;
    const bool excluded = m_session->isExcluded(ref);
    // An excluded item shows what it would weigh; others what is left of them.
    const SizeTotals totals =
        excluded ? tree.node(ref.node).totals : m_session->exclusions(ref.package).keptTotals(ref.node);
    const double share = m_session->evaluation().shareOfUnzippedLimit(totals.unzipped);

    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            if (ref.node == 0) {
                const QString name = QFileInfo(package.path).fileName();
                return ref.package == 0 ? name : tr("Layer %1: %2").arg(ref.package).arg(name);
            }
            return tree.name(ref.node);
        case UnzippedColumn:
            return formatMiB(totals.unzipped);
        case ZippedColumn:
            return QString((package.zippedEstimated ? u"≈ "_s : QString()) + formatMiB(totals.footprint));
        case ShareColumn:
            return QString(QString::number(share * 100.0, 'f', 1) + u" %"_s);
        case FilesColumn:
            return tree.isFolder(ref.node) ? QString::number(totals.files) : QString();
        }
        return {};
    case SortRole:
        switch (index.column()) {
        case NameColumn:
            return tree.name(ref.node);
        case UnzippedColumn:
        case ShareColumn:
            return qulonglong(totals.unzipped);
        case ZippedColumn:
            return qulonglong(totals.footprint);
        case FilesColumn:
            return qulonglong(totals.files);
        }
        return {};
    case ShareRole:
        return share;
    case ExcludedRole:
        return excluded;
    case Qt::TextAlignmentRole:
        return index.column() == NameColumn ? QVariant() : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (excluded)
            return QApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::FontRole:
        if (excluded) {
            QFont font;
            font.setItalic(true);
            font.setStrikeOut(index.column() == NameColumn);
            return font;
        }
        return {};
    case Qt::ToolTipRole: {
        QString tip = ref.node == 0 ? package.path : tree.path(ref.node);
        tip += u"\n"_s + tr("Unzipped: %1").arg(formatMiBAndBytes(totals.unzipped));
        tip += u"\n"_s + tr("Zipped%1: %2").arg(package.zippedEstimated ? tr(" (estimate)") : QString(),
                                               formatMiBAndBytes(totals.footprint));
        if (excluded)
            tip += u"\n"_s + tr("Excluded");
        return tip;
    }
    case Qt::AccessibleTextRole:
        return data(index, Qt::DisplayRole);
    default:
        return {};
    }
}

QVariant PackageTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case NameColumn:
            return tr("Name");
        case UnzippedColumn:
            return tr("Unzipped");
        case ZippedColumn:
            return tr("Zipped");
        case ShareColumn:
            return tr("Share");
        case FilesColumn:
            return tr("Files");
        }
    }
    if (role == Qt::ToolTipRole && section == ShareColumn)
        return tr("Unzipped size as a share of the %1 unzipped limit (function plus layers)")
            .arg(formatMiB(m_session->evaluation().unzippedLimit));
    if (role == Qt::TextAlignmentRole && section != NameColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

Qt::ItemFlags PackageTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::ItemIsDropEnabled;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDropEnabled;
    const NodeRef ref = refOf(index);
    if (ref.node != 0)
        f |= Qt::ItemIsDragEnabled;
    if (!m_session->package(ref.package)->tree.isFolder(ref.node))
        f |= Qt::ItemNeverHasChildren;
    return f;
}

QStringList PackageTreeModel::mimeTypes() const
{
    return {NodeDragPayload::kMimeType};
}

QMimeData *PackageTreeModel::mimeData(const QModelIndexList &indexes) const
{
    NodeDragPayload payload;
    for (const QModelIndex &index : indexes) {
        const NodeRef ref = refOf(index);
        if (ref.isValid() && ref.node != 0 && std::find(payload.refs.begin(), payload.refs.end(), ref) == payload.refs.end())
            payload.refs.push_back(ref);
    }
    if (payload.refs.empty())
        return nullptr;
    return payload.toMimeData(*m_session);
}

Qt::DropActions PackageTreeModel::supportedDragActions() const
{
    return Qt::MoveAction;
}

Qt::DropActions PackageTreeModel::supportedDropActions() const
{
    return Qt::MoveAction;
}

bool PackageTreeModel::canDropMimeData(const QMimeData *data, Qt::DropAction, int, int, const QModelIndex &) const
{
    const auto payload = NodeDragPayload::fromMimeData(data, *m_session);
    return payload && payload->origin == NodeDragPayload::Origin::Excluded;
}

bool PackageTreeModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                    const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    // Restoring changes sizes, not rows: the view must not remove the dragged rows.
    m_session->restore(NodeDragPayload::fromMimeData(data, *m_session)->refs);
    return false;
}

} // namespace packscope
