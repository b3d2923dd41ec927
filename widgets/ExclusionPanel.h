#pragma once

#include "session/NodeRef.h"

#include <QWidget>

#include <vector>

class QLabel;
class QTreeView;

namespace packscope {

class PanelGroupExpansion;
class PanelModel;
class Session;

// The Excluded panel: what the user took out of the package, each item with
// what it saves (zipped and unzipped), and the total; items a suggestion's
// rule or a glob excluded are grouped under it. Drop items here to exclude
// them; drag them (or a whole group) back to the treemap or the tree, or
// press Delete, to restore them.
class ExclusionPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ExclusionPanel(Session *session, QWidget *parent = nullptr);

    QTreeView *list() const { return m_list; }
    PanelModel *model() const { return m_model; }
    QString totalText() const;
    std::vector<NodeRef> selectedRefs() const;

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void refresh();
    void setDropHighlight(bool on);

    Session *m_session;
    PanelModel *m_model;
    QTreeView *m_list;
    PanelGroupExpansion *m_expansion = nullptr;
    QLabel *m_total;
    QLabel *m_hint;
};

} // namespace packscope
