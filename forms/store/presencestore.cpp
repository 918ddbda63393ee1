#include "store/presencestore.h"

#include "store/database.h"
#include "store/permissions.h"
#include "store/transaction.h"

namespace coform {

PresenceStore::PresenceStore(Database &db, const Session &session)
    : m_db(db)
    , m_session(session)
{}

Outcome PresenceStore::heartbeat(const QString &templateId, const QString &instance, const QString &itemId)
{
    if (Outcome allowed = Permissions::check(m_db, m_session, Action::ReadTemplates); !allowed.ok())
        return allowed;
    Transaction tx(m_db);
    if (!tx.isActive())
        return Outcome::failed(tx.error());
    QSqlQuery q = m_db.query();
    QString error;
    const QString now = Database::timeText(m_db.now());
    const QString item = itemId.isNull() ? QStringLiteral("") : itemId;
    // Portable upsert: update the instance's row, or add it.
    if (!m_db.exec(
            q, QStringLiteral("UPDATE presence SET item_id = ?, seen_at = ? WHERE template_id = ? AND instance = ?"),
            {item, now, templateId, instance}, &error))
        return Outcome::failed(error);
    if (q.numRowsAffected() == 0
        && !m_db.exec(q,
                      QStringLiteral("INSERT INTO presence (template_id, instance, user_id, item_id, seen_at) "
                                     "VALUES (?, ?, ?, ?, ?)"),
                      {templateId, instance, m_session.userId(), item, now}, &error))
        return Outcome::failed(error);
    if (!tx.commit())
        return Outcome::failed(tx.error());
    return Outcome::success();
}

Outcome PresenceStore::leave(const QString &templateId, const QString &instance)
{
    QSqlQuery q = m_db.query();
    QString error;
    if (!m_db.exec(q, QStringLiteral("DELETE FROM presence WHERE template_id = ? AND instance = ? AND user_id = ?"),
                   {templateId, instance, m_session.userId()}, &error))
        return Outcome::failed(error);
    return Outcome::success();
}

Result<QVector<Presence>> PresenceStore::present(const QString &templateId, int expirySeconds) const
{
    if (Outcome allowed = Permissions::check(m_db, m_session, Action::ReadTemplates); !allowed.ok())
        return allowed;
    QSqlQuery q = m_db.query();
    QString error;
    const QString since = Database::timeText(m_db.now().addSecs(-expirySeconds));
    if (!m_db.exec(q,
                   QStringLiteral("SELECT u.name, p.instance, p.item_id, p.seen_at FROM presence p "
                                  "JOIN users u ON u.id = p.user_id "
                                  "WHERE p.template_id = ? AND p.seen_at >= ? ORDER BY u.name, p.instance"),
                   {templateId, since}, &error))
        return Outcome::failed(error);
    QVector<Presence> people;
    while (q.next())
        people.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                       Database::timeFromText(q.value(3).toString())});
    return people;
}

} // namespace coform
