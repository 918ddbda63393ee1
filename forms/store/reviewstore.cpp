#include "store/reviewstore.h"

#include "check/answervalidation.h"
#include "format/templateformat.h"
#include "model/prefill.h"
#include "store/auditlog.h"
#include "store/crypto/datakey.h"
#include "store/crypto/sealedrows.h"
#include "store/database.h"
#include "store/dbfailure.h"
#include "store/keyring.h"
#include "store/permissions.h"
#include "store/storerows.h"
#include "store/templatestore.h"
#include "store/transaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace coform {

namespace {

/// A JSON value as stored in review_answers.value (compact JSON; any JSON value, wrapped so scalars survive).
QJsonValue valueFromText(const QString &text)
{
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
    return doc.isArray() && doc.array().size() == 1 ? doc.array().first() : QJsonValue();
}

/// review_answers rows whose item id starts with this hold why an answer differs from the person's record (item ids
/// never hold a colon, so these never meet a question).
const QString differencePrefix = QStringLiteral("record-differs:");

} // namespace

ReviewStore::ReviewStore(Database &db, const Session &session)
    : m_db(db)
    , m_session(session)
{}

Result<ReviewRecord> ReviewStore::create(qint64 personId, const QString &templateId, int version,
                                         const Answers &answers, CarriedForward *fromPrevious)
{
    if (Outcome allowed = Permissions::check(m_db, m_session, Action::WriteReviews); !allowed.ok())
        return allowed;
    if (Outcome keyed = KeyRing::needKey(m_session); !keyed.ok())
        return keyed;
    if (version < 0)
        return Outcome::invalid(QStringLiteral("a template version number is 1 or more, not %1").arg(version));
    Transaction tx(m_db);
    if (!tx.isActive())
        return dbFailure(m_db, tx.error());
    QSqlQuery q = m_db.query();
    QString error;
    if (version <= 0) {
        if (!m_db.exec(q,
                       QStringLiteral("SELECT max(version) FROM template_versions WHERE template_id = ? AND status = "
                                      "'published'"),
                       {templateId}, &error)
            || !q.next())
            return dbFailure(m_db, error);
        version = q.value(0).toInt();
        if (version <= 0)
            return Outcome::notFound(QStringLiteral("template '%1' has no published version").arg(templateId));
    }
    if (!m_db.exec(q, QStringLiteral("SELECT status FROM template_versions WHERE template_id = ? AND version = ?"),
                   {templateId, version}, &error))
        return dbFailure(m_db, error);
    if (!q.next())
        return Outcome::notFound(QStringLiteral("template '%1' has no version %2").arg(templateId).arg(version));
    if (q.value(0).toString() != QLatin1String("published"))
        return Outcome::conflict(QStringLiteral("template '%1' version %2 is %3: reviews use published versions")
                                     .arg(templateId)
                                     .arg(version)
                                     .arg(q.value(0).toString()));
    if (!m_db.exec(q, QStringLiteral("SELECT count(*) FROM people WHERE id = ?"), {personId}, &error) || !q.next())
        return dbFailure(m_db, error);
    if (q.value(0).toLongLong() == 0)
        return Outcome::notFound(QStringLiteral("there is no person %1").arg(personId));
    Answers stored = answers;
    q.finish();
    // Questions marked "prefill" start with what the person's record says.
    const Result<Template> t = TemplateStore(m_db, m_session).get(templateId, version);
    const Result<PersonRecord> person = PersonStore(m_db, m_session).get(personId);
    if (!t.ok() || !person.ok())
        return !t.ok() ? t.outcome() : person.outcome();
    QString detail = QStringLiteral("%1 version %2").arg(templateId).arg(version);
    if (fromPrevious) {
        const Result<std::optional<ReviewRecord>> previous = previousCompleted(personId, templateId);
        if (!previous.ok())
            return previous.outcome();
        if (!previous->has_value())
            return Outcome::notFound(QStringLiteral("person %1 has no completed review of template '%2' to start from")
                                         .arg(personId)
                                         .arg(templateId));
        const ReviewRecord &last = **previous;
        *fromPrevious = {};
        fromPrevious->fromReview = last.id;
        fromPrevious->completed = last.completedAt.toLocalTime().date();
        const QMap<QString, QJsonValue> carried = carryForward(*t, last.answers, &fromPrevious->leftOut);
        for (auto it = carried.begin(); it != carried.end(); ++it) {
            if (!stored.has(it.key())) {
                stored.values.insert(it.key(), it.value());
                ++fromPrevious->carried;
            }
        }
        detail += QStringLiteral(", answers carried from review %1: %2")
                      .arg(last.id)
                      .arg(QStringList(carried.keys()).join(QLatin1String(", ")));
    }
    const QMap<QString, QJsonValue> fromRecord = Prefill::answersFromRecord(*t, person->person);
    for (auto it = fromRecord.begin(); it != fromRecord.end(); ++it) {
        if (!stored.has(it.key()))
            stored.values.insert(it.key(), it.value());
    }
    stored.templateId = templateId;
    stored.version = version;
    stored.person = {};
    const QString now = Database::timeText(m_db.now());
    const QDate due = QDate::fromString(stored.value(QLatin1String(NextReviewItem)).toString(), Qt::ISODate);
    StoreRows::NewReview row;
    row.personId = personId;
    row.templateId = templateId;
    row.version = version;
    row.nextDue = due.isValid() ? due.toString(Qt::ISODate) : QString(QLatin1String(""));
    const qint64 id =
        StoreRows(m_db, *m_session.dataKey()).addReview(row, writeAnswers(stored), m_session.userId(), now, &error);
    if (id == 0)
        return dbFailure(m_db, error);
    if (!AuditLog::append(m_db, m_session.dataKey(), m_session.userId(), AuditLog::Create, id, personId, detail,
                          &error))
        return dbFailure(m_db, error);
    if (!tx.commit())
        return dbFailure(m_db, tx.error());
    return get(id);
}

Result<QVector<ReviewRecord>> ReviewStore::read(const QString &where, const QVariantList &values) const
{
    if (Outcome allowed = Permissions::check(m_db, m_session, Action::ReadReviews); !allowed.ok())
        return allowed;
    if (Outcome keyed = KeyRing::needKey(m_session); !keyed.ok())
        return keyed;
    const DataKey &key = *m_session.dataKey();
    const auto unreadable = [&](qint64 id) {
        return Outcome::failed(QStringLiteral("%1: review %2 cannot be read").arg(m_db.location()).arg(id));
    };
    QSqlQuery q = m_db.query();
    QString error;
    if (!m_db.exec(q,
                   QStringLiteral("SELECT r.id, r.person_id, r.template_id, r.version, r.status, r.answers, u.name, "
                                  "r.created_at, r.updated_at, r.next_due, c.name, r.completed_at, p.personal "
                                  "FROM reviews r JOIN users u ON u.id = r.created_by "
                                  "JOIN people p ON p.id = r.person_id LEFT JOIN users c ON c.id = r.completed_by "
                                  "%1 ORDER BY r.id")
                       .arg(where),
                   values, &error))
        return dbFailure(m_db, error);
    QVector<ReviewRecord> list;
    while (q.next()) {
        ReviewRecord r;
        r.id = q.value(0).toLongLong();
        r.personId = q.value(1).toLongLong();
        r.templateId = q.value(2).toString();
        r.version = q.value(3).toInt();
        QString problem;
        const std::optional<ReviewStatus> status = reviewStatusFromText(q.value(4).toString(), &problem);
        if (!status)
            return Outcome::failed(
                QStringLiteral("%1: review %2 cannot be read: %3").arg(m_db.location()).arg(r.id).arg(problem));
        r.status = *status;
        Problems problems;
        const std::optional<QByteArray> plain = key.open(q.value(5).toString(), SealedRows::reviewAnswersData(r.id));
        const auto answers =
            plain ? readAnswers(*plain, QStringLiteral("review %1").arg(r.id), &problems) : std::nullopt;
        const std::optional<PersonRecord> person = SealedRows::openPerson(key, r.personId, q.value(12).toString());
        if (!answers || !person)
            return unreadable(r.id);
        r.answers = *answers;
        r.answers.templateId = r.templateId;
        r.answers.version = r.version;
        r.createdBy = q.value(6).toString();
        r.createdAt = Database::timeFromText(q.value(7).toString());
        r.updatedAt = Database::timeFromText(q.value(8).toString());
        r.nextDue = QDate::fromString(q.value(9).toString(), Qt::ISODate);
        r.completedBy = q.value(10).toString();
        r.completedAt = Database::timeFromText(q.value(11).toString());
        r.answers.person = person->person;
        list.append(r);
    }
    // The answers saved since creation, one row each, over the answers the review was created with.
    for (ReviewRecord &r : list) {
        if (!m_db.exec(q, QStringLiteral("SELECT item_id, value FROM review_answers WHERE review_id = ?"), {r.id},
                       &error))
            return dbFailure(m_db, error);
        while (q.next()) {
            const std::optional<QByteArray> plain =
                key.open(q.value(1).toString(), SealedRows::answerData(r.id, q.value(0).toString()));
            if (!plain)
                return unreadable(r.id);
            const QJsonValue value = valueFromText(QString::fromUtf8(*plain));
            if (q.value(0).toString().startsWith(differencePrefix)) {
                const QString itemId = q.value(0).toString().mid(differencePrefix.size());
                if (value.isString())
                    r.recordDifferences.insert(itemId, value.toString());
                else
                    r.recordDifferences.remove(itemId);
            } else if (value.isNull())
                r.answers.values.remove(q.value(0).toString());
            else
                r.answers.values.insert(q.value(0).toString(), value);
        }
    }
    return list;
}

Result<ReviewRecord> ReviewStore::get(qint64 id) const
{
    const Result<QVector<ReviewRecord>> list = read(QStringLiteral("WHERE r.id = ?"), {id});
    if (!list.ok())
        return list.outcome();
    if (list->isEmpty())
        return Outcome::notFound(QStringLiteral("there is no review %1").arg(id));
    return list->first();
}

Result<ReviewRecord> ReviewStore::open(qint64 id)
{
    Result<ReviewRecord> review = get(id);
    if (!review.ok())
        return review;
    if (Outcome logged = recordOutput(id, AuditLog::View, {}); !logged.ok())
        return logged;
    return review;
}

Result<PersonRecord> ReviewStore::person(qint64 personId) const
{
    return PersonStore(m_db, m_session).get(personId);
}

Result<Template> ReviewStore::templateOf(const ReviewRecord &review) const
{
    TemplateStore templates(m_db, m_session);
    return templates.get(review.templateId, review.version);
}

Result<QVector<ReviewRecord>> ReviewStore::list() const
{
    return read({}, {});
}

Outcome ReviewStore::saveAnswers(qint64 id, const QMap<QString, QJsonValue> &answers, const QString &source)
{
    if (Outcome allowed = Permissions::check(m_db, m_session, Action::WriteReviews); !allowed.ok())
        return allowed;
    if (Outcome keyed = KeyRing::needKey(m_session); !keyed.ok())
        return keyed;
    if (answers.isEmpty())
        return Outcome::success();
    Transaction tx(m_db);
    if (!tx.isActive())
        return dbFailure(m_db, tx.error());
    QSqlQuery q = m_db.query();
    QString error;
    if (!m_db.exec(q, QStringLiteral("SELECT status, template_id, version, person_id FROM reviews WHERE id = ?"), {id},
                   &error))
        return dbFailure(m_db, error);
    if (!q.next())
        return Outcome::notFound(QStringLiteral("there is no review %1").arg(id));
    QString unknown;
    const std::optional<ReviewStatus> status = reviewStatusFromText(q.value(0).toString(), &unknown);
    if (!status)
        return Outcome::failed(
            QStringLiteral("%1: review %2 cannot be read: %3").arg(m_db.location()).arg(id).arg(unknown));
    if (*status == ReviewStatus::Completed)
        return Outcome::conflict(
            QStringLiteral("review %1 is completed and locked: reopen it, with a reason, to change it").arg(id));
    ReviewRecord shape;
    shape.templateId = q.value(1).toString();
    shape.version = q.value(2).toInt();
    const qint64 personId = q.value(3).toLongLong();
    q.finish();
    const Result<Template> t = templateOf(shape);
    if (!t.ok())
        return t.outcome();
    QStringList problems;
    for (auto it = answers.begin(); it != answers.end(); ++it) {
        const Item *item = t->findItem(it.key());
        if (!item || !itemTypeIsAnswerable(item->type)) {
            problems << QStringLiteral("the form has no question \"%1\"").arg(it.key());
            continue;
        }
        if (it.value().isNull() || it.value().isUndefined())
            continue;
        if (const QString problem = answerProblem(*item, it.value()); !problem.isEmpty())
            problems << QStringLiteral("question \"%1\": %2").arg(item->label, problem);
    }
    if (!problems.isEmpty())
        return Outcome::invalid(problems.join(QLatin1String("; ")));
    const QString now = Database::timeText(m_db.now());
    StoreRows rows(m_db, *m_session.dataKey());
    for (auto it = answers.begin(); it != answers.end(); ++it) {
        const bool cleared = it.value().isNull() || it.value().isUndefined();
        if (!rows.putAnswer(id, it.key(), cleared ? QJsonValue(QJsonValue::Null) : *it, m_session.userId(), now,
                            &error))
            return dbFailure(m_db, error);
        if (it.key() == QLatin1String(NextReviewItem)) {
            const QDate due = cleared ? QDate() : QDate::fromString(it.value().toString(), Qt::ISODate);
            if (!m_db.exec(q, QStringLiteral("UPDATE reviews SET next_due = ? WHERE id = ?"),
                           {due.isValid() ? due.toString(Qt::ISODate) : QString(QLatin1String("")), id}, &error))
                return dbFailure(m_db, error);
        }
    }
    if (!m_db.exec(q, QStringLiteral("UPDATE reviews SET updated_at = ? WHERE id = ?"), {now, id}, &error)
        || !AuditLog::append(
            m_db, m_session.dataKey(), m_session.userId(), AuditLog::Change, id, personId,
            (source.isEmpty() ? QStringLiteral("answered: %1") : QStringLiteral("answered from %1: %2").arg(source))
                .arg(answers.keys().join(QLatin1String(", "))),
            &error))
        return dbFailure(m_db, error);
    if (!tx.commit())
        return dbFailure(m_db, tx.error());
    return Outcome::success();
}

Result<QStringList> ReviewStore::completionProblems(qint64 id) const
{
    const Result<ReviewRecord> review = get(id);
    if (!review.ok())
        return review.outcome();
    const Result<Template> t = templateOf(*review);
    if (!t.ok())
        return t.outcome();
    QStringList messages;
    for (const Problem &p :
         validateAnswers(*t, review->answers, QStringLiteral("review %1").arg(id), RequiredAnswers::MustBePresent)) {
        if (p.severity == Problem::Severity::Error)
            messages << p.message;
    }
    if (review->answers.person.nhsNumber.isEmpty())
        messages.prepend(QStringLiteral("the person has no NHS number recorded"));
    return messages;
}

Outcome ReviewStore::complete(qint64 id)
{
    if (Outcome allowed = Permissions::check(m_db, m_session, Action::WriteReviews); !allowed.ok())
        return allowed;
    const Result<QStringList> problems = completionProblems(id);
    if (!problems.ok())
        return problems.outcome();
    if (!problems->isEmpty())
        return Outcome::invalid(
            QStringLiteral("review %1 cannot be completed yet: %2").arg(id).arg(problems->join(QLatin1String("; "))));
    Transaction tx(m_db);
    if (!tx.isActive())
        return dbFailure(m_db, tx.error());
    QSqlQuery q = m_db.query();
    QString error;
    const QString now = Database::timeText(m_db.now());
    // The status check is part of the update, so that two people completing at once complete it once.
    if (!m_db.exec(q,
                   QStringLiteral("UPDATE reviews SET status = 'completed', completed_by = ?, completed_at = ?, "
                                  "updated_at = ? WHERE id = ? AND status <> 'completed'"),
                   {m_session.userId(), now, now, id}, &error))
        return dbFailure(m_db, error);
    if (q.numRowsAffected() == 0)
        return Outcome::conflict(QStringLiteral("review %1 is already completed").arg(id));
    if (!AuditLog::append(m_db, m_session.dataKey(), m_session.userId(), AuditLog::Complete, id, 0, {}, &error))
        return dbFailure(m_db, error);
    if (!tx.commit())
        return dbFailure(m_db, tx.error());
    return Outcome::success();
}

Outcome ReviewStore::reopen(qint64 id, const QString &reason)
{
    if (Outcome allowed = Permissions::check(m_db, m_session, Action::WriteReviews); !allowed.ok())
        return allowed;
    if (reason.trimmed().isEmpty())
        return Outcome::invalid(QStringLiteral("reopening a completed review needs a reason"));
    Transaction tx(m_db);
    if (!tx.isActive())
        return dbFailure(m_db, tx.error());
    QSqlQuery q = m_db.query();
    QString error;
    if (!m_db.exec(q,
                   QStringLiteral("UPDATE reviews SET status = 'draft', completed_by = NULL, completed_at = NULL, "
                                  "updated_at = ? WHERE id = ? AND status = 'completed'"),
                   {Database::timeText(m_db.now()), id}, &error))
        return dbFailure(m_db, error);
    if (q.numRowsAffected() == 0) {
        if (!m_db.exec(q, QStringLiteral("SELECT count(*) FROM reviews WHERE id = ?"), {id}, &error) || !q.next())
            return dbFailure(m_db, error);
        return q.value(0).toLongLong() == 0 ? Outcome::notFound(QStringLiteral("there is no review %1").arg(id))
                                            : Outcome::conflict(QStringLiteral("review %1 is not completed").arg(id));
    }
    if (!AuditLog::append(m_db, m_session.dataKey(), m_session.userId(), AuditLog::Reopen, id, 0, reason.trimmed(),
                          &error))
        return dbFailure(m_db, error);
    if (!tx.commit())
        return dbFailure(m_db, tx.error());
    return Outcome::success();
}

Result<std::optional<ReviewRecord>> ReviewStore::previousCompleted(qint64 personId, const QString &templateId,
                                                                   qint64 exceptReviewId) const
{
    const Result<QVector<ReviewRecord>> found =
        read(QStringLiteral("WHERE r.person_id = ? AND r.template_id = ? AND r.status = 'completed' AND r.id <> ?"),
             {personId, templateId, exceptReviewId});
    if (!found.ok())
        return found.outcome();
    std::optional<ReviewRecord> latest;
    for (const ReviewRecord &r : *found) {
        if (!latest || r.completedAt > latest->completedAt
            || (r.completedAt == latest->completedAt && r.id > latest->id))
            latest = r;
    }
    return latest;
}

Outcome ReviewStore::keepRecordDifference(qint64 id, const QString &itemId, const QString &reason)
{
    if (Outcome allowed = Permissions::check(m_db, m_session, Action::WriteReviews); !allowed.ok())
        return allowed;
    if (reason.trimmed().isEmpty())
        return Outcome::invalid(QStringLiteral("say why the answer differs from the person's record"));
    const Result<ReviewRecord> review = get(id);
    if (!review.ok())
        return review.outcome();
    if (review->isCompleted())
        return Outcome::conflict(
            QStringLiteral("review %1 is completed and locked: reopen it, with a reason, to change it").arg(id));
    const Result<Template> t = templateOf(*review);
    if (!t.ok())
        return t.outcome();
    const Item *item = t->findItem(itemId);
    if (!item || item->prefill.isEmpty())
        return Outcome::invalid(QStringLiteral("question \"%1\" is not filled from the person's record").arg(itemId));
    Transaction tx(m_db);
    if (!tx.isActive())
        return dbFailure(m_db, tx.error());
    QSqlQuery q = m_db.query();
    QString error;
    const QString now = Database::timeText(m_db.now());
    if (!m_db.exec(q,
                   QStringLiteral("INSERT INTO review_answers (review_id, item_id, value, updated_by, updated_at) "
                                  "VALUES (?, ?, ?, ?, ?) ON CONFLICT (review_id, item_id) DO UPDATE SET "
                                  "value = excluded.value, updated_by = excluded.updated_by, "
                                  "updated_at = excluded.updated_at"),
                   {id, differencePrefix + itemId,
                    m_session.dataKey()->seal(StoreRows::answerText(reason.trimmed()).toUtf8(),
                                              SealedRows::answerData(id, differencePrefix + itemId)),
                    m_session.userId(), now},
                   &error)
        || !AuditLog::append(m_db, m_session.dataKey(), m_session.userId(), AuditLog::Change, id, review->personId,
                             QStringLiteral("kept why an answer differs from the person's record: %1").arg(itemId),
                             &error))
        return dbFailure(m_db, error);
    if (!tx.commit())
        return dbFailure(m_db, tx.error());
    return Outcome::success();
}

Outcome ReviewStore::recordOutput(qint64 id, const char *auditAction, const QString &detail)
{
    AuditLog audit(m_db, m_session);
    return audit.record(auditAction, id, 0, detail);
}

} // namespace coform
