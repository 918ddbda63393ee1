#include "store/commentstore.h"

#include "store/database.h"
#include "store/dbfailure.h"
#include "store/permissions.h"
#include "store/templateactivity.h"
#include "store/transaction.h"

namespace coform {

CommentStore::CommentStore(Database &db, const Session &session)
    : m_db(db)
    , m_session(session)
{}

Result<CommentThread> CommentStore::startThread(const QString &templateId, const QString &itemId, const QString &body)
{
    if (Outcome allowed = Permissions::check(m_db, m_session, Action::Comment); !allowed.ok())
        return allowed;
    if (body.trimmed().isEmpty())
        return Outcome::invalid(QStringLiteral("a comment needs some words"));
    Transaction tx(m_db);
    if (!tx.isActive())
        return dbFailure(m_db, tx.error());
    QSqlQuery q = m_db.query();
    QString error;
    if (!m_db.exec(q, QStringLiteral("SELECT max(version) FROM template_versions WHERE template_id = ?"), {templateId},
                   &error)
        || !q.next())
        return dbFailure(m_db, error);
    if (q.value(0).isNull())
        return Outcome::notFound(QStringLiteral("there is no template '%1'").arg(templateId));
    const int version = q.value(0).toInt();
    if (!m_db.exec(
            q,
            QStringLiteral("INSERT INTO comments (template_id, item_id, version, author_id, at, body) VALUES (?, "
                           "?, ?, ?, ?, ?) RETURNING id"),
            {templateId, itemId, version, m_session.userId(), Database::timeText(m_db.now()), body}, &error)
        || !q.next())
        return dbFailure(m_db, error);
    const qint64 id = q.value(0).toLongLong();
    q.finish();
    if (!TemplateActivity::note(m_db, templateId, &error))
        return dbFailure(m_db, error);
    if (!tx.commit())
        return dbFailure(m_db, tx.error());
    return thread(id);
}

Result<CommentThread> CommentStore::reply(qint64 threadId, const QString &body)
{
    if (Outcome allowed = Permissions::check(m_db, m_session, Action::Comment); !allowed.ok())
        return allowed;
    if (body.trimmed().isEmpty())
        return Outcome::invalid(QStringLiteral("a comment needs some words"));
    Transaction tx(m_db);
    if (!tx.isActive())
        return dbFailure(m_db, tx.error());
    QSqlQuery q = m_db.query();
    QString error;
    if (!m_db.exec(
            q, QStringLiteral("SELECT template_id, item_id, version FROM comments WHERE id = ? AND thread_id IS NULL"),
            {threadId}, &error))
        return dbFailure(m_db, error);
    if (!q.next())
        return Outcome::notFound(QStringLiteral("there is no comment thread %1").arg(threadId));
    const QVariantList values{
        q.value(0), q.value(1), q.value(2), threadId, m_session.userId(), Database::timeText(m_db.now()), body};
    if (!m_db.exec(
            q,
            QStringLiteral("INSERT INTO comments (template_id, item_id, version, thread_id, author_id, at, body) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?)"),
            values, &error)
        || !TemplateActivity::note(m_db, values.first().toString(), &error))
        return dbFailure(m_db, error);
    if (!tx.commit())
        return dbFailure(m_db, tx.error());
    return thread(threadId);
}

Outcome CommentStore::setResolved(qint64 threadId, bool resolved, const QString &reason)
{
    if (Outcome allowed = Permissions::check(m_db, m_session, Action::Comment); !allowed.ok())
        return allowed;
    Transaction tx(m_db);
    if (!tx.isActive())
        return dbFailure(m_db, tx.error());
    QSqlQuery q = m_db.query();
    QString error;
    const bool ok =
        resolved
            ? m_db.exec(
                q,
                QStringLiteral("UPDATE comments SET resolved_by = ?, resolved_at = ?, resolved_reason = ? WHERE id = ? "
                               "AND thread_id IS NULL"),
                {m_session.userId(), Database::timeText(m_db.now()), reason.trimmed(), threadId}, &error)
            : m_db.exec(q,
                        QStringLiteral("UPDATE comments SET resolved_by = NULL, resolved_at = NULL, resolved_reason = "
                                       "'' WHERE id = ? AND thread_id IS NULL"),
                        {threadId}, &error);
    if (!ok)
        return dbFailure(m_db, error);
    if (q.numRowsAffected() != 1)
        return Outcome::notFound(QStringLiteral("there is no comment thread %1").arg(threadId));
    if (!m_db.exec(q, QStringLiteral("SELECT template_id FROM comments WHERE id = ?"), {threadId}, &error) || !q.next())
        return dbFailure(m_db, error);
    const QString templateId = q.value(0).toString();
    q.finish();
    if (!TemplateActivity::note(m_db, templateId, &error))
        return dbFailure(m_db, error);
    if (!tx.commit())
        return dbFailure(m_db, tx.error());
    return Outcome::success();
}

Outcome CommentStore::resolve(qint64 threadId, const QString &reason)
{
    return setResolved(threadId, true, reason);
}

Outcome CommentStore::reopen(qint64 threadId)
{
    return setResolved(threadId, false, {});
}

Result<QVector<CommentThread>> CommentStore::readThreads(const QString &where, const QVariantList &values) const
{
    if (Outcome allowed = Permissions::check(m_db, m_session, Action::ReadTemplates); !allowed.ok())
        return allowed;
    QSqlQuery q = m_db.query();
    QString error;
    // Each thread's first comment and its replies, threads in order, comments in order within them.
    const QString sql =
        QStringLiteral(
            "SELECT c.id, COALESCE(c.thread_id, c.id) AS thread, c.template_id, c.item_id, c.version, u.name, c.at, "
            "c.body, (SELECT name FROM users WHERE id = c.resolved_by), c.resolved_at, "
            "c.resolved_reason FROM comments c JOIN users u ON u.id = c.author_id WHERE COALESCE(c.thread_id, c.id) IN "
            "(SELECT id FROM comments WHERE "
            "thread_id IS NULL AND %1) ORDER BY thread, c.id")
            .arg(where);
    if (!m_db.exec(q, sql, values, &error))
        return dbFailure(m_db, error);
    QVector<CommentThread> list;
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        const qint64 threadId = q.value(1).toLongLong();
        if (id == threadId) {
            CommentThread t;
            t.id = id;
            t.templateId = q.value(2).toString();
            t.itemId = q.value(3).toString();
            t.version = q.value(4).toInt();
            t.resolvedBy = q.value(8).toString();
            t.resolvedAt = Database::timeFromText(q.value(9).toString());
            t.resolved = t.resolvedAt.isValid();
            t.resolvedReason = q.value(10).toString();
            list.append(t);
        }
        if (list.isEmpty() || list.last().id != threadId)
            continue;
        list.last().comments.append(
            {id, q.value(5).toString(), Database::timeFromText(q.value(6).toString()), q.value(7).toString()});
    }
    return list;
}

Result<CommentThread> CommentStore::thread(qint64 threadId) const
{
    const Result<QVector<CommentThread>> list = readThreads(QStringLiteral("id = ?"), {threadId});
    if (!list.ok())
        return list.outcome();
    if (list->isEmpty())
        return Outcome::notFound(QStringLiteral("there is no comment thread %1").arg(threadId));
    return list->first();
}

Result<QVector<CommentThread>> CommentStore::threads(const QString &templateId, Which which) const
{
    return readThreads(which == Which::All ? QStringLiteral("template_id = ?")
                                           : QStringLiteral("template_id = ? AND resolved_at IS NULL"),
                       {templateId});
}

Result<QVector<CommentThread>> CommentStore::threadsOnItem(const QString &templateId, const QString &itemId,
                                                           Which which) const
{
    return readThreads(which == Which::All ? QStringLiteral("template_id = ? AND item_id = ?")
                                           : QStringLiteral("template_id = ? AND item_id = ? AND resolved_at IS NULL"),
                       {templateId, itemId});
}

Result<QMap<QString, int>> CommentStore::unresolvedCounts(const QString &templateId) const
{
    if (Outcome allowed = Permissions::check(m_db, m_session, Action::ReadTemplates); !allowed.ok())
        return allowed;
    QSqlQuery q = m_db.query();
    QString error;
    if (!m_db.exec(q,
                   QStringLiteral("SELECT item_id, count(*) FROM comments WHERE template_id = ? AND thread_id IS NULL "
                                  "AND resolved_at IS NULL GROUP BY item_id"),
                   {templateId}, &error))
        return dbFailure(m_db, error);
    QMap<QString, int> counts;
    while (q.next())
        counts.insert(q.value(0).toString(), q.value(1).toInt());
    return counts;
}

} // namespace coform
