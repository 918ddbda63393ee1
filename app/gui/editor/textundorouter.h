#pragma once

#include <QObject>
#include <QPointer>

class QUndoStack;
class QWidget;

namespace coform {

/// One undo: the text boxes that edit the document (inside `scope`, the details panel) give Ctrl+Z and
/// Ctrl+Shift+Z / Ctrl+Y to the document's undo stack instead of undoing their own text. Each keystroke there is
/// already an Edit on the stack (typing merges into one step), so a box's own undo would only compete with it and
/// leave Edit > Undo and Redo out of step. Their own undo is switched off where Qt allows it.
class TextUndoRouter : public QObject
{
    Q_OBJECT

public:
    TextUndoRouter(QWidget *scope, QUndoStack *stack, QObject *parent = nullptr);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool isDocumentTextBox(QObject *object) const;

    QPointer<QWidget> m_scope;
    QUndoStack *m_stack;
};

} // namespace coform
