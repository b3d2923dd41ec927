#pragma once

#include "session/NodeRef.h"

#include <QWidget>

class QLabel;
class QModelIndex;
class QTreeView;

namespace packscope {

class PanelGroupExpansion;
class PanelModel;
class Session;

// Everything odd the readers found in the session's packages (unsafe names,
// symlinks leading outside, encrypted or overlapping entries, disagreeing
// headers, ...), grouped by warning code with the count of each; the same
// codes `packscope-cli audit` prints. Activating an entry's row selects it in
// the tree and the treemap.
class WarningsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit WarningsPanel(Session *session, QWidget *parent = nullptr);

    // Warnings of every package, omitted ones included.
    int warningCount() const { return m_count; }
    QTreeView *list() const { return m_list; }
    PanelModel *model() const { return m_model; }

Q_SIGNALS:
    void countChanged(int count);
    void itemActivated(const NodeRef &ref);

private:
    void rebuild();
    void onActivated(const QModelIndex &index);

    Session *m_session;
    PanelModel *m_model;
    QTreeView *m_list;
    PanelGroupExpansion *m_expansion = nullptr;
    QLabel *m_summary;
    int m_count = 0;
};

} // namespace packscope
