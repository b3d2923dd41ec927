#include "PanelModel.h"

#include <QFont>
#include <QHash>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace packscope {

bool PanelRow::showsSameAs(const PanelRow &other) const
{
    return key == other.key && cells == other.cells && refs == other.refs && checked == other.checked
        && bold == other.bold && selectable == other.selectable && spansColumns == other.spansColumns
        && color == other.color && tag == other.tag;
}

// A row as the model keeps it: its own look (children moved out) and where
// it sits, so that parent() needs no search.
struct PanelModel::Node {
    PanelRow row;
    Node *parent = nullptr;
    int position = 0;
    std::vector<std::unique_ptr<Node>> children;

    void renumber(std::size_t from = 0)
    {
        for (std::size_t i = from; i < children.size(); ++i)
            children[i]->position = int(i);
    }
};

namespace {

// More removed runs than this among one parent's rows and the rows are
// replaced as a whole: one reset is cheaper than thousands of removals, and
// an edit that changes that much keeps no selection worth keeping.
constexpr int kMostRunsInPlace = 64;

// Keys unique among siblings: a repeated one gets its ordinal.
void makeKeysUnique(std::vector<PanelRow> &rows)
{
    QHash<QString, int> seen;
    for (PanelRow &row : rows) {
        const int n = seen[row.key]++;
        if (n > 0)
            row.key += u"\x1f%1"_s.arg(n);
    }
}

} // namespace

PanelModel::PanelModel(const QStringList &headers, QObject *parent)
    : QAbstractItemModel(parent), m_headers(headers), m_root(std::make_unique<Node>())
{
}

PanelModel::~PanelModel() = default;

PanelModel::Node *PanelModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

void PanelModel::setRows(std::vector<PanelRow> rows)
{
    sync(m_root.get(), {}, std::move(rows));
}

void PanelModel::sync(Node *parent, const QModelIndex &parentIndex, std::vector<PanelRow> rows)
{
    makeKeysUnique(rows);
    auto makeNode = [](PanelRow &&row, Node *under, auto &self) -> std::unique_ptr<Node> {
        auto node = std::make_unique<Node>();
        node->parent = under;
        std::vector<PanelRow> children = std::move(row.children);
        row.children.clear();
        node->row = std::move(row);
        makeKeysUnique(children);
        for (PanelRow &child : children)
            node->children.push_back(self(std::move(child), node.get(), self));
        node->renumber();
        return node;
    };

    // Gone rows leave in runs, from the end so positions before stay true.
    QSet<QString> wanted;
    for (const PanelRow &row : rows)
        wanted.insert(row.key);
    std::vector<std::pair<int, int>> runs;  // first, last
    for (int i = 0; i < int(parent->children.size()); ++i) {
        if (wanted.contains(parent->children[std::size_t(i)]->row.key))
            continue;
        if (!runs.empty() && runs.back().second == i - 1)
            runs.back().second = i;
        else
            runs.emplace_back(i, i);
    }
    if (int(runs.size()) > kMostRunsInPlace) {
        beginResetModel();
        parent->children.clear();
        for (PanelRow &row : rows)
            parent->children.push_back(makeNode(std::move(row), parent, makeNode));
        parent->renumber();
        endResetModel();
        return;
    }
    for (auto run = runs.rbegin(); run != runs.rend(); ++run) {
        beginRemoveRows(parentIndex, run->first, run->second);
        parent->children.erase(parent->children.begin() + run->first, parent->children.begin() + run->second + 1);
        parent->renumber(std::size_t(run->first));
        endRemoveRows();
    }

    QHash<QString, Node *> existing;
    for (const auto &child : parent->children)
        existing.insert(child->row.key, child.get());
    const int lastColumn = columnCount() - 1;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        Node *node = existing.value(rows[i].key);
        if (!node) {
            // A run of new rows goes in at once.
            std::size_t end = i + 1;
            while (end < rows.size() && !existing.contains(rows[end].key))
                ++end;
            beginInsertRows(parentIndex, int(i), int(end - 1));
            for (std::size_t k = i; k < end; ++k)
                parent->children.insert(parent->children.begin() + std::ptrdiff_t(k),
                                        makeNode(std::move(rows[k]), parent, makeNode));
            parent->renumber(i);
            endInsertRows();
            i = end - 1;
            continue;
        }
        if (node->position != int(i)) {
            const int from = node->position;  // after i: rows before i are in place
            beginMoveRows(parentIndex, from, from, parentIndex, int(i));
            std::unique_ptr<Node> moving = std::move(parent->children[std::size_t(from)]);
            parent->children.erase(parent->children.begin() + from);
            parent->children.insert(parent->children.begin() + std::ptrdiff_t(i), std::move(moving));
            parent->renumber(i);
            endMoveRows();
        }
        std::vector<PanelRow> children = std::move(rows[i].children);
        rows[i].children.clear();
        if (!node->row.showsSameAs(rows[i])) {
            node->row = std::move(rows[i]);
            Q_EMIT dataChanged(createIndex(int(i), 0, node), createIndex(int(i), lastColumn, node));
        }
        sync(node, createIndex(int(i), 0, node), std::move(children));
    }
}

const PanelRow *PanelModel::row(const QModelIndex &index) const
{
    return index.isValid() && index.model() == this ? &nodeOf(index)->row : nullptr;
}

std::vector<NodeRef> PanelModel::refsOf(const QModelIndexList &indexes) const
{
    std::vector<NodeRef> refs;
    auto add = [&refs](const PanelRow &row) {
        for (const NodeRef &ref : row.refs) {
            if (std::find(refs.begin(), refs.end(), ref) == refs.end())
                refs.push_back(ref);
        }
    };
    for (const QModelIndex &index : indexes) {
        if (!index.isValid() || index.column() != 0 || index.model() != this)
            continue;
        const Node *node = nodeOf(index);
        add(node->row);
        for (const auto &child : node->children)
            add(child->row);
    }
    return refs;
}

QModelIndex PanelModel::indexOfKey(const QString &key, const QModelIndex &parent) const
{
    const Node *under = nodeOf(parent);
    for (const auto &child : under->children) {
        if (child->row.key == key)
            return createIndex(child->position, 0, child.get());
    }
    return {};
}

QModelIndex PanelModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= columnCount() || row < 0 || (parent.isValid() && parent.column() != 0))
        return {};
    const Node *under = nodeOf(parent);
    if (std::size_t(row) >= under->children.size())
        return {};
    return createIndex(row, column, under->children[std::size_t(row)].get());
}

QModelIndex PanelModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    Node *up = nodeOf(child)->parent;
    if (!up || up == m_root.get())
        return {};
    return createIndex(up->position, 0, up);
}

int PanelModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(nodeOf(parent)->children.size());
}

int PanelModel::columnCount(const QModelIndex &) const
{
    return int(m_headers.size());
}

QVariant PanelModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const PanelRow &row = nodeOf(index)->row;
    const int column = index.column();
    const PanelCell *cell = std::size_t(column) < row.cells.size() ? &row.cells[std::size_t(column)] : nullptr;
    switch (role) {
    case Qt::DisplayRole:
        return cell ? cell->text : QString();
    case Qt::ToolTipRole:
        return cell && !cell->toolTip.isEmpty() ? QVariant(cell->toolTip) : QVariant();
    case Qt::TextAlignmentRole:
        return cell && cell->alignRight ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    case Qt::FontRole:
        if (row.bold) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::ForegroundRole:
        return column == 0 && row.color.isValid() ? QVariant(row.color) : QVariant();
    case Qt::CheckStateRole:
        return column == 0 && row.checked ? QVariant(*row.checked ? Qt::Checked : Qt::Unchecked) : QVariant();
    case TagRole:
        return row.tag;
    case SortRole:
        return cell && cell->sortKey.isValid() ? cell->sortKey : QVariant(cell ? cell->text : QString());
    default:
        return {};
    }
}

bool PanelModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || index.column() != 0 || role != Qt::CheckStateRole)
        return false;
    PanelRow &row = nodeOf(index)->row;
    if (!row.checked)
        return false;
    const bool checked = value.toInt() == Qt::Checked;
    if (*row.checked == checked)
        return true;
    // Shown at once; the panel's edit and its next update confirm it.
    row.checked = checked;
    Q_EMIT dataChanged(index, index, {Qt::CheckStateRole});
    Q_EMIT checkToggled(index, checked);
    return true;
}

Qt::ItemFlags PanelModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    const Node *node = nodeOf(index);
    Qt::ItemFlags flags = Qt::ItemIsEnabled;
    if (node->row.selectable)
        flags |= Qt::ItemIsSelectable;
    if (node->row.checked && index.column() == 0)
        flags |= Qt::ItemIsUserCheckable;
    if (!node->row.refs.empty() || !node->children.empty())
        flags |= Qt::ItemIsDragEnabled;
    return flags;
}

QVariant PanelModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole && section >= 0 && section < m_headers.size())
        return m_headers[section];
    return {};
}

} // namespace packscope
