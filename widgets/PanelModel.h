#pragma once

#include "session/NodeRef.h"

#include <QAbstractItemModel>
#include <QColor>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

namespace packscope {

// One cell of a panel row: what it shows and its tooltip.
struct PanelCell {
    QString text;
    QString toolTip;
    QVariant sortKey;  // what the column sorts by, when not the text (bytes)
    bool alignRight = false;  // a number

    bool operator==(const PanelCell &other) const = default;
};

// One row of a side panel (an excluded item, a rule's group, a suggestion, a
// warning, a dependency), as the panel wants it shown. `key` names the row
// among its siblings from one update to the next, so that an update changes
// it in place and its selection and expansion stay.
struct PanelRow {
    QString key;
    std::vector<PanelCell> cells;
    std::vector<NodeRef> refs;  // the items the row stands for (a group: none; its children theirs)
    std::optional<bool> checked;  // a check box in the first column
    bool bold = false;
    bool selectable = true;
    bool spansColumns = false;  // one text over the whole row
    QColor color;               // of the first column's text; invalid: the palette's
    int tag = -1;               // the panel's own number for the row (an index into its list)
    std::vector<PanelRow> children;

    // Everything but the children is the same.
    bool showsSameAs(const PanelRow &other) const;
};

// The item model behind every side panel: a list of rows, each with optional
// children, replaced as a whole by setRows() and updated in place (rows
// matched by key are changed, moved, inserted or removed one by one), so
// views keep their selection, expansion and scroll position across edits.
// Numbers arrive as text: the panel formats what core computed.
class PanelModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    // Roles beyond Qt's: the row's tag, and what a column sorts by.
    enum Role { TagRole = Qt::UserRole + 1, SortRole };

    explicit PanelModel(const QStringList &headers, QObject *parent = nullptr);
    ~PanelModel() override;

    void setRows(std::vector<PanelRow> rows);

    // The row behind an index (nullptr for an invalid one).
    const PanelRow *row(const QModelIndex &index) const;
    // The items these rows stand for, a group's children's included, each once.
    std::vector<NodeRef> refsOf(const QModelIndexList &indexes) const;
    QModelIndex indexOfKey(const QString &key, const QModelIndex &parent = {}) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    // The user toggled a row's check box (the model does not change it: the
    // panel acts, and the next setRows() shows the outcome).
    void checkToggled(const QModelIndex &index, bool checked);

private:
    struct Node;
    Node *nodeOf(const QModelIndex &index) const;
    void sync(Node *parent, const QModelIndex &parentIndex, std::vector<PanelRow> rows);

    QStringList m_headers;
    std::unique_ptr<Node> m_root;
};

} // namespace packscope
