#include "session/EditHistory.h"

namespace packscope {

void EditHistory::record(const ExclusionEdit &edit)
{
    if (edit.isEmpty())
        return;
    m_undo.push_back(edit);
    m_redo.clear();
}

void EditHistory::clear()
{
    m_undo.clear();
    m_redo.clear();
}

ExclusionEdit EditHistory::takeUndo()
{
    if (m_undo.empty())
        return {};
    ExclusionEdit edit = std::move(m_undo.back());
    m_undo.pop_back();
    m_redo.push_back(edit);
    return edit;
}

ExclusionEdit EditHistory::takeRedo()
{
    if (m_redo.empty())
        return {};
    ExclusionEdit edit = std::move(m_redo.back());
    m_redo.pop_back();
    m_undo.push_back(edit);
    return edit;
}

void EditHistory::replaceRedoTop(const ExclusionEdit &edit)
{
    if (!m_redo.empty())
        m_redo.back() = edit;
}

void EditHistory::replaceUndoTop(const ExclusionEdit &edit)
{
    if (!m_undo.empty())
        m_undo.back() = edit;
}

} // namespace packscope
