#include "ExclusionMenu.h"

#include "session/Session.h"
#include "whatif/GlobPattern.h"

#include <QApplication>
#include <QClipboard>

using namespace Qt::StringLiterals;

namespace packscope {

ExclusionMenu::ExclusionMenu(Session *session, std::vector<NodeRef> refs, QWidget *parent) : QMenu(parent)
{
    std::vector<NodeRef> excludable, restorable;
    QStringList paths;
    for (const NodeRef &ref : refs) {
        if (ref.package < 0 || ref.package >= session->packageCount() || !session->package(ref.package))
            continue;
        const PackageTree &tree = session->package(ref.package)->tree;
        if (ref.node == tree.root())
            continue;
        paths << tree.path(ref.node);
        if (session->exclusions(ref.package).isMarked(ref.node))
            restorable.push_back(ref);
        else if (!session->isExcluded(ref))
            excludable.push_back(ref);
    }
    if (!excludable.empty()) {
        addAction(excludable.size() == 1 ? tr("Exclude") : tr("Exclude %n Items", nullptr, int(excludable.size())),
                  this, [session, excludable] { session->exclude(excludable); });
    }
    if (refs.size() == 1 && refs.front().package >= 0 && refs.front().package < session->packageCount()
        && session->package(refs.front().package)) {
        const PackageTree &tree = session->package(refs.front().package)->tree;
        const NodeId node = refs.front().node;
        const QString name = tree.name(node);
        QString glob;
        QString label;
        if (tree.isFolder(node) && node != tree.root()) {
            glob = name + u"/"_s;
            label = tr("Exclude All Folders Named %1").arg(glob);
        } else if (!tree.isFolder(node)) {
            const qsizetype dot = name.lastIndexOf(u'.');
            if (dot > 0 && dot + 1 < name.size()) {
                glob = u"*"_s + name.mid(dot);
                label = tr("Exclude All Files Like This: %1").arg(glob);
            }
        }
        if (!glob.isEmpty())
            addAction(label, this, [session, glob] { session->excludeMatching(GlobPattern(glob)); });
    }
    if (!restorable.empty()) {
        addAction(restorable.size() == 1 ? tr("Restore") : tr("Restore %n Items", nullptr, int(restorable.size())),
                  this, [session, restorable] { session->restore(restorable); });
    }
    if (!paths.isEmpty()) {
        addSeparator();
        addAction(paths.size() == 1 ? tr("Copy Path") : tr("Copy Paths"), this,
                  [paths] { QApplication::clipboard()->setText(paths.join(u'\n')); });
    }
}

} // namespace packscope
