#include "store/auditlog.h"

#include "store/database.h"
#include "store/dbfailure.h"
#include "store/permissions.h"
#include "store/transaction.h"

namespace coform {

AuditLog::AuditLog(Database &db, const Session &session)
    : m_db(db)
    , m_session(session)
{}

Outcome AuditLog::record(const char *action, qint64 reviewId, qint64 personId, const QString &detail)
{
    if (Outcome allowed = Permissions::check(m_db, m_session, Action::ReadReviews); !allowed.ok())
        return allowed;
    Transaction tx(m_db);
    QString error;
    if (!tx.isActive()
        || !append(m_db, m_session.dataKey(), m_session.userId(), action, reviewId, personId, detail, &error)
        || !tx.commit())
        return Outcome::failed(
            QStringLiteral("%1: cannot write the audit trail: %2").arg(m_db.location(), error + tx.error()));
    return Outcome::success();
}

Outcome AuditLog::recordListing(const char *action, qint64 rows)
{
    return record(action, 0, 0, rows == 1 ? QStringLiteral("1 row") : QStringLiteral("%1 rows").arg(rows));
}

Result<QVector<AuditEntry>> AuditLog::read(const char *column, qint64 id) const
{
    Role role = Role::Coproducer;
    if (Outcome allowed = Permissions::check(m_db, m_session, Action::ReadReviews, &role); !allowed.ok())
        return allowed;
    if (role != Role::Admin)
        return Outcome::notPermitted(QStringLiteral("not permitted: only an admin can read the audit trail"));
    QSqlQuery q = m_db.query();
    QString error;
    if (!m_db.exec(q,
                   QStringLiteral("SELECT a.id, a.at, u.name, a.action, a.review_id, a.person_id, a.detail "
                                  "FROM audit_log a LEFT JOIN users u ON u.id = a.user_id WHERE a.%1 = ? ORDER BY a.id")
                       .arg(QLatin1String(column)),
                   {id}, &error))
        return dbFailure(m_db, error);
    QVector<AuditEntry> entries;
    while (q.next()) {
        entries.append({q.value(0).toLongLong(), Database::timeFromText(q.value(1).toString()), q.value(2).toString(),
                        q.value(3).toString(), q.value(4).toLongLong(), q.value(5).toLongLong(),
                        q.value(6).toString()});
    }
    return entries;
}

Result<QVector<AuditEntry>> AuditLog::forAccounts(int limit) const
{
    if (Outcome allowed = Permissions::check(m_db, m_session, Action::ManageUsers); !allowed.ok())
        return allowed;
    QSqlQuery q = m_db.query();
    QString error;
    if (!m_db.exec(q,
                   QStringLiteral("SELECT a.id, a.at, u.name, a.action, a.detail FROM audit_log a JOIN users u ON "
                                  "u.id = a.user_id WHERE a.review_id IS NULL AND a.person_id IS NULL "
                                  "ORDER BY a.id DESC LIMIT ?"),
                   {limit}, &error))
        return dbFailure(m_db, error);
    QVector<AuditEntry> entries;
    while (q.next()) {
        entries.append({q.value(0).toLongLong(), Database::timeFromText(q.value(1).toString()), q.value(2).toString(),
                        q.value(3).toString(), 0, 0, q.value(4).toString()});
    }
    return entries;
}

Result<QVector<AuditEntry>> AuditLog::forReview(qint64 reviewId) const
{
    return read("review_id", reviewId);
}

Result<QVector<AuditEntry>> AuditLog::forPerson(qint64 personId) const
{
    return read("person_id", personId);
}

} // namespace coform
