#include "WarningsPanel.h"

#include "session/Session.h"

#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <map>

using namespace Qt::StringLiterals;

namespace packscope {

namespace {

constexpr int kPackageRole = Qt::UserRole + 1;
constexpr int kPathRole = Qt::UserRole + 2;

} // namespace

WarningsPanel::WarningsPanel(Session *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_list(new QTreeWidget(this)), m_summary(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_list->setColumnCount(2);
    m_list->setHeaderLabels({tr("Warning"), tr("Details")});
    m_list->setRootIsDecorated(true);
    m_list->setUniformRowHeights(true);
    m_list->header()->setStretchLastSection(true);
    m_list->setAccessibleName(tr("Warnings"));
    layout->addWidget(m_list, 1);
    connect(m_list, &QTreeWidget::itemActivated, this, &WarningsPanel::onActivated);
    connect(m_session, &Session::packagesChanged, this, &WarningsPanel::rebuild);
    rebuild();
}

void WarningsPanel::rebuild()
{
    m_list->clear();
    // Grouped by code.
    std::map<QString, QTreeWidgetItem *> groups;
    std::map<QString, int> counts;
    int total = 0;
    const bool layered = m_session->packageCount() > 1;
    for (int p = 0; p < m_session->packageCount(); ++p) {
        const PackagePtr &package = m_session->package(p);
        if (!package)
            continue;
        auto groupFor = [&](const QString &code) {
            QTreeWidgetItem *&group = groups[code];
            if (!group)
                group = new QTreeWidgetItem(m_list, {code});
            return group;
        };
        const QString prefix = layered ? QFileInfo(package->path).fileName() + u": "_s : QString();
        for (const PackageWarning &w : package->warnings) {
            auto *item = new QTreeWidgetItem(groupFor(w.code),
                                             {prefix + (w.path.isEmpty() ? tr("(the package)") : w.path), w.message});
            item->setToolTip(0, item->text(0));
            item->setToolTip(1, w.message);
            item->setData(0, kPackageRole, p);
            item->setData(0, kPathRole, w.path);
            ++counts[w.code];
            ++total;
        }
        for (const auto &[code, left] : package->warnings.omitted()) {
            auto *more = new QTreeWidgetItem(groupFor(code), {prefix + tr("… and %1 more").arg(left)});
            more->setFlags(Qt::ItemIsEnabled);
            counts[code] += left;
            total += left;
        }
    }
    for (const auto &[code, group] : groups) {
        group->setText(1, counts[code] == 1 ? tr("1 item") : tr("%1 items").arg(counts[code]));
    }
    m_list->sortItems(0, Qt::AscendingOrder);  // codes, and paths within each, in order
    m_list->expandAll();
    m_list->resizeColumnToContents(0);
    m_summary->setText(total == 0 ? tr("Nothing odd found in the package.")
                                  : total == 1 ? tr("One oddity found; double-click it to select the item.")
                                               : tr("%1 oddities found; double-click one to select its item.").arg(total));
    if (total != m_count) {
        m_count = total;
        Q_EMIT countChanged(total);
    }
}

void WarningsPanel::onActivated(QTreeWidgetItem *item)
{
    if (!item || !item->parent() || !item->data(0, kPackageRole).isValid())
        return;
    const int p = item->data(0, kPackageRole).toInt();
    if (p >= m_session->packageCount() || !m_session->package(p))
        return;
    const NodeId node = m_session->package(p)->tree.findPath(item->data(0, kPathRole).toString().toUtf8());
    if (node != kNoNode)
        Q_EMIT itemActivated({p, node});
}

} // namespace packscope
