#include "model/review.h"

namespace coform {

QString reviewStatusText(ReviewStatus status)
{
    switch (status) {
    case ReviewStatus::InProgress:
        return QStringLiteral("draft");
    case ReviewStatus::Completed:
        return QStringLiteral("completed");
    }
    return {};
}

std::optional<ReviewStatus> reviewStatusFromText(const QString &text, QString *problem)
{
    for (ReviewStatus status : {ReviewStatus::InProgress, ReviewStatus::Completed}) {
        if (reviewStatusText(status) == text)
            return status;
    }
    if (problem)
        *problem = QStringLiteral("'%1' is not a review status (\"draft\", in progress, or \"completed\")").arg(text);
    return std::nullopt;
}

} // namespace coform
