#pragma once

#include "model/answers.h"

#include <QDate>
#include <QDateTime>
#include <QMap>
#include <QString>

#include <optional>

namespace coform {

/// Where a review is: being filled, or completed (locked until someone reopens it with a reason).
enum class ReviewStatus { InProgress, Completed };
/// The text the database keeps: "draft" (in progress) or "completed".
QString reviewStatusText(ReviewStatus status);
/// The status the database's text means; std::nullopt for any other text, with *problem saying so in words.
std::optional<ReviewStatus> reviewStatusFromText(const QString &text, QString *problem = nullptr);

/// A filled review as stored: it points at the exact published template version it was filled with, so it opens,
/// shows and prints with that version after newer ones are published.
struct ReviewRecord
{
    qint64 id = 0;
    qint64 personId = 0;
    QString templateId;
    int version = 0;
    ReviewStatus status = ReviewStatus::InProgress;
    Answers answers; ///< with the person's name, NHS number and date of birth as recorded now
    QString createdBy;
    QDateTime createdAt;
    QDateTime updatedAt;
    QDate nextDue; ///< when the next review is due (the answer to ReviewStore::NextReviewItem); null when not known
    QString completedBy;
    QDateTime completedAt;
    /// Why an answer filled from the person's record was changed and the record kept (item id -> reason).
    QMap<QString, QString> recordDifferences;

    bool isCompleted() const { return status == ReviewStatus::Completed; }
};

/// One line of the reviews list.
struct ReviewSummary
{
    qint64 id = 0;
    qint64 personId = 0;
    QString personName;
    QString nhsNumber;
    QDate dateOfBirth;
    QString templateId;
    int version = 0;
    ReviewStatus status = ReviewStatus::InProgress;
    QDate nextDue;
    QDateTime updatedAt;

    /// Whether the next review is due within `days` of `today` (overdue counts).
    bool dueWithin(const QDate &today, int days = 30) const
    {
        return nextDue.isValid() && nextDue <= today.addDays(days);
    }
};

} // namespace coform
