#include "document/templatedocument.h"

#include <QUndoStack>

namespace coform {

namespace {
bool changesStructure(const Edit &edit)
{
    switch (edit.kind) {
    case Edit::Kind::InsertSection:
    case Edit::Kind::RemoveSection:
    case Edit::Kind::MoveSection:
    case Edit::Kind::InsertItem:
    case Edit::Kind::RemoveItem:
    case Edit::Kind::MoveItem:
        return true;
    case Edit::Kind::Macro:
        for (const Edit &child : edit.children) {
            if (changesStructure(child))
                return true;
        }
        return false;
    default:
        return false;
    }
}
} // namespace

TemplateDocument::TemplateDocument(QObject *parent)
    : QObject(parent)
    , m_undoStack(new QUndoStack(this))
{}

TemplateDocument::~TemplateDocument()
{
    // The commands point at this target: drop them before the template goes (and never through a gate).
    m_gate = nullptr;
    m_undoStack->clear();
}

void TemplateDocument::setReadOnly(const QString &reason)
{
    if (reason == m_readOnlyReason)
        return;
    const bool was = isReadOnly();
    m_readOnlyReason = reason;
    if (was != isReadOnly())
        emit readOnlyChanged(isReadOnly());
}

bool TemplateDocument::isModified() const
{
    if (m_origin == Origin::Store)
        return false; // each change is stored as it is made
    return !m_undoStack->isClean() || m_unsavedWithoutSteps;
}

void TemplateDocument::markUnsaved()
{
    m_unsavedWithoutSteps = true;
}

void TemplateDocument::open(const Template &t, Origin origin, const QString &path)
{
    emit aboutToReplaceTemplate();
    m_unsavedWithoutSteps = false;
    m_undoStack->clear();
    setReadOnly(QString());
    m_template = t;
    m_origin = origin;
    m_path = path;
    emit templateReplaced();
}

void TemplateDocument::close()
{
    emit aboutToReplaceTemplate();
    m_unsavedWithoutSteps = false;
    m_undoStack->clear();
    setReadOnly(QString());
    m_template = Template{};
    m_origin = Origin::None;
    m_path.clear();
    emit templateReplaced();
}

void TemplateDocument::markSaved(const QString &path)
{
    m_origin = Origin::File;
    m_path = path;
    m_unsavedWithoutSteps = false;
    m_undoStack->setClean();
}

bool TemplateDocument::push(const Edit &edit, EditCommand::Merge merge)
{
    if (!isOpen() || edit.isNoOp())
        return false;
    if (isReadOnly()) {
        emit editRefused(m_readOnlyReason);
        return false;
    }
    // Try it on a copy first, so that a refused edit never lands on the undo stack.
    Template trial = m_template;
    const EditOutcome outcome = edit.apply(trial);
    if (!outcome.applied()) {
        emit editRefused(outcome.message);
        return false;
    }
    m_undoStack->push(new EditCommand(this, edit, merge));
    return true;
}

EditOutcome TemplateDocument::applyEdit(const Edit &edit)
{
    if (!m_gate)
        return applyDirectly(edit);
    const EditOutcome outcome = m_gate->applyEdit(edit);
    if (!outcome.applied())
        emit editRefused(outcome.message); // views show the document as it is again
    return outcome;
}

EditOutcome TemplateDocument::applyDirectly(const Edit &edit)
{
    const bool structural = changesStructure(edit);
    if (structural)
        emit aboutToChangeStructure();
    const EditOutcome outcome = edit.apply(m_template);
    if (structural)
        emit structureChanged();
    if (outcome.applied()) {
        if (!structural)
            emitChange(edit);
        emit contentChanged();
    } else {
        emit editRefused(outcome.message);
    }
    return outcome;
}

void TemplateDocument::emitChange(const Edit &edit)
{
    switch (edit.kind) {
    case Edit::Kind::SetTemplateProperty:
        emit templatePropertiesChanged();
        break;
    case Edit::Kind::SetSectionProperty:
        emit sectionChanged(edit.section);
        break;
    case Edit::Kind::SetItemProperty:
        emit itemChanged(edit.item);
        break;
    case Edit::Kind::SetTranslation:
        if (!edit.item.isEmpty())
            emit itemChanged(edit.item);
        else if (!edit.section.isEmpty())
            emit sectionChanged(edit.section);
        else
            emit templatePropertiesChanged();
        break;
    case Edit::Kind::Macro:
        for (const Edit &child : edit.children)
            emitChange(child);
        break;
    default:
        break;
    }
}

} // namespace coform
