#pragma once

#include <QDate>
#include <QString>

namespace coform {

/// Dates typed the UK way: the day first, then the month, then the year. Shared by every date box in the app.
///
/// Read: `2/12/2026`, `02/12/2026`, `2 12 2026`, `2.12.26`, `2-12-2026`, `2 December 2026`, `2 Dec 26`, `2nd Dec 2026`,
/// `2026-12-02` (ISO, year first with dashes only), each with an optional weekday before or after ("Wednesday
/// 2 December 2026", "2 December 2026, Wednesday"), which must be the right one.
///
/// Two-digit years: a date of birth takes the latest year not in the future ("48" is 1948, "19" is 2019 in 2026); any
/// other date takes the year nearest today (in 2026 "48" is 2048 and "77" is 1977; a tie goes to the past).
///
/// Refused, in words: a month after the day's place that cannot be a month (`2/13/2026`: the day comes first),
/// impossible days (`31/02/2026`), a missing year, a three-digit year, a year first without dashes, anything else.
namespace UkDate {

/// What a date is for, which decides the two-digit year rule and the range.
enum class Purpose {
    Any,    ///< confirm one before 1900 or more than ten years ahead
    Review, ///< a review's own dates: confirm one more than a year either side of today
    Birth,  ///< a date of birth: refused in the future or before 1900
};

struct Reading
{
    enum State { Empty, Valid, Refused };
    State state = Empty;
    QDate date;        ///< when Valid
    QString problem;   ///< when Refused: why, in words ("February 2026 has 28 days")
    QString toConfirm; ///< when Valid but unusual: what to ask ("… is more than a year from today")
};

/// Reads `text` for `purpose`; `today` is the date the ranges and two-digit years are measured from.
Reading read(const QString &text, Purpose purpose, const QDate &today = QDate::currentDate());

/// "2 December 2026, Wednesday" (English, whatever the system's language).
QString inWords(const QDate &date);

/// "02/12/2026": how a stored date is put back in a box.
QString typed(const QDate &date);

} // namespace UkDate
} // namespace coform
