#include "storedtemplatedocument.h"

#include <QUndoStack>

namespace coform {

StoredTemplateDocument::StoredTemplateDocument(QObject *parent)
    : TemplateDocument(parent)
{}

StoredTemplateDocument::~StoredTemplateDocument()
{
    // The undo commands call applyEdit() through this class: drop them while it is still whole.
    m_gate = nullptr;
    undoStack()->clear();
}

EditOutcome StoredTemplateDocument::applyEdit(const Edit &edit)
{
    return m_gate ? m_gate->applyEdit(edit) : TemplateDocument::applyEdit(edit);
}

EditOutcome StoredTemplateDocument::applyDirectly(const Edit &edit)
{
    return TemplateDocument::applyEdit(edit);
}

} // namespace coform
