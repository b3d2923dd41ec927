#pragma once

#include "session/NodeRef.h"

#include <QStringList>
#include <QWidget>

class QHBoxLayout;

namespace packscope {

class Session;

// The path of the folder the treemap is zoomed into, one button per level:
// clicking a level zooms back out to it.
class TreemapBreadcrumb : public QWidget
{
    Q_OBJECT
public:
    explicit TreemapBreadcrumb(Session *session, QWidget *parent = nullptr);

    void setRoot(const NodeRef &root);  // invalid: the whole session

Q_SIGNALS:
    void levelActivated(const packscope::NodeRef &folder);

private:
    Session *m_session;
    QHBoxLayout *m_layout;
    QStringList m_shown;  // the levels on show, to skip rebuilding the same
};

} // namespace packscope
