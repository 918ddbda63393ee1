#pragma once

#include "edit/editcommand.h"
#include "model/template.h"

#include <QObject>
#include <QString>

class QUndoStack;

namespace coform {

/// The open template, where it came from, and its undo stack: the one document type of Coform, for files, bundled
/// templates and templates in the shared database alike. Views read it and observe its signals; they never change the
/// template themselves: they push Edits (forms/edit), which the document applies as the EditTarget of the undo stack's
/// commands, and then it says what changed.
///
/// The edit gate: while one is set (StoredTemplateSync, for a template in the store), every edit of the document's
/// own (push, undo, redo) goes to the gate first, which calls applyDirectly() only if the store took it. A frozen
/// document (a proposed, published or retired version) takes no edit at all: push() refuses it with the reason.
class TemplateDocument : public QObject, public EditTarget
{
    Q_OBJECT

public:
    /// Where the open template was read from.
    enum class Origin { None, Bundled, File, Store };
    Q_ENUM(Origin)

    explicit TemplateDocument(QObject *parent = nullptr);
    ~TemplateDocument() override;

    bool isOpen() const { return m_origin != Origin::None; }
    /// The open template as it is now, with every edit applied: what the panels show.
    const Template &content() const { return m_template; }
    Origin origin() const { return m_origin; }
    /// The file or resource path it was read from; empty for a stored template.
    const QString &path() const { return m_path; }
    QUndoStack *undoStack() const { return m_undoStack; }
    /// True when there are changes since it was opened or last saved; never for a stored template (each change is
    /// stored as it is made).
    bool isModified() const;

    /// Replaces the whole document (opening another template); clears the undo stack.
    void open(const Template &t, Origin origin, const QString &path);
    void close();
    /// The template was saved as `path` (a file): it is now the document's file, with nothing unsaved.
    void markSaved(const QString &path);
    /// Says the open template differs from its file although nothing is on the undo stack (changes recovered after a
    /// crash); cleared by markSaved() and open().
    void markUnsaved();

    /// While set, every edit of the document's own goes to `gate` (which then calls applyDirectly() if it took it);
    /// null: edits change the document directly.
    void setEditGate(EditTarget *gate) { m_gate = gate; }
    EditTarget *editGate() const { return m_gate; }
    /// Changes the document and says what changed; no undo step, no gate (the gate itself, and others' changes).
    EditOutcome applyDirectly(const Edit &edit);

    /// Freezes the document: no edit is taken (push() refuses it with `reason`, in words, e.g. "This version is
    /// proposed for approval"). An empty reason unfreezes it. open() and close() unfreeze it.
    void setReadOnly(const QString &reason);
    bool isReadOnly() const { return !m_readOnlyReason.isEmpty(); }
    const QString &readOnlyReason() const { return m_readOnlyReason; }

    /// Makes a change that can be undone. `merge` = Typing merges it with the previous change of the same
    /// property. Returns false (and emits editRefused) when the edit does not apply to the template.
    bool push(const Edit &edit, EditCommand::Merge merge = EditCommand::Merge::Never);

    /// EditTarget: how the undo stack's commands change the template (through the gate when one is set). Views call
    /// push() instead.
    EditOutcome applyEdit(const Edit &edit) override;

signals:
    void aboutToReplaceTemplate();
    /// A different template (or none) is now open: views reload everything.
    void templateReplaced();
    /// Sections or items are about to be added, removed or moved, and have been: views reload the structure.
    void aboutToChangeStructure();
    void structureChanged();
    /// A property or translation of one item, one section or the template itself changed (ids empty for the
    /// template itself).
    void itemChanged(const QString &itemId);
    void sectionChanged(const QString &sectionId);
    void templatePropertiesChanged();
    /// After any edit of the template's content, undo and redo included (for the preview and coverage); not when
    /// another template is opened (templateReplaced() says that).
    void contentChanged();
    void editRefused(const QString &message);
    /// The document was frozen or unfrozen (setReadOnly()).
    void readOnlyChanged(bool readOnly);

private:
    void emitChange(const Edit &edit);

    Template m_template;
    Origin m_origin = Origin::None;
    QString m_path;
    QUndoStack *m_undoStack;
    bool m_unsavedWithoutSteps = false;
    EditTarget *m_gate = nullptr;
    QString m_readOnlyReason;
};

} // namespace coform
