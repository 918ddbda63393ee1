#include "edit/editcommand.h"

namespace coform {

EditCommand::EditCommand(EditTarget *target, Edit edit, Merge merge, QUndoCommand *parent)
    : QUndoCommand(edit.summary(), parent)
    , m_target(target)
    , m_edit(std::move(edit))
    , m_merge(merge)
{}

void EditCommand::redo()
{
    m_lastOutcome = m_target->applyEdit(m_edit);
    // Refused (someone else changed the value since): it changed nothing, so the stack drops it; nothing is left
    // behind to redo or undo later.
    setObsolete(!m_lastOutcome.applied());
}

void EditCommand::undo()
{
    m_lastOutcome = m_target->applyEdit(m_edit.inverted());
    setObsolete(!m_lastOutcome.applied());
}

int EditCommand::id() const
{
    return m_merge == Merge::Typing && !m_edit.mergeKey().isEmpty() ? TypingMergeId : -1;
}

bool EditCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = dynamic_cast<const EditCommand *>(other);
    if (!next || next->id() != id() || next->m_edit.mergeKey() != m_edit.mergeKey() || !m_lastOutcome.applied()
        || !next->m_lastOutcome.applied() || next->m_edit.before != m_edit.after)
        return false;
    m_edit.after = next->m_edit.after;
    // Typing back to where it started leaves nothing to undo.
    setObsolete(m_edit.isNoOp());
    return true;
}

} // namespace coform
