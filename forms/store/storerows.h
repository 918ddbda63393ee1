#pragma once

// Store-internal: included by the stores' own .cpp files (and DemoData), not by their callers.

#include "model/person.h"
#include "model/review.h"

#include <QJsonValue>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

namespace coform {

class DataKey;
class Database;

/// The rows a person, a review and an answer are written as, in one place for PersonStore, ReviewStore and DemoData.
/// Each statement is prepared once and run again for every row; the caller holds the transaction, checks the role
/// and writes the audit trail.
class StoreRows
{
public:
    StoreRows(const Database &db, const DataKey &key);

    /// Adds a person's row, then seals their details into it (the id is part of the sealed value's associated
    /// data); record->id becomes the new id. False with *error.
    bool addPerson(PersonRecord *record, qint64 userId, const QString &now, QString *error);

    struct NewReview
    {
        qint64 personId = 0;
        QString templateId;
        int version = 0;
        ReviewStatus status = ReviewStatus::InProgress;
        QString nextDue;      ///< ISO date, or "" when not known
        QVariant completedBy; ///< a user id, or a null QVariant for SQL NULL
        QVariant completedAt; ///< a time text, "", or a null QVariant for SQL NULL
    };
    /// Adds a review's row, then seals its answers (a coform-answers/1 file) into it; the new id, or 0 with *error.
    qint64 addReview(const NewReview &review, const QByteArray &answers, qint64 userId, const QString &now,
                     QString *error);

    /// Writes one answer of a review (a null value clears it), or replaces the one there. False with *error.
    bool putAnswer(qint64 reviewId, const QString &itemId, const QJsonValue &value, qint64 userId, const QString &now,
                   QString *error);

    /// The text an answer is kept as (sealed): the value in a one-element JSON array.
    static QString answerText(const QJsonValue &value);

private:
    bool run(QSqlQuery &q, const QString &sql, const QVariantList &values, QString *error);

    const Database &m_db;
    const DataKey &m_key;
    QSqlQuery m_person, m_personal, m_review, m_sealed, m_answer;
};

} // namespace coform
