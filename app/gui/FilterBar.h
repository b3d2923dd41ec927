#pragma once

#include "whatif/NodeFilter.h"

#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QTimer;

namespace packscope {

class Session;

// The toolbar's filter: a name or a glob, handed to the tree and the treemap
// a moment after typing stops. Beside it, what the filter matches among the
// kept items, counted as the CLI counts (files, dirs, unzipped, zipped), and
// the action that excludes all of it as one step.
class FilterBar : public QWidget
{
    Q_OBJECT
public:
    explicit FilterBar(Session *session, QWidget *parent = nullptr);

    // Exclude All Matches: for the Edit menu and the toolbar.
    QAction *excludeMatchesAction() const { return m_excludeMatches; }
    // Edit → Filter…: focus the field with its text selected.
    void focusFilter();
    // Empties the field and drops the filter now, without the typing pause.
    void clear();

Q_SIGNALS:
    void filterChanged(const packscope::NodeFilter &filter);

private:
    void updateMatches();
    void excludeMatches();

    Session *m_session;
    QLineEdit *m_edit;
    QLabel *m_matches;
    QTimer *m_typing;   // the filter applies once typing pauses
    QTimer *m_recount;  // matches are counted after an edit, not within it
    QAction *m_excludeMatches;
};

} // namespace packscope
