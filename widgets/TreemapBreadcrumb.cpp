#include "TreemapBreadcrumb.h"

#include "session/Session.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace packscope {

TreemapBreadcrumb::TreemapBreadcrumb(Session *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_layout(new QHBoxLayout(this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(0);
    setRoot({});
}

void TreemapBreadcrumb::setRoot(const NodeRef &root)
{
    // Called on every session change: rebuild only when the levels differ.
    QStringList levels{QString::number(m_session->packageCount())};
    if (m_session->hasFunction())
        levels << m_session->package(0)->path;
    if (root.isValid() && root.package < m_session->packageCount() && m_session->package(root.package)) {
        levels << QString::number(root.package);
        for (NodeId n = root.node; n != kNoNode; n = m_session->package(root.package)->tree.node(n).parent)
            levels << QString::number(n);
    }
    if (levels == m_shown)
        return;
    m_shown = levels;
    while (QLayoutItem *item = m_layout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    auto addLevel = [this](const QString &text, const NodeRef &target, bool current) {
        if (m_layout->count() > 0)
            m_layout->addWidget(new QLabel(QStringLiteral(" › "), this));
        auto *button = new QToolButton(this);
        button->setText(text);
        button->setAutoRaise(true);
        button->setEnabled(!current);
        if (current) {
            QFont bold = button->font();
            bold.setBold(true);
            button->setFont(bold);
        }
        button->setToolTip(current ? tr("Shown now") : tr("Zoom out to %1").arg(text));
        connect(button, &QToolButton::clicked, this, [this, target] { Q_EMIT levelActivated(target); });
        m_layout->addWidget(button);
    };
    const bool single = m_session->layerCount() == 0;
    const QString top = single && m_session->hasFunction() ? QFileInfo(m_session->package(0)->path).fileName()
                                                           : tr("All packages");
    addLevel(top, {}, !root.isValid());
    if (root.isValid() && root.package < m_session->packageCount() && m_session->package(root.package)) {
        const Package &package = *m_session->package(root.package);
        std::vector<NodeId> chain;
        for (NodeId n = root.node; n != kNoNode; n = package.tree.node(n).parent)
            chain.push_back(n);
        for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
            const QString text = *it == 0 ? QFileInfo(package.path).fileName() : package.tree.name(*it);
            if (*it == 0 && single)
                continue;  // the first level already stands for it
            addLevel(text, {root.package, *it}, *it == root.node);
        }
    }
    m_layout->addStretch(1);
}

} // namespace packscope
