#pragma once

#include "check/carryforward.h"
#include "model/answers.h"
#include "model/review.h"
#include "model/template.h"
#include "store/personstore.h"
#include "store/session.h"
#include "store/storeresult.h"

#include <QDateTime>
#include <QJsonValue>
#include <QMap>
#include <QVector>

#include <optional>

namespace coform {

class Database;

/// What to list. Empty fields do not filter.
struct ReviewFilter
{
    QString search; ///< part of a name (any case), or the first digits of an NHS number
    std::optional<ReviewStatus> status;
    QDate dueFrom; ///< next review due on or after
    QDate dueTo;   ///< next review due on or before
    qint64 personId = 0;
    int limit = 200;
    int offset = 0;
    /// The order of the list (each then by review id): by next review due (the default; reviews with none set
    /// first), the person's name, NHS number, date of birth, status or the last change.
    enum class SortBy { NextDue, Name, NhsNumber, DateOfBirth, Status, LastChange };
    SortBy sortBy = SortBy::NextDue;
    bool descending = false;
};

/// Reviews (special category health data): admins and reviewers only; a coproducer is refused on every call with
/// "not permitted". Each answer is one row, so that two reviewers answering different questions of one review never
/// overwrite each other. A completed review is locked until someone reopens it with a reason. Views, changes,
/// completion, reopening, exports and prints go to the audit trail (AuditLog).
class ReviewStore
{
public:
    /// The item whose answer is the review's next due date.
    static constexpr const char *NextReviewItem = "next-review-date";

    ReviewStore(Database &db, const Session &session);

    /// A new review of a person on a published template version (the newest published when version is 0). Questions
    /// marked `prefill` are filled from the person's record unless `answers` holds them. With `fromPrevious`, the
    /// review starts with the answers of the person's latest completed review of the template (carryForward()), and
    /// *fromPrevious says what was taken over; NotFound (nothing created) when there is no such review.
    Result<ReviewRecord> create(qint64 personId, const QString &templateId, int version, const Answers &answers = {},
                                CarriedForward *fromPrevious = nullptr);
    /// The review as stored, without an audit row (for the program's own reads).
    Result<ReviewRecord> get(qint64 id) const;
    /// The review for a person to see: get() plus a "view" row in the audit trail.
    Result<ReviewRecord> open(qint64 id);
    /// The person a review is about (their communication needs and format), as PersonStore::get.
    Result<PersonRecord> person(qint64 personId) const;
    /// The exact template version the review was made from.
    Result<Template> templateOf(const ReviewRecord &review) const;
    /// Every review, oldest first (small databases and tests; the window uses find()).
    Result<QVector<ReviewRecord>> list() const;
    /// Reviews ordered by next due date (or filter.sortBy), then id. The people's names, NHS numbers and dates of
    /// birth are sealed: a list in due, status or last-change order opens only the page's people; a search, or an
    /// order by name, number or date of birth, opens every review's person in memory.
    Result<QVector<ReviewSummary>> find(const ReviewFilter &filter) const;
    Result<qint64> count(const ReviewFilter &filter) const;

    /// Saves answers (item id -> value; a null value clears the answer), each as its own row, in one transaction.
    /// Invalid (nothing saved) when an item is not in the review's template or a value does not fit its item;
    /// Conflict when the review is completed. `source` says in the audit trail where the answers came from when they
    /// were not typed ("a filled PDF form").
    Outcome saveAnswers(qint64 id, const QMap<QString, QJsonValue> &answers, const QString &source = {});
    /// Checks the required answers and locks the review; Invalid with every missing or wrong answer in words.
    Outcome complete(qint64 id);
    /// Unlocks a completed review; the reason is kept in the audit trail. Invalid without a reason.
    Outcome reopen(qint64 id, const QString &reason);
    /// Problems that stop completion, one message each ("question 12 ("NHS number") needs an answer").
    Result<QStringList> completionProblems(qint64 id) const;
    /// The person's latest completed review of the template (any version), other than `exceptReviewId`;
    /// std::nullopt when there is none.
    Result<std::optional<ReviewRecord>> previousCompleted(qint64 personId, const QString &templateId,
                                                          qint64 exceptReviewId = 0) const;
    /// Keeps, with the review, why the answer to a question filled from the person's record differs from the record
    /// (the record was left as it is). Invalid without a reason or for a question not filled from the record.
    Outcome keepRecordDifference(qint64 id, const QString &itemId, const QString &reason);

    /// Records an export ("pdf large-print") or a print in the audit trail.
    Outcome recordOutput(qint64 id, const char *auditAction, const QString &detail);

private:
    Result<QVector<ReviewRecord>> read(const QString &where, const QVariantList &values) const;
    /// The filter's conditions on the review's own (unsealed) columns: status, due dates, person.
    static QString filterSql(const ReviewFilter &filter, QVariantList *values);
    static QString orderSql(const ReviewFilter &filter);
    /// A search or an order by a sealed column (name, NHS number, date of birth): every matching review's person is
    /// opened in memory, filtered, sorted and paged there.
    Result<QVector<ReviewSummary>> findInMemory(const ReviewFilter &filter, qint64 *total) const;

    Database &m_db;
    Session m_session;
};

} // namespace coform
