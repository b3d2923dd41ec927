#include "WarningsPanel.h"

#include "PanelGroupExpansion.h"
#include "PanelModel.h"

#include "session/Session.h"

#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QTreeView>
#include <QVBoxLayout>

#include <map>

using namespace Qt::StringLiterals;

namespace packscope {

WarningsPanel::WarningsPanel(Session *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_model(new PanelModel({tr("Warning"), tr("Details")}, this)),
      m_list(new QTreeView(this)), m_summary(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_list->setModel(m_model);
    m_expansion = new PanelGroupExpansion(m_list, m_model);
    m_list->setRootIsDecorated(true);
    m_list->setUniformRowHeights(true);
    m_list->header()->setStretchLastSection(true);
    m_list->setAccessibleName(tr("Warnings"));
    layout->addWidget(m_list, 1);
    connect(m_list, &QTreeView::activated, this, &WarningsPanel::onActivated);
    connect(m_session, &Session::packagesChanged, this, &WarningsPanel::rebuild);
    rebuild();
}

void WarningsPanel::rebuild()
{
    // Grouped by code, codes and the paths within each in order.
    std::map<QString, PanelRow> groups;
    std::map<QString, int> counts;
    int total = 0;
    const bool layered = m_session->packageCount() > 1;
    for (int p = 0; p < m_session->packageCount(); ++p) {
        const PackagePtr &package = m_session->package(p);
        if (!package)
            continue;
        const QString prefix = layered ? QFileInfo(package->path).fileName() + u": "_s : QString();
        for (const PackageWarning &w : package->warnings) {
            PanelRow row;
            const QString where = prefix + (w.path.isEmpty() ? tr("(the package)") : w.path);
            row.key = where + u'\x1f' + w.message;
            row.cells = {{where, where}, {w.message, w.message}};
            const NodeId node = w.path.isEmpty() ? kNoNode : package->tree.findPath(w.path.toUtf8());
            if (node != kNoNode)
                row.refs = {{p, node}};
            groups[w.code].children.push_back(std::move(row));
            ++counts[w.code];
            ++total;
        }
        for (const auto &[code, left] : package->warnings.omitted()) {
            PanelRow more;
            more.key = prefix + u"\x1fmore"_s;
            more.cells = {{prefix + tr("… and %1 more").arg(left)}};
            more.selectable = false;
            groups[code].children.push_back(std::move(more));
            counts[code] += left;
            total += left;
        }
    }
    std::vector<PanelRow> rows;
    for (auto &[code, group] : groups) {
        group.key = code;
        group.cells = {{code}, {counts[code] == 1 ? tr("1 item") : tr("%1 items").arg(counts[code])}};
        std::stable_sort(group.children.begin(), group.children.end(),
                         [](const PanelRow &a, const PanelRow &b) { return a.cells[0].text < b.cells[0].text; });
        rows.push_back(std::move(group));
    }
    m_model->setRows(std::move(rows));
    m_expansion->restore();
    m_list->resizeColumnToContents(0);
    m_summary->setText(total == 0 ? tr("Nothing odd found in the package.")
                                  : total == 1 ? tr("One oddity found; double-click it to select the item.")
                                               : tr("%1 oddities found; double-click one to select its item.").arg(total));
    if (total != m_count) {
        m_count = total;
        Q_EMIT countChanged(total);
    }
}

void WarningsPanel::onActivated(const QModelIndex &index)
{
    const PanelRow *row = m_model->row(index.siblingAtColumn(0));
    if (row && !row->refs.empty())
        Q_EMIT itemActivated(row->refs.front());
}

} // namespace packscope
