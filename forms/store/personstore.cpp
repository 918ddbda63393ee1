#include "store/personstore.h"

#include "check/answervalidation.h"

#include "model/nhsnumber.h"
#include "store/auditlog.h"
#include "store/database.h"
#include "store/permissions.h"
#include "store/transaction.h"

namespace coform {

namespace {

Outcome dbFailure(const Database &db, const QString &error)
{
    return Outcome::failed(QStringLiteral("%1: %2").arg(db.location(), error));
}

const QString columns = QStringLiteral("id, name, nhs_number, date_of_birth, communication_needs, preferred_format, "
                                       "representative_name, representative_contact");

QString likeEscaped(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('%'), QLatin1String("\\%"));
    escaped.replace(QLatin1Char('_'), QLatin1String("\\_"));
    return escaped;
}

/// Text as bound: never a null QString, which the drivers would store as NULL.
QString text(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

/// The record as stored: NHS number as its 10 digits, names trimmed.
PersonRecord normalized(const PersonRecord &details)
{
    PersonRecord r = details;
    r.person.name = r.person.name.trimmed();
    if (const auto digits = NhsNumber::normalize(r.person.nhsNumber))
        r.person.nhsNumber = *digits;
    r.person.nhsNumber = r.person.nhsNumber.trimmed();
    r.communicationNeeds = r.communicationNeeds.trimmed();
    r.representativeName = r.representativeName.trimmed();
    r.representativeContact = r.representativeContact.trimmed();
    return r;
}

} // namespace

PersonStore::PersonStore(Database &db, const Session &session)
    : m_db(db)
    , m_session(session)
{}

const QStringList &PersonStore::preferredFormats()
{
    static const QStringList formats = {QStringLiteral("standard"),  QStringLiteral("large-print"),
                                        QStringLiteral("easy-read"), QStringLiteral("braille"),
                                        QStringLiteral("audio"),     QStringLiteral("email"),
                                        QStringLiteral("bsl"),       QStringLiteral("interpreter")};
    return formats;
}

QString PersonStore::detailsProblem(const PersonRecord &details)
{
    if (details.person.name.trimmed().isEmpty())
        return QStringLiteral("a person needs a name");
    // One line each, no control characters: a line break or a terminal escape in a name forges lines in lists.
    const std::pair<const QString *, const char *> singleLine[] = {
        {&details.person.name, "the name"},
        {&details.person.nhsNumber, "the NHS number"},
        {&details.representativeName, "the representative's name"},
        {&details.representativeContact, "the representative's contact"},
    };
    for (const auto &[text, what] : singleLine) {
        if (const QString problem = textProblem(*text, false); !problem.isEmpty())
            return QStringLiteral("%1 %2").arg(QLatin1String(what), problem);
    }
    if (const QString problem = textProblem(details.communicationNeeds, true); !problem.isEmpty())
        return QStringLiteral("the communication needs text %1").arg(problem);
    if (!details.person.nhsNumber.trimmed().isEmpty()) {
        if (const QString problem = NhsNumber::problem(details.person.nhsNumber); !problem.isEmpty())
            return problem;
    }
    if (details.person.dateOfBirth.isValid() && details.person.dateOfBirth > QDate::currentDate())
        return QStringLiteral("the date of birth is in the future");
    if (!details.preferredFormat.isEmpty() && !preferredFormats().contains(details.preferredFormat))
        return QStringLiteral("the preferred format is not one Coform knows (expected one of: %1)")
            .arg(preferredFormats().join(QStringLiteral(", ")));
    return {};
}

Result<PersonRecord> PersonStore::add(const Person &person)
{
    PersonRecord details;
    details.person = person;
    return add(details);
}

Result<PersonRecord> PersonStore::add(const PersonRecord &details)
{
    if (Outcome allowed = Permissions::check(m_db, m_session, Action::WritePeople); !allowed.ok())
        return allowed;
    if (const QString problem = detailsProblem(details); !problem.isEmpty())
        return Outcome::invalid(problem);
    PersonRecord record = normalized(details);
    Transaction tx(m_db);
    if (!tx.isActive())
        return dbFailure(m_db, tx.error());
    QSqlQuery q = m_db.query();
    QString error;
    if (!m_db.exec(q,
                   QStringLiteral("INSERT INTO people (name, search_name, nhs_number, date_of_birth, "
                                  "communication_needs, preferred_format, representative_name, "
                                  "representative_contact, created_by, created_at) VALUES "
                                  "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
                   {record.person.name, text(record.person.name.toLower()), text(record.person.nhsNumber),
                    text(record.person.dateOfBirth.toString(Qt::ISODate)), text(record.communicationNeeds),
                    text(record.preferredFormat), text(record.representativeName), text(record.representativeContact),
                    m_session.userId(), Database::timeText(m_db.now())},
                   &error)
        || !q.next())
        return dbFailure(m_db, error);
    record.id = q.value(0).toLongLong();
    q.finish();
    if (!AuditLog::append(m_db, m_session.userId(), AuditLog::AddPerson, 0, record.id, {}, &error))
        return dbFailure(m_db, error);
    if (!tx.commit())
        return dbFailure(m_db, tx.error());
    return record;
}

Outcome PersonStore::update(const PersonRecord &details)
{
    if (Outcome allowed = Permissions::check(m_db, m_session, Action::WritePeople); !allowed.ok())
        return allowed;
    if (const QString problem = detailsProblem(details); !problem.isEmpty())
        return Outcome::invalid(problem);
    const PersonRecord record = normalized(details);
    Transaction tx(m_db);
    if (!tx.isActive())
        return dbFailure(m_db, tx.error());
    QSqlQuery q = m_db.query();
    QString error;
    if (!m_db.exec(q,
                   QStringLiteral("UPDATE people SET name = ?, search_name = ?, nhs_number = ?, date_of_birth = ?, "
                                  "communication_needs = ?, preferred_format = ?, representative_name = ?, "
                                  "representative_contact = ? WHERE id = ?"),
                   {record.person.name, text(record.person.name.toLower()), text(record.person.nhsNumber),
                    text(record.person.dateOfBirth.toString(Qt::ISODate)), text(record.communicationNeeds),
                    text(record.preferredFormat), text(record.representativeName), text(record.representativeContact),
                    record.id},
                   &error))
        return dbFailure(m_db, error);
    if (q.numRowsAffected() == 0)
        return Outcome::notFound(QStringLiteral("there is no person %1").arg(record.id));
    if (!AuditLog::append(m_db, m_session.userId(), AuditLog::ChangePerson, 0, record.id, {}, &error))
        return dbFailure(m_db, error);
    if (!tx.commit())
        return dbFailure(m_db, tx.error());
    return Outcome::success();
}

Result<QVector<PersonRecord>> PersonStore::read(const QString &where, const QVariantList &values) const
{
    if (Outcome allowed = Permissions::check(m_db, m_session, Action::ReadPeople); !allowed.ok())
        return allowed;
    QSqlQuery q = m_db.query();
    QString error;
    if (!m_db.exec(q, QStringLiteral("SELECT %1 FROM people %2").arg(columns, where), values, &error))
        return dbFailure(m_db, error);
    QVector<PersonRecord> list;
    while (q.next()) {
        PersonRecord r;
        r.id = q.value(0).toLongLong();
        r.person = {q.value(1).toString(), q.value(2).toString(),
                    QDate::fromString(q.value(3).toString(), Qt::ISODate)};
        r.communicationNeeds = q.value(4).toString();
        r.preferredFormat = q.value(5).toString();
        r.representativeName = q.value(6).toString();
        r.representativeContact = q.value(7).toString();
        list.append(r);
    }
    return list;
}

Result<PersonRecord> PersonStore::get(qint64 id) const
{
    const Result<QVector<PersonRecord>> list = read(QStringLiteral("WHERE id = ?"), {id});
    if (!list.ok())
        return list.outcome();
    if (list->isEmpty())
        return Outcome::notFound(QStringLiteral("there is no person %1").arg(id));
    return list->first();
}

Result<QVector<PersonRecord>> PersonStore::list() const
{
    return read(QStringLiteral("ORDER BY name, id"), {});
}

Result<QVector<PersonRecord>> PersonStore::search(const QString &text, int limit) const
{
    QString digits = text;
    digits.remove(QLatin1Char(' ')).remove(QLatin1Char('-'));
    bool isNumber = !digits.isEmpty();
    for (QChar c : digits)
        isNumber = isNumber && c.isDigit();
    if (isNumber)
        return read(QStringLiteral("WHERE nhs_number LIKE ? ORDER BY name, id LIMIT ?"),
                    {digits + QLatin1Char('%'), limit});
    return read(QStringLiteral("WHERE search_name LIKE ? ESCAPE '\\' ORDER BY name, id LIMIT ?"),
                {QLatin1Char('%') + likeEscaped(text.trimmed().toLower()) + QLatin1Char('%'), limit});
}

Result<QVector<PersonRecord>> PersonStore::sameNhsNumber(const QString &nhsNumber, qint64 exceptId) const
{
    const auto digits = NhsNumber::normalize(nhsNumber);
    if (!digits)
        return QVector<PersonRecord>{};
    return read(QStringLiteral("WHERE nhs_number = ? AND id <> ? ORDER BY id"), {*digits, exceptId});
}

} // namespace coform
