#pragma once

#include "edit/edit.h"

#include <QUndoCommand>

namespace coform {

/// Whatever applies edits to a template: a draft in the store, or a template held in memory. Undo and redo go
/// through it, so an undo is an attributed, synchronised edit like any other.
class EditTarget
{
public:
    virtual ~EditTarget() = default;
    virtual EditOutcome applyEdit(const Edit &edit) = 0;
};

/// A template held in memory as an EditTarget (a file open without a database, tests).
class TemplateEditTarget : public EditTarget
{
public:
    explicit TemplateEditTarget(Template t)
        : m_template(std::move(t))
    {}
    EditOutcome applyEdit(const Edit &edit) override { return edit.apply(m_template); }
    /// The template as the edits so far left it.
    const Template &content() const { return m_template; }

private:
    Template m_template;
};

/// A QUndoCommand that applies an Edit on redo and its inverse on undo.
///
/// Commands made with Merge::Typing merge while the same property of the same thing is edited, so that typing a
/// sentence is one undo step. A redo or undo that is refused (someone else changed the value since) changes nothing;
/// lastOutcome() says so, and the command marks itself obsolete, so that QUndoStack drops it: a refused step is
/// neither left to undo nor to redo.
class EditCommand : public QUndoCommand
{
public:
    enum class Merge { Never, Typing };
    /// The merge ids of Coform's undo commands (QUndoCommand::id()).
    enum MergeId { TypingMergeId = 1 };

    EditCommand(EditTarget *target, Edit edit, Merge merge = Merge::Never, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

    const Edit &edit() const { return m_edit; }
    const EditOutcome &lastOutcome() const { return m_lastOutcome; }

private:
    EditTarget *m_target;
    Edit m_edit;
    Merge m_merge;
    EditOutcome m_lastOutcome;
};

} // namespace coform
