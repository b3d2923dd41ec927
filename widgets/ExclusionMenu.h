#pragma once

#include "session/NodeRef.h"

#include <QMenu>

#include <vector>

namespace packscope {

class Session;

// The context menu of items in every view (treemap, tree, Excluded panel):
// Exclude, Exclude all files like this (`*.ext`) or all folders so named,
// Restore, Copy Path. Each entry is one undoable session edit.
class ExclusionMenu : public QMenu
{
    Q_OBJECT
public:
    ExclusionMenu(Session *session, std::vector<NodeRef> refs, QWidget *parent = nullptr);
};

} // namespace packscope
