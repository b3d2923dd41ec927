#include "PanelGroupExpansion.h"

#include "PanelModel.h"

#include <QTreeView>

namespace packscope {

PanelGroupExpansion::PanelGroupExpansion(QTreeView *view, PanelModel *model)
    : QObject(view), m_view(view), m_model(model)
{
    const auto keyOf = [this](const QModelIndex &index) {
        const PanelRow *row = m_model->row(index);
        return row ? row->key : QString();
    };
    connect(view, &QTreeView::collapsed, this, [this, keyOf](const QModelIndex &index) {
        if (!m_restoring && !index.parent().isValid())
            m_closed.insert(keyOf(index));
    });
    connect(view, &QTreeView::expanded, this, [this, keyOf](const QModelIndex &index) {
        if (!m_restoring && !index.parent().isValid())
            m_closed.remove(keyOf(index));
    });
}

void PanelGroupExpansion::restore()
{
    m_restoring = true;
    for (int i = 0; i < m_model->rowCount(); ++i) {
        const QModelIndex group = m_model->index(i, 0);
        if (m_model->rowCount(group) > 0 && !m_closed.contains(m_model->row(group)->key) && !m_view->isExpanded(group))
            m_view->expand(group);
    }
    m_restoring = false;
}

} // namespace packscope
