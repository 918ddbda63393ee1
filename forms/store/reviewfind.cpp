// ReviewStore::find and count: the reviews list, over people whose details are sealed.
#include "store/crypto/datakey.h"
#include "store/crypto/sealedrows.h"
#include "store/database.h"
#include "store/dbfailure.h"
#include "store/keyring.h"
#include "store/peopleindex.h"
#include "store/permissions.h"
#include "store/reviewstore.h"

#include <QHash>

#include <algorithm>

namespace coform {

namespace {

bool sortsBySealedColumn(const ReviewFilter &filter)
{
    return filter.sortBy == ReviewFilter::SortBy::Name || filter.sortBy == ReviewFilter::SortBy::NhsNumber
           || filter.sortBy == ReviewFilter::SortBy::DateOfBirth;
}

/// A review's own columns, for rows whose person comes from the session's index of people.
const QString reviewColumns =
    QStringLiteral("r.id, r.person_id, r.template_id, r.version, r.status, r.next_due, r.updated_at");

/// At most this many people found are handed to the database as a list of ids; more are matched in memory.
constexpr int MaxPeopleInQuery = 500;

/// What the reviews list shows of a person.
struct PersonShown
{
    QString name;
    QString nhsNumber;
    QDate dateOfBirth;
};

const QString summaryColumns = QStringLiteral("r.id, r.person_id, p.personal, r.template_id, r.version, r.status, "
                                              "r.next_due, r.updated_at");

/// The status kept in `text` of review `id`; std::nullopt, with *problem in words, for a text that is no status.
std::optional<ReviewStatus> storedStatus(const Database &db, qint64 id, const QVariant &text, QString *problem)
{
    QString why;
    const std::optional<ReviewStatus> status = reviewStatusFromText(text.toString(), &why);
    if (!status)
        *problem = QStringLiteral("%1: review %2 cannot be read: %3").arg(db.location()).arg(id).arg(why);
    return status;
}

/// A summary from a row of summaryColumns; false when the person's details do not open or its status is unknown
/// (*problem says so).
bool summaryFromRow(const Database &db, const QSqlQuery &q, const DataKey &key, QHash<qint64, PersonRecord> &people,
                    ReviewSummary *s, QString *problem)
{
    s->id = q.value(0).toLongLong();
    s->personId = q.value(1).toLongLong();
    auto found = people.constFind(s->personId);
    if (found == people.constEnd()) {
        std::optional<PersonRecord> person = SealedRows::openPerson(key, s->personId, q.value(2).toString());
        if (!person)
            return false;
        found = people.insert(s->personId, std::move(*person));
    }
    s->personName = found->person.name;
    s->nhsNumber = found->person.nhsNumber;
    s->dateOfBirth = found->person.dateOfBirth;
    s->templateId = q.value(3).toString();
    s->version = q.value(4).toInt();
    const std::optional<ReviewStatus> status = storedStatus(db, s->id, q.value(5), problem);
    if (!status)
        return false;
    s->status = *status;
    s->nextDue = QDate::fromString(q.value(6).toString(), Qt::ISODate);
    s->updatedAt = Database::timeFromText(q.value(7).toString());
    return true;
}

} // namespace

QString ReviewStore::filterSql(const ReviewFilter &filter, QVariantList *values)
{
    QStringList where;
    if (filter.status) {
        where << QStringLiteral("r.status = ?");
        values->append(reviewStatusText(*filter.status));
    }
    if (filter.dueFrom.isValid()) {
        where << QStringLiteral("r.next_due >= ?");
        values->append(filter.dueFrom.toString(Qt::ISODate));
    }
    if (filter.dueTo.isValid()) {
        where << QStringLiteral("r.next_due <> '' AND r.next_due <= ?");
        values->append(filter.dueTo.toString(Qt::ISODate));
    }
    if (filter.personId > 0) {
        where << QStringLiteral("r.person_id = ?");
        values->append(filter.personId);
    }
    return where.isEmpty() ? QString() : QStringLiteral("WHERE ") + where.join(QLatin1String(" AND "));
}

QString ReviewStore::orderSql(const ReviewFilter &filter)
{
    const QString direction = filter.descending ? QStringLiteral(" DESC") : QString();
    QString key;
    switch (filter.sortBy) {
    case ReviewFilter::SortBy::Status:
        key = QStringLiteral("r.status");
        break;
    case ReviewFilter::SortBy::LastChange:
        key = QStringLiteral("r.updated_at");
        break;
    default:
        // Served by the reviews_by_next_due index (reviews with no date set come first).
        key = QStringLiteral("r.next_due");
        break;
    }
    return QStringLiteral("%1%2, r.id%2").arg(key, direction);
}

Result<QVector<ReviewSummary>> ReviewStore::findInMemory(const ReviewFilter &filter, qint64 *total) const
{
    // The people searched for (or all, to order by a sealed column) come from the session's index of people,
    // opened in memory; the reviews' own columns from the database.
    const QString text = filter.search.trimmed();
    const PeopleIndex::Search search(text);
    QHash<qint64, PersonShown> people;
    const Outcome read =
        m_session.peopleIndex()->withCurrent(m_db, *m_session.dataKey(), [&](const PeopleIndex::Entries &all) {
            for (const PeopleIndex::Entry &e : all) {
                if (text.isEmpty() || search.matches(e))
                    people.insert(e.record.id,
                                  {e.record.person.name, e.record.person.nhsNumber, e.record.person.dateOfBirth});
            }
        });
    if (!read.ok())
        return read;
    if (!text.isEmpty() && people.isEmpty()) {
        if (total)
            *total = 0;
        return QVector<ReviewSummary>{};
    }
    QVariantList values;
    QString where = filterSql(filter, &values);
    // A few people found: the database picks their reviews (and orders and pages them unless by a sealed column).
    const bool fewPeople = !text.isEmpty() && people.size() <= MaxPeopleInQuery;
    if (fewPeople) {
        QStringList marks;
        for (auto it = people.cbegin(); it != people.cend(); ++it) {
            marks << QStringLiteral("?");
            values << it.key();
        }
        where += (where.isEmpty() ? QStringLiteral("WHERE ") : QStringLiteral(" AND "))
                 + QStringLiteral("r.person_id IN (%1)").arg(marks.join(QLatin1Char(',')));
    }
    QSqlQuery q = m_db.query();
    q.setForwardOnly(true);
    QString error;
    QString problem;
    const auto fill = [&](const QSqlQuery &row, ReviewSummary *s) {
        s->id = row.value(0).toLongLong();
        s->personId = row.value(1).toLongLong();
        s->templateId = row.value(2).toString();
        s->version = row.value(3).toInt();
        const std::optional<ReviewStatus> status = storedStatus(m_db, s->id, row.value(4), &problem);
        if (!status)
            return false;
        s->status = *status;
        s->nextDue = QDate::fromString(row.value(5).toString(), Qt::ISODate);
        s->updatedAt = Database::timeFromText(row.value(6).toString());
        const auto person = people.constFind(s->personId);
        if (person == people.constEnd())
            return false;
        s->personName = person->name;
        s->nhsNumber = person->nhsNumber;
        s->dateOfBirth = person->dateOfBirth;
        return true;
    };
    if (fewPeople && !sortsBySealedColumn(filter)) {
        if (total) {
            if (!m_db.exec(q, QStringLiteral("SELECT count(*) FROM reviews r %1").arg(where), values, &error)
                || !q.next())
                return dbFailure(m_db, error);
            *total = q.value(0).toLongLong();
            q.finish();
        }
        QVariantList paged = values;
        paged << std::max(filter.limit, 1) << std::max(filter.offset, 0);
        if (!m_db.exec(q,
                       QStringLiteral("SELECT %1 FROM reviews r %2 ORDER BY %3 LIMIT ? OFFSET ?")
                           .arg(reviewColumns, where, orderSql(filter)),
                       paged, &error))
            return dbFailure(m_db, error);
        QVector<ReviewSummary> list;
        while (q.next()) {
            ReviewSummary s;
            if (fill(q, &s))
                list.append(std::move(s));
            else if (!problem.isEmpty())
                return Outcome::failed(problem);
        }
        return list;
    }
    if (!m_db.exec(q, QStringLiteral("SELECT %1 FROM reviews r %2").arg(reviewColumns, where), values, &error))
        return dbFailure(m_db, error);
    QVector<ReviewSummary> list;
    while (q.next()) {
        ReviewSummary s;
        if (fill(q, &s)) // a person not found is not searched for (or was added after the index was read)
            list.append(std::move(s));
        else if (!problem.isEmpty())
            return Outcome::failed(problem);
    }
    q.finish();
    if (total)
        *total = list.size();
    const auto compare = [&filter](const ReviewSummary &a, const ReviewSummary &b) {
        int c = 0;
        switch (filter.sortBy) {
        case ReviewFilter::SortBy::Name:
            c = a.personName.compare(b.personName, Qt::CaseInsensitive);
            break;
        case ReviewFilter::SortBy::NhsNumber:
            c = a.nhsNumber.compare(b.nhsNumber);
            break;
        case ReviewFilter::SortBy::DateOfBirth:
            c = a.dateOfBirth < b.dateOfBirth ? -1 : (b.dateOfBirth < a.dateOfBirth ? 1 : 0);
            break;
        case ReviewFilter::SortBy::NextDue:
            c = a.nextDue < b.nextDue ? -1 : (b.nextDue < a.nextDue ? 1 : 0);
            break;
        case ReviewFilter::SortBy::Status:
            c = reviewStatusText(a.status).compare(reviewStatusText(b.status)); // as the database orders them
            break;
        case ReviewFilter::SortBy::LastChange:
            c = a.updatedAt < b.updatedAt ? -1 : (b.updatedAt < a.updatedAt ? 1 : 0);
            break;
        }
        if (c == 0)
            c = a.id < b.id ? -1 : (a.id > b.id ? 1 : 0);
        return filter.descending ? c > 0 : c < 0;
    };
    const qsizetype offset = std::min<qsizetype>(std::max(filter.offset, 0), list.size());
    const qsizetype end = std::min<qsizetype>(offset + std::max(filter.limit, 1), list.size());
    std::partial_sort(list.begin(), list.begin() + end, list.end(), compare);
    return list.mid(offset, end - offset);
}

Result<QVector<ReviewSummary>> ReviewStore::find(const ReviewFilter &filter) const
{
    if (Outcome allowed = Permissions::check(m_db, m_session, Action::ReadReviews); !allowed.ok())
        return allowed;
    if (Outcome keyed = KeyRing::needKey(m_session); !keyed.ok())
        return keyed;
    if (!filter.search.trimmed().isEmpty() || sortsBySealedColumn(filter))
        return findInMemory(filter, nullptr);
    QVariantList values;
    const QString where = filterSql(filter, &values);
    values << std::max(filter.limit, 1) << std::max(filter.offset, 0);
    QSqlQuery q = m_db.query();
    q.setForwardOnly(true);
    QString error;
    if (!m_db.exec(q,
                   QStringLiteral("SELECT %1 FROM reviews r JOIN people p ON p.id = r.person_id %2 ORDER BY %3 "
                                  "LIMIT ? OFFSET ?")
                       .arg(summaryColumns, where, orderSql(filter)),
                   values, &error))
        return dbFailure(m_db, error);
    QHash<qint64, PersonRecord> people;
    QVector<ReviewSummary> list;
    while (q.next()) {
        ReviewSummary s;
        QString problem;
        if (!summaryFromRow(m_db, q, *m_session.dataKey(), people, &s, &problem))
            return Outcome::failed(
                problem.isEmpty()
                    ? QStringLiteral("%1: review %2 cannot be read").arg(m_db.location()).arg(q.value(0).toLongLong())
                    : problem);
        list.append(std::move(s));
    }
    return list;
}

Result<qint64> ReviewStore::count(const ReviewFilter &filter) const
{
    if (Outcome allowed = Permissions::check(m_db, m_session, Action::ReadReviews); !allowed.ok())
        return allowed;
    if (Outcome keyed = KeyRing::needKey(m_session); !keyed.ok())
        return keyed;
    if (!filter.search.trimmed().isEmpty()) {
        qint64 total = 0;
        const Result<QVector<ReviewSummary>> found = findInMemory(filter, &total);
        if (!found.ok())
            return found.outcome();
        return total;
    }
    QVariantList values;
    const QString where = filterSql(filter, &values);
    QSqlQuery q = m_db.query();
    QString error;
    if (!m_db.exec(q, QStringLiteral("SELECT count(*) FROM reviews r %1").arg(where), values, &error) || !q.next())
        return dbFailure(m_db, error);
    return q.value(0).toLongLong();
}

} // namespace coform
