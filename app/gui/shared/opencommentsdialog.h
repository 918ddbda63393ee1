#pragma once

#include "model/template.h"
#include "store/commentstore.h"

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace coform {

class Database;

/// Asked before a version is published over open comments: lists each open thread (the question, who, what they
/// said), lets the admin mark one resolved, and asks why the form is not changed as the others ask. "Publish" is
/// possible once every thread is resolved or there is a reason; the reason goes in the "What changed" summary under
/// "Not changed, and why".
class OpenCommentsDialog : public QDialog
{
    Q_OBJECT

public:
    OpenCommentsDialog(Database &db, const Session &session, const Template &version,
                       const QVector<CommentThread> &open, QWidget *parent = nullptr);

    /// Why the form is not changed as the threads still open ask (empty when none is open).
    QString reason() const;
    /// The threads still open.
    int openCount() const;

private:
    void resolveChosen();
    void update();

    Database &m_db;
    Session m_session;
    QLabel *m_intro;
    QTreeWidget *m_list;
    QPushButton *m_resolve;
    QPlainTextEdit *m_reason;
    QLabel *m_status;
    QPushButton *m_publish;
};

} // namespace coform
