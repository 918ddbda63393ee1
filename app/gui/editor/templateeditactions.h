#pragma once

#include <QObject>
#include <QString>

class QAction;
class QMenu;
class QTreeView;

namespace coform {

class TemplateDocument;

/// The editing commands of the tree of sections and questions: add a question or a section, duplicate, delete,
/// move up and down. Each pushes one Edit on the document's undo stack (never changing the template directly), and
/// then chooses the item a person expects to see chosen (the new one, the moved one, the neighbour of a deleted one).
class TemplateEditActions : public QObject
{
    Q_OBJECT

public:
    TemplateEditActions(TemplateDocument *document, QTreeView *tree, QObject *parent = nullptr);

    /// Adds the actions to the Edit menu (and the tree, for the keys that only make sense there).
    void addTo(QMenu *menu);

    QAction *addQuestionAction() const { return m_addQuestion; }
    QAction *addSectionAction() const { return m_addSection; }
    QAction *duplicateAction() const { return m_duplicate; }
    QAction *deleteAction() const { return m_delete; }
    QAction *moveUpAction() const { return m_moveUp; }
    QAction *moveDownAction() const { return m_moveDown; }

    /// An id made from `base` that no section or item of the open template has yet.
    QString uniqueId(const QString &base) const;

signals:
    /// Something was added: the window moves the keyboard to its words, so a person can type them at once.
    void added(const QString &id);
    /// A message for the status bar ("Deleted ... Choose Undo to bring it back").
    void message(const QString &text);

private:
    QString currentId() const;
    void select(const QString &id);
    void updateEnabled();
    void addQuestion();
    void addSection();
    void duplicate();
    void remove();
    void move(int step);

    TemplateDocument *m_document;
    QTreeView *m_tree;
    QString m_selectAfterChange;
    QStringList m_folded; ///< sections folded before a change of structure
    QAction *m_addQuestion;
    QAction *m_addSection;
    QAction *m_duplicate;
    QAction *m_delete;
    QAction *m_moveUp;
    QAction *m_moveDown;
};

} // namespace coform
