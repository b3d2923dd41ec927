#pragma once

#include "session/NodeRef.h"

#include <QAbstractItemModel>

#include <vector>

namespace packscope {

class Session;

// The session's packages as an item model: one top-level row per package (the
// function, then its layers), their files and folders below. Sizes are what
// remains after exclusion; excluded items stay listed, greyed out, so they can
// be found and restored. Rows can be dragged (to exclude them) and accept
// drops from the Excluded panel (to restore).
class PackageTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, UnzippedColumn, ZippedColumn, ShareColumn, FilesColumn, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1,  // numbers for size columns, names for the name column
        ShareRole,                    // double: unzipped share of the unzipped limit, 0..
        ExcludedRole,                 // bool: excluded, itself or through a folder
    };

    explicit PackageTreeModel(Session *session, QObject *parent = nullptr);

    Session *session() const { return m_session; }
    QModelIndex indexOf(const NodeRef &ref, int column = 0) const;
    NodeRef refOf(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;

    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDragActions() const override;
    Qt::DropActions supportedDropActions() const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;

Q_SIGNALS:
    // Every row's data may have changed (a new profile): views repaint.
    void everythingChanged();

private:
    void onPackagesChanged();
    void onSessionChanged();
    void onItemsChanged(const std::vector<NodeRef> &items);
    void rebuildRows();

    Session *m_session;
    bool m_changeAnnounced = false;  // the change at hand came as a reset or item by item
    // Per package, each node's row among its siblings: parent() in O(1).
    std::vector<std::vector<std::uint32_t>> m_rowInParent;
};

} // namespace packscope
