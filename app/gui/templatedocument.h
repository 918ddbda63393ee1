#pragma once

#include "edit/editcommand.h"
#include "model/template.h"

#include <QObject>
#include <QString>

class QUndoStack;

namespace coform {

/// The template open in the window, where it came from, and its undo stack. Views read it and observe its signals;
/// they never change the template themselves: they push Edits (forms/edit), which the document applies as the
/// EditTarget of the undo stack's commands, and then it says what changed.
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
    const Template &tmpl() const { return m_template; }
    Origin origin() const { return m_origin; }
    /// The file or resource path it was read from; empty for a stored template.
    const QString &path() const { return m_path; }
    QUndoStack *undoStack() const { return m_undoStack; }
    /// True when there are changes since it was opened or last saved.
    bool isModified() const;

    /// Replaces the whole document (opening another template); clears the undo stack.
    void open(const Template &t, Origin origin, const QString &path);
    void close();
    /// The template was saved as `path` (a file): it is now the document's file, with nothing unsaved.
    void markSaved(const QString &path);
    /// Says the open template differs from its file although nothing is on the undo stack (changes recovered after a
    /// crash); cleared by markSaved() and open().
    void markUnsaved();

    /// Makes a change that can be undone. `merge` = Typing merges it with the previous change of the same
    /// property. Returns false (and emits editRefused) when the edit does not apply to the template.
    bool push(const Edit &edit, EditCommand::Merge merge = EditCommand::Merge::Never);

    /// EditTarget: how the undo stack's commands change the template. Views call push() instead.
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

private:
    void emitChange(const Edit &edit);

    Template m_template;
    Origin m_origin = Origin::None;
    QString m_path;
    QUndoStack *m_undoStack;
    bool m_unsavedWithoutSteps = false;
};

} // namespace coform
