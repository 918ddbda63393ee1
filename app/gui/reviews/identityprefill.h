#pragma once

#include "model/person.h"
#include "model/template.h"
#include "store/session.h"

#include <QHash>
#include <QJsonValue>
#include <QObject>
#include <QPointer>

class QLabel;
class QLineEdit;
class QWidget;

namespace coform {

class Database;
class ReviewStore;

/// The review form's questions marked `prefill` (the person's name, NHS number, date of birth): says beside each one
/// that its answer comes from the person's record ("From Ada's record"), and when the answer is changed to
/// something else, says so and offers to update the record or asks why it differs (the reason is kept with the
/// review, ReviewStore::keepRecordDifference).
///
/// Widgets: "record-ID" (the whole note), "recordNote-ID" (what it says), "recordUpdate-ID" (update the record),
/// "recordReason-ID" (why it differs; Enter keeps it) and "recordKeepReason-ID".
class IdentityPrefill : public QObject
{
    Q_OBJECT

public:
    IdentityPrefill(Database &db, const Session &session, ReviewStore &reviews, qint64 reviewId,
                    const PersonRecord &person, const QMap<QString, QString> &keptReasons, QObject *parent = nullptr);

    /// The note to show with a question filled from the record; nullptr for other questions.
    QWidget *noteFor(const Item &item);
    /// Call after the question's answer changed (or was loaded). `finished`: typing is done, so a difference from the
    /// record is asked about now.
    void answerChanged(const QString &itemId, const QJsonValue &answer, bool finished);
    const PersonRecord &person() const { return m_person; }

signals:
    /// The person's record was changed from a review answer (the form's banner shows the new details).
    void recordUpdated(const PersonRecord &person);

private:
    struct Note
    {
        QString prefill;
        QPointer<QWidget> box;
        QLabel *text = nullptr;
        QWidget *differs = nullptr;
        QLineEdit *reason = nullptr;
        QJsonValue answer;
    };

    QString firstName() const;
    QString recordText(const Note &note) const;
    void show(const QString &itemId, bool askIfDifferent);
    void updateRecord(const QString &itemId);
    void keepReason(const QString &itemId);

    Database &m_db;
    Session m_session;
    ReviewStore &m_reviews;
    qint64 m_reviewId;
    PersonRecord m_person;
    QMap<QString, QString> m_keptReasons;
    QHash<QString, Note> m_notes;
};

} // namespace coform
