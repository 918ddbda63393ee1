#pragma once

#include "store/commentstore.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace coform {

class Database;

/// Comment threads on the chosen question or on the whole template: start one, reply, mark it resolved, reopen it.
/// Every comment shows who wrote it and when; a thread says in words whether it is open or resolved (and by whom).
/// unresolvedCountChanged() tells the template tree when the number of open threads changes.
class CommentsPanel : public QWidget
{
    Q_OBJECT

public:
    CommentsPanel(Database &db, const Session &session, QWidget *parent = nullptr);

    void setTemplateId(const QString &templateId);
    /// The question whose threads are shown ("" for none: the whole template's own threads are shown).
    void setItemId(const QString &itemId);
    const QString &templateId() const { return m_templateId; }
    /// Open (unresolved) threads in the whole template.
    int unresolvedCount() const { return m_unresolvedTotal; }
    /// The threads shown now, oldest first.
    const QVector<CommentThread> &shownThreads() const { return m_threads; }

    /// What the buttons do, for the current question or template; false (and the reason on the panel) when refused.
    bool addComment(const QString &text);
    bool reply(qint64 threadId, const QString &text);
    bool resolve(qint64 threadId);
    bool reopen(qint64 threadId);

public slots:
    /// Reads the threads again (the change feed or a timer calls it).
    void refresh();
    /// The comment threads (object name "commentsList").
    QTreeWidget *list() const { return m_list; }
    /// The box a new comment or a reply is typed in (object name "commentsText").
    QPlainTextEdit *textBox() const { return m_text; }

signals:
    /// The number of open threads in the whole template changed.
    void unresolvedCountChanged(int total);
    /// Open threads per question id ("" for the whole template), for the template tree.
    void unresolvedCountsChanged(const QMap<QString, int> &counts);

private:
    QString shownItemId() const;
    qint64 currentThreadId() const;
    void updateButtons();
    void showOutcome(const Outcome &outcome, const QString &done);

    Database &m_db;
    Session m_session;
    QString m_templateId;
    QString m_itemId;
    QVector<CommentThread> m_threads;
    int m_unresolvedTotal = 0;

    QComboBox *m_scope;
    QTreeWidget *m_list;
    QLabel *m_status;
    QPlainTextEdit *m_text;
    QPushButton *m_add;
    QPushButton *m_reply;
    QPushButton *m_resolve;
    QPushButton *m_reopen;
};

} // namespace coform
