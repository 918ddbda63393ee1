// A session's people opened in memory for searching (docs/security.md): built once, then only new and changed rows.
#include "store/peopleindex.h"

#include "store/crypto/sealedrows.h"
#include "store/database.h"
#include "store/dbfailure.h"

#include <QMutexLocker>

#include <algorithm>

namespace coform {

namespace {

/// Zeroes the text's characters when this is its only copy (a shared copy is someone else's to drop).
void zero(QString &text)
{
    if (text.isDetached() && !text.isEmpty())
        std::fill(text.data(), text.data() + text.size(), QChar());
    text.clear();
}

} // namespace

PeopleIndex::~PeopleIndex()
{
    wipe();
}

PeopleIndex::Search::Search(const QString &text)
    : digits(text)
    , folded(text.trimmed().toCaseFolded())
{
    digits.remove(QLatin1Char(' ')).remove(QLatin1Char('-'));
    isNumber = !digits.isEmpty() && std::all_of(digits.cbegin(), digits.cend(), [](QChar c) { return c.isDigit(); });
}

bool PeopleIndex::Search::matches(const Entry &entry) const
{
    if (isNumber)
        return entry.record.person.nhsNumber.startsWith(digits);
    return entry.foldedName.contains(folded);
}

void PeopleIndex::putLocked(const PersonRecord &record)
{
    Entry &e = m_entries[record.id];
    e.record = record;
    e.foldedName = record.person.name.toCaseFolded();
    m_maxId = std::max(m_maxId, record.id);
}

void PeopleIndex::put(const PersonRecord &record)
{
    QMutexLocker lock(&m_mutex);
    if (m_built)
        putLocked(record);
}

void PeopleIndex::wipe()
{
    QMutexLocker lock(&m_mutex);
    for (Entry &e : m_entries) {
        PersonRecord &r = e.record;
        for (QString *text : {&r.person.name, &r.person.nhsNumber, &r.communicationNeeds, &r.preferredFormat,
                              &r.representativeName, &r.representativeContact, &e.foldedName})
            zero(*text);
        r.person.dateOfBirth = {};
    }
    m_entries.clear();
    m_entries.squeeze();
    m_built = false;
    m_maxId = 0;
    m_stamp = 0;
}

Outcome PeopleIndex::refresh(const Database &db, const DataKey &key)
{
    QSqlQuery q = db.query();
    q.setForwardOnly(true);
    QString error;
    // People added since (a higher id), and people changed since (people.stamp, bumped by every change; rows with
    // the last stamp seen are read again, so that two changes given the same stamp are both seen). Two queries, so
    // that each is one index range, not a scan of every row.
    const QString added = QStringLiteral("SELECT id, personal, stamp FROM people WHERE id > ?");
    const QString changed = QStringLiteral("SELECT id, personal, stamp FROM people WHERE stamp %1 ?")
                                .arg(m_stamp > 0 ? QLatin1String(">=") : QLatin1String(">"));
    qint64 stamp = m_stamp;
    for (const auto &[sql, from] : {std::pair{added, m_built ? m_maxId : qint64(-1)}, std::pair{changed, m_stamp}}) {
        if (!m_built && sql == changed)
            break;
        if (!db.exec(q, sql, {from}, &error))
            return dbFailure(db, error);
        while (q.next()) {
            const qint64 id = q.value(0).toLongLong();
            std::optional<PersonRecord> r = SealedRows::openPerson(key, id, q.value(1).toString());
            if (!r)
                return Outcome::failed(
                    QStringLiteral("%1: person %2's details do not open with this key").arg(db.location()).arg(id));
            putLocked(*r);
            stamp = std::max(stamp, q.value(2).toLongLong());
        }
        q.finish();
    }
    m_stamp = stamp;
    m_built = true;
    return Outcome::success();
}

Outcome PeopleIndex::withCurrent(const Database &db, const DataKey &key,
                                 const std::function<void(const Entries &)> &use)
{
    QMutexLocker lock(&m_mutex);
    if (Outcome current = refresh(db, key); !current.ok()) {
        lock.unlock();
        wipe();
        return current;
    }
    use(m_entries);
    return Outcome::success();
}

} // namespace coform
