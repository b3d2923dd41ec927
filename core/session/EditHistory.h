#pragma once

#include "model/Package.h"
#include "session/NodeRef.h"

#include <QString>

#include <optional>
#include <vector>

namespace packscope {

// One what-if edit as the user made it: the marks it set or cleared, in the
// order they were applied, or a layer attached or detached; and a label for
// Undo/Redo menus.
struct ExclusionEdit {
    struct Change {
        NodeRef ref;
        bool excluded = false;  // true: the edit marked it; false: it unmarked it
        QString reason;         // why the item is (or, when unmarked, was) excluded; may be empty
    };
    // A layer the edit attached (added) or detached (!added) at package
    // index `index`, with the marks it carried when detached. History is
    // linear, so when an edit is undone or redone the packages are exactly
    // as they were when it was made, and package indexes stay right.
    struct LayerStep {
        bool added = true;
        int index = 0;
        PackagePtr package;
        std::vector<Change> marks;
    };
    QString label;
    std::vector<Change> changes;
    std::optional<LayerStep> layer;

    bool isEmpty() const { return changes.empty() && !layer; }
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
    // Replace the edit just moved by takeUndo() (or takeRedo()) with what
    // applying it recorded, such as the marks of a detached layer.
    void replaceRedoTop(const ExclusionEdit &edit);
    void replaceUndoTop(const ExclusionEdit &edit);

private:
    std::vector<ExclusionEdit> m_undo;
    std::vector<ExclusionEdit> m_redo;
};

} // namespace packscope
