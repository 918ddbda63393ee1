#include "store/personstore.h"

#include "store/database.h"
#include "store/permissions.h"
#include "store/transaction.h"

namespace coform {

namespace {

Outcome dbFailure(const Database &db, const QString &error)
{
    return Outcome::failed(QStringLiteral("%1: %2").arg(db.location(), error));
}

} // namespace

PersonStore::PersonStore(Database &db, const Session &session)
    : m_db(db)
    , m_session(session)
{}

Result<PersonRecord> PersonStore::add(const Person &person)
{
    if (Outcome allowed = Permissions::check(m_db, m_session, Action::WritePeople); !allowed.ok())
        return allowed;
    if (person.name.trimmed().isEmpty())
        return Outcome::invalid(QStringLiteral("a person needs a name"));
    Transaction tx(m_db);
    if (!tx.isActive())
        return dbFailure(m_db, tx.error());
    QSqlQuery q = m_db.query();
    QString error;
    if (!m_db.exec(q,
                   QStringLiteral("INSERT INTO people (name, nhs_number, date_of_birth, created_by, created_at) VALUES "
                                  "(?, ?, ?, ?, ?) RETURNING id"),
                   {person.name, person.nhsNumber, person.dateOfBirth.toString(Qt::ISODate), m_session.userId(),
                    Database::timeText(m_db.now())},
                   &error)
        || !q.next())
        return dbFailure(m_db, error);
    PersonRecord record{q.value(0).toLongLong(), person};
    q.finish();
    if (!tx.commit())
        return dbFailure(m_db, tx.error());
    return record;
}

Result<PersonRecord> PersonStore::get(qint64 id) const
{
    if (Outcome allowed = Permissions::check(m_db, m_session, Action::ReadPeople); !allowed.ok())
        return allowed;
    QSqlQuery q = m_db.query();
    QString error;
    if (!m_db.exec(q, QStringLiteral("SELECT id, name, nhs_number, date_of_birth FROM people WHERE id = ?"), {id},
                   &error))
        return dbFailure(m_db, error);
    if (!q.next())
        return Outcome::notFound(QStringLiteral("there is no person %1").arg(id));
    return PersonRecord{
        q.value(0).toLongLong(),
        {q.value(1).toString(), q.value(2).toString(), QDate::fromString(q.value(3).toString(), Qt::ISODate)}};
}

Result<QVector<PersonRecord>> PersonStore::list() const
{
    if (Outcome allowed = Permissions::check(m_db, m_session, Action::ReadPeople); !allowed.ok())
        return allowed;
    QSqlQuery q = m_db.query();
    QString error;
    if (!m_db.exec(q, QStringLiteral("SELECT id, name, nhs_number, date_of_birth FROM people ORDER BY name, id"), {},
                   &error))
        return dbFailure(m_db, error);
    QVector<PersonRecord> list;
    while (q.next()) {
        list.append(
            {q.value(0).toLongLong(),
             {q.value(1).toString(), q.value(2).toString(), QDate::fromString(q.value(3).toString(), Qt::ISODate)}});
    }
    return list;
}

} // namespace coform
