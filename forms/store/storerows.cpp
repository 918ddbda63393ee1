#include "store/storerows.h"

#include "store/crypto/datakey.h"
#include "store/crypto/sealedrows.h"
#include "store/database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>

namespace coform {

StoreRows::StoreRows(const Database &db, const DataKey &key)
    : m_db(db)
    , m_key(key)
    , m_person(db.query())
    , m_personal(db.query())
    , m_review(db.query())
    , m_sealed(db.query())
    , m_answer(db.query())
{}

QString StoreRows::answerText(const QJsonValue &value)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact));
}

bool StoreRows::run(QSqlQuery &q, const QString &sql, const QVariantList &values, QString *error)
{
    q.finish();
    if (q.lastQuery() != sql && !q.prepare(sql)) {
        *error = q.lastError().text();
        return false;
    }
    for (int i = 0; i < values.size(); ++i) {
        const QVariant &v = values.at(i);
        // As Database::exec: a null QString is an empty text; a null QVariant of another type is SQL NULL.
        if (v.typeId() == QMetaType::QString && v.toString().isNull())
            q.bindValue(i, QStringLiteral(""));
        else
            q.bindValue(i, v);
    }
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    return true;
}

bool StoreRows::addPerson(PersonRecord *record, qint64 userId, const QString &now, QString *error)
{
    if (!run(m_person,
             QStringLiteral("INSERT INTO people (name, created_by, created_at) VALUES ('', ?, ?) RETURNING id"),
             {userId, now}, error))
        return false;
    if (!m_person.next()) {
        *error = m_person.lastError().text();
        return false;
    }
    record->id = m_person.value(0).toLongLong();
    m_person.finish();
    return run(
        m_personal, QStringLiteral("UPDATE people SET personal = ?, nhs_lookup = ? WHERE id = ?"),
        {SealedRows::sealPerson(m_key, *record), SealedRows::nhsLookup(m_key, record->person.nhsNumber), record->id},
        error);
}

qint64 StoreRows::addReview(const NewReview &review, const QByteArray &answers, qint64 userId, const QString &now,
                            QString *error)
{
    if (!run(m_review,
             QStringLiteral("INSERT INTO reviews (person_id, template_id, version, status, answers, created_by, "
                            "created_at, updated_at, next_due, completed_by, completed_at) VALUES (?, ?, ?, ?, '', ?, "
                            "?, ?, ?, ?, ?) RETURNING id"),
             {review.personId, review.templateId, review.version, reviewStatusText(review.status), userId, now, now,
              review.nextDue, review.completedBy, review.completedAt},
             error))
        return 0;
    if (!m_review.next()) {
        *error = m_review.lastError().text();
        return 0;
    }
    const qint64 id = m_review.value(0).toLongLong();
    m_review.finish();
    // Sealed once the id (part of the associated data) is known.
    if (!run(m_sealed, QStringLiteral("UPDATE reviews SET answers = ? WHERE id = ?"),
             {m_key.seal(answers, SealedRows::reviewAnswersData(id)), id}, error))
        return 0;
    return id;
}

bool StoreRows::putAnswer(qint64 reviewId, const QString &itemId, const QJsonValue &value, qint64 userId,
                          const QString &now, QString *error)
{
    return run(m_answer,
               QStringLiteral("INSERT INTO review_answers (review_id, item_id, value, updated_by, updated_at) "
                              "VALUES (?, ?, ?, ?, ?) ON CONFLICT (review_id, item_id) DO UPDATE SET "
                              "value = excluded.value, updated_by = excluded.updated_by, "
                              "updated_at = excluded.updated_at"),
               {reviewId, itemId, m_key.seal(answerText(value).toUtf8(), SealedRows::answerData(reviewId, itemId)),
                userId, now},
               error);
}

} // namespace coform
