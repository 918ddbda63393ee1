#pragma once

#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;

namespace coform {

class TemplateDocument;

/// The question being discussed, shown very large for a projector or a shared screen in a co-production meeting:
/// the section, the question with its number, its help, its answers to choose from, its plain-language hints and,
/// in a shared template, its open comments. Previous / Next (Page Up /
/// Page Down or the arrow keys) move through the form; Escape closes it. It follows edits made while it is open.
class MeetingView : public QWidget
{
    Q_OBJECT

public:
    explicit MeetingView(TemplateDocument *document, QWidget *parent = nullptr);

    /// Shows the section or item with this id (a section shows its first item).
    void showId(const QString &id);
    const QString &currentId() const { return m_currentId; }
    void next();
    void previous();

    /// Gives the open comments on an item, one line each ("Priya: Could we say ..."); without one, none are shown.
    using CommentsProvider = std::function<QStringList(const QString &itemId)>;
    void setCommentsProvider(CommentsProvider provider);

signals:
    /// The view moved to another item: the window chooses it in the tree too.
    void currentChanged(const QString &id);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void refresh();
    int currentPosition() const;

    TemplateDocument *m_document;
    QString m_currentId;
    QLabel *m_section;
    QLabel *m_question;
    QLabel *m_picture;
    QLabel *m_help;
    QLabel *m_answers;
    QLabel *m_hints;
    QLabel *m_comments;
    CommentsProvider m_commentsProvider;
    QLabel *m_position;
    QPushButton *m_previous;
    QPushButton *m_next;
};

} // namespace coform
