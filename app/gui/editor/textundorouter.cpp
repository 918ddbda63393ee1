#include "editor/textundorouter.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextEdit>
#include <QUndoStack>

namespace coform {

TextUndoRouter::TextUndoRouter(QWidget *scope, QUndoStack *stack, QObject *parent)
    : QObject(parent)
    , m_scope(scope)
    , m_stack(stack)
{
    qApp->installEventFilter(this);
}

bool TextUndoRouter::isDocumentTextBox(QObject *object) const
{
    auto *widget = qobject_cast<QWidget *>(object);
    if (!widget || !m_scope || !(widget == m_scope || m_scope->isAncestorOf(widget)))
        return false;
    // A text box's viewport receives the keys of a QTextEdit; the box itself is what counts.
    for (QWidget *w = widget; w && w != m_scope->parentWidget(); w = w->parentWidget()) {
        if (qobject_cast<QLineEdit *>(w) || qobject_cast<QTextEdit *>(w) || qobject_cast<QPlainTextEdit *>(w)
            || qobject_cast<QAbstractSpinBox *>(w))
            return true;
    }
    return false;
}

bool TextUndoRouter::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::FocusIn && isDocumentTextBox(watched)) {
        // No competing undo of their own (their context menus' Undo included).
        if (auto *text = qobject_cast<QTextEdit *>(watched))
            text->setUndoRedoEnabled(false);
        else if (auto *plain = qobject_cast<QPlainTextEdit *>(watched))
            plain->setUndoRedoEnabled(false);
        return false;
    }
    if (event->type() != QEvent::ShortcutOverride && event->type() != QEvent::KeyPress)
        return false;
    auto *key = static_cast<QKeyEvent *>(event);
    const bool undo = key->matches(QKeySequence::Undo);
    const bool redo =
        key->matches(QKeySequence::Redo) || (key->key() == Qt::Key_Y && key->modifiers() == Qt::ControlModifier);
    if ((!undo && !redo) || !isDocumentTextBox(watched))
        return false;
    if (event->type() == QEvent::ShortcutOverride)
        return true; // not claimed by the box: the window's Edit > Undo or Redo shortcut takes it
    // A key press that reaches the box all the same (no window shortcut matched): the stack takes it here.
    if (undo)
        m_stack->undo();
    else
        m_stack->redo();
    return true;
}

} // namespace coform
