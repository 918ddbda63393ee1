#include "store/personstore.h"

#include "check/answervalidation.h"

#include "model/nhsnumber.h"
#include "store/auditlog.h"
#include "store/crypto/sealedrows.h"
#include "store/database.h"
#include "store/dbfailure.h"
#include "store/keyring.h"
#include "store/peopleindex.h"
#include "store/permissions.h"
#include "store/storerows.h"
#include "store/transaction.h"

namespace coform {

namespace {

/// People in list order: by name (any case), then id.
void sortByName(QVector<PersonRecord> &list)
{
    std::sort(list.begin(), list.end(), [](const PersonRecord &a, const PersonRecord &b) {
        const int c = a.person.name.compare(b.person.name, Qt::CaseInsensitive);
        return c != 0 ? c < 0 : a.id < b.id;
    });
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
    if (Outcome keyed = KeyRing::needKey(m_session); !keyed.ok())
        return keyed;
    if (const QString problem = detailsProblem(details); !problem.isEmpty())
        return Outcome::invalid(problem);
    PersonRecord record = normalized(details);
    Transaction tx(m_db);
    if (!tx.isActive())
        return dbFailure(m_db, tx.error());
    QString error;
    if (!StoreRows(m_db, *m_session.dataKey())
             .addPerson(&record, m_session.userId(), Database::timeText(m_db.now()), &error))
        return dbFailure(m_db, error);
    if (!AuditLog::append(m_db, m_session.dataKey(), m_session.userId(), AuditLog::AddPerson, 0, record.id, {}, &error))
        return dbFailure(m_db, error);
    if (!tx.commit())
        return dbFailure(m_db, tx.error());
    if (PeopleIndex *index = m_session.peopleIndex())
        index->put(record);
    return record;
}

Outcome PersonStore::update(const PersonRecord &details)
{
    if (Outcome allowed = Permissions::check(m_db, m_session, Action::WritePeople); !allowed.ok())
        return allowed;
    if (Outcome keyed = KeyRing::needKey(m_session); !keyed.ok())
        return keyed;
    if (const QString problem = detailsProblem(details); !problem.isEmpty())
        return Outcome::invalid(problem);
    const PersonRecord record = normalized(details);
    Transaction tx(m_db);
    if (!tx.isActive())
        return dbFailure(m_db, tx.error());
    QSqlQuery q = m_db.query();
    QString error;
    // A new stamp, so that other sessions' indexes of people open this person again (PeopleIndex).
    if (!m_db.exec(q,
                   QStringLiteral("UPDATE people SET personal = ?, nhs_lookup = ?, "
                                  "stamp = (SELECT coalesce(max(stamp), 0) + 1 FROM people) WHERE id = ?"),
                   {SealedRows::sealPerson(*m_session.dataKey(), record),
                    SealedRows::nhsLookup(*m_session.dataKey(), record.person.nhsNumber), record.id},
                   &error))
        return dbFailure(m_db, error);
    if (q.numRowsAffected() == 0)
        return Outcome::notFound(QStringLiteral("there is no person %1").arg(record.id));
    if (!AuditLog::append(m_db, m_session.dataKey(), m_session.userId(), AuditLog::ChangePerson, 0, record.id, {},
                          &error))
        return dbFailure(m_db, error);
    if (!tx.commit())
        return dbFailure(m_db, tx.error());
    if (PeopleIndex *index = m_session.peopleIndex())
        index->put(record);
    return Outcome::success();
}

Result<QVector<PersonRecord>> PersonStore::read(const QString &where, const QVariantList &values) const
{
    if (Outcome allowed = Permissions::check(m_db, m_session, Action::ReadPeople); !allowed.ok())
        return allowed;
    if (Outcome keyed = KeyRing::needKey(m_session); !keyed.ok())
        return keyed;
    QSqlQuery q = m_db.query();
    q.setForwardOnly(true);
    QString error;
    if (!m_db.exec(q, QStringLiteral("SELECT id, personal FROM people %1").arg(where), values, &error))
        return dbFailure(m_db, error);
    QVector<PersonRecord> list;
    const DataKey &key = *m_session.dataKey();
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        std::optional<PersonRecord> r = SealedRows::openPerson(key, id, q.value(1).toString());
        if (!r)
            return Outcome::failed(
                QStringLiteral("%1: person %2's details do not open with this key").arg(m_db.location()).arg(id));
        list.append(std::move(*r));
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

Result<QVector<PersonRecord>> PersonStore::indexed(const QString &text, int limit) const
{
    if (Outcome allowed = Permissions::check(m_db, m_session, Action::ReadPeople); !allowed.ok())
        return allowed;
    if (Outcome keyed = KeyRing::needKey(m_session); !keyed.ok())
        return keyed;
    // Names and numbers are sealed: they are searched in the session's index of people, opened in memory.
    const PeopleIndex::Search search(text);
    QVector<PersonRecord> found;
    const Outcome read =
        m_session.peopleIndex()->withCurrent(m_db, *m_session.dataKey(), [&](const PeopleIndex::Entries &people) {
            for (const PeopleIndex::Entry &e : people) {
                if (text.isNull() || search.matches(e))
                    found.append(e.record);
            }
        });
    if (!read.ok())
        return read;
    sortByName(found);
    if (limit >= 0 && found.size() > limit)
        found.resize(limit);
    return found;
}

Result<QVector<PersonRecord>> PersonStore::list() const
{
    return indexed(QString(), -1);
}

bool PersonStore::matches(const PersonRecord &record, const QString &text)
{
    PeopleIndex::Entry entry{record, record.person.name.toCaseFolded()};
    return PeopleIndex::Search(text).matches(entry);
}

Result<QVector<PersonRecord>> PersonStore::search(const QString &text, int limit) const
{
    return indexed(text.isNull() ? QStringLiteral("") : text, std::max(limit, 0));
}

Result<QVector<PersonRecord>> PersonStore::sameNhsNumber(const QString &nhsNumber, qint64 exceptId) const
{
    const auto digits = NhsNumber::normalize(nhsNumber);
    if (!digits)
        return QVector<PersonRecord>{};
    if (Outcome keyed = KeyRing::needKey(m_session); !keyed.ok())
        return keyed;
    return read(QStringLiteral("WHERE nhs_lookup = ? AND id <> ? ORDER BY id"),
                {SealedRows::nhsLookup(*m_session.dataKey(), *digits), exceptId});
}

} // namespace coform
