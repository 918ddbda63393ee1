#pragma once

#include "model/answers.h"
#include "model/template.h"

#include <QDate>
#include <QMap>
#include <QStringList>

namespace coform {

/// What a new review took over from the person's previous review (`review new --from-previous`).
struct CarriedForward
{
    qint64 fromReview = 0; ///< the previous review's id
    QDate completed;       ///< when it was completed
    int carried = 0;       ///< answers taken over
    /// Questions whose previous answer was not taken over, each with why, in words (never the answer itself).
    QStringList leftOut;
};

/// The previous review's answers that a new review of template `t` starts with. Questions are matched by id (any
/// version). Not taken over: questions the new version no longer has, answers that no longer fit their question (an
/// option taken out), questions the template marks `"carryForward": false` (asked afresh: consent, this review's
/// outcome, the participation record), dates and signatures (they belong to one review: its date, the next one, who
/// signed), and questions filled from the person's record (the record is newer). The first two are listed in
/// `leftOut` with their reason, in words (never the answer itself).
QMap<QString, QJsonValue> carryForward(const Template &t, const Answers &previous, QStringList *leftOut);

} // namespace coform
