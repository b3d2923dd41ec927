#pragma once

#include <QObject>
#include <QSet>
#include <QString>

class QTreeView;

namespace packscope {

class PanelModel;

// Keeps a side panel's groups open across edits: every group is shown open
// when it first appears, and one the user closed stays closed (by its key)
// until they open it again, even through a model reset. Replaces an
// expandAll() after each setRows(), which reopened what the user had closed.
class PanelGroupExpansion : public QObject
{
    Q_OBJECT
public:
    PanelGroupExpansion(QTreeView *view, PanelModel *model);

    // Call after each setRows(): opens the top-level groups not closed by the user.
    void restore();

private:
    QTreeView *m_view;
    PanelModel *m_model;
    QSet<QString> m_closed;  // keys of groups the user closed
    bool m_restoring = false;
};

} // namespace packscope
