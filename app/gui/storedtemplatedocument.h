#pragma once

#include "syncabledocument.h"
#include "templatedocument.h"

namespace coform {

/// A TemplateDocument that a StoredTemplateSync can tie to the store. Without a gate it behaves exactly as a
/// TemplateDocument (files, bundled templates); with one, the undo stack's commands go through the gate first.
class StoredTemplateDocument : public TemplateDocument, public SyncableDocument
{
    Q_OBJECT

public:
    explicit StoredTemplateDocument(QObject *parent = nullptr);
    ~StoredTemplateDocument() override;

    /// EditTarget, as the undo stack's commands call it: through the gate when one is set.
    EditOutcome applyEdit(const Edit &edit) override;

    const Template &syncedTemplate() const override { return tmpl(); }
    void setEditGate(EditTarget *gate) override { m_gate = gate; }
    EditOutcome applyDirectly(const Edit &edit) override;
    bool pushEdit(const Edit &edit) override { return push(edit); }
    QUndoStack *syncUndoStack() const override { return undoStack(); }

private:
    EditTarget *m_gate = nullptr;
};

} // namespace coform
