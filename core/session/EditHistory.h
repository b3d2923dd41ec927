#pragma once

#include "session/NodeRef.h"

#include <QString>

#include <vector>

namespace packscope {

// One what-if edit as the user made it: the marks it set or cleared, in the
// order they were applied, and a label for Undo/Redo menus.
struct ExclusionEdit {
    struct Change {
        NodeRef ref;
        bool excluded = false;  // true: the edit marked it; false: it unmarked it
        QString reason;         // why the item is (or, when unmarked, was) excluded; may be empty
    };
    QString label;
    std::vector<Change> changes;
};

// The undo and redo stacks of a session's what-if edits. It only stores
// edits; Session applies them, so every path (GUI, CLI, tests) shares it.
class EditHistory
{
public:
    void record(const ExclusionEdit &edit);  // clears the redo stack
    void clear();

    bool canUndo() const { return !m_undo.empty(); }
    bool canRedo() const { return !m_redo.empty(); }
    QString undoLabel() const { return canUndo() ? m_undo.back().label : QString(); }
    QString redoLabel() const { return canRedo() ? m_redo.back().label : QString(); }

    // Moves the newest edit to the other stack and returns it; the caller
    // reverts (undo) or reapplies (redo) it.
    ExclusionEdit takeUndo();
    ExclusionEdit takeRedo();

private:
    std::vector<ExclusionEdit> m_undo;
    std::vector<ExclusionEdit> m_redo;
};

} // namespace packscope
