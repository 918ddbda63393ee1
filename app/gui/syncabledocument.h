#pragma once

#include "edit/editcommand.h"

class QUndoStack;

namespace coform {

/// What StoredTemplateSync needs of the open document, so that a stored template stays in step with the store:
/// - its own edits (push, undo, redo) go through a gate first (the store), and change the document only if the store
///   took them;
/// - other people's edits change the document without an undo step and without moving the selection.
/// StoredTemplateDocument implements it over TemplateDocument.
class SyncableDocument
{
public:
    virtual ~SyncableDocument() = default;

    virtual const Template &syncedTemplate() const = 0;
    /// While set, every edit of the document's own goes to `gate` (which then calls applyDirectly() if the store
    /// took it); null: edits change the document directly.
    virtual void setEditGate(EditTarget *gate) = 0;
    /// Changes the document and says what changed; no undo step, no gate.
    virtual EditOutcome applyDirectly(const Edit &edit) = 0;
    /// Makes a change of the person's own that can be undone (through the gate).
    virtual bool pushEdit(const Edit &edit) = 0;
    virtual QUndoStack *syncUndoStack() const = 0;
};

} // namespace coform
