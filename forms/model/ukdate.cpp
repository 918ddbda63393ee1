#include "ukdate.h"

#include <QLocale>
#include <QRegularExpression>
#include <QStringList>

#include <algorithm>
#include <cstdlib>

namespace coform::UkDate {

namespace {

const QLocale &english()
{
    static const QLocale locale(QLocale::English, QLocale::UnitedKingdom);
    return locale;
}

/// 1-12 for a month's name or its first three letters ("sept" too); 0 otherwise.
int monthFromName(const QString &word)
{
    for (int m = 1; m <= 12; ++m) {
        const QString full = english().monthName(m, QLocale::LongFormat).toLower();
        if (word == full || (word.size() >= 3 && full.startsWith(word) && word.size() <= full.size()))
            return m;
    }
    return 0;
}

/// 1-7 (Monday first) for a weekday's name or its first three letters; 0 otherwise.
int weekdayFromName(const QString &word)
{
    for (int d = 1; d <= 7; ++d) {
        const QString full = english().dayName(d, QLocale::LongFormat).toLower();
        if (word == full || (word.size() >= 3 && full.startsWith(word)))
            return d;
    }
    return 0;
}

bool allDigits(const QString &s)
{
    return !s.isEmpty() && std::all_of(s.begin(), s.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

int fullYear(int twoDigits, Purpose purpose, const QDate &today)
{
    const int century = today.year() / 100 * 100;
    if (purpose == Purpose::Birth) {
        const int year = century + twoDigits;
        return year > today.year() ? year - 100 : year;
    }
    int best = century - 100 + twoDigits;
    for (int candidate : {century + twoDigits, century + 100 + twoDigits}) {
        if (std::abs(candidate - today.year()) < std::abs(best - today.year()))
            best = candidate;
    }
    return best;
}

Reading refused(const QString &problem)
{
    Reading r;
    r.state = Reading::Refused;
    r.problem = problem;
    return r;
}

const QString example = QStringLiteral("write it day first, such as 02/12/2026 or 2 December 2026");

Reading checkRange(const QDate &date, Purpose purpose, const QDate &today)
{
    Reading r;
    r.state = Reading::Valid;
    r.date = date;
    switch (purpose) {
    case Purpose::Birth:
        if (date > today)
            return refused(QStringLiteral("%1 is in the future: a date of birth cannot be").arg(inWords(date)));
        if (date.year() < 1900)
            return refused(QStringLiteral("%1 is before 1900: check the year").arg(inWords(date)));
        break;
    case Purpose::Review:
        if (date < today.addYears(-1) || date > today.addYears(1))
            r.toConfirm = QStringLiteral("%1 is more than a year from today").arg(inWords(date));
        break;
    case Purpose::Any:
        if (date.year() < 1900)
            r.toConfirm = QStringLiteral("%1 is before 1900").arg(inWords(date));
        else if (date > today.addYears(10))
            r.toConfirm = QStringLiteral("%1 is more than ten years from today").arg(inWords(date));
        break;
    }
    return r;
}

} // namespace

Reading read(const QString &text, Purpose purpose, const QDate &today)
{
    QString s = text.trimmed().toLower();
    if (s.isEmpty())
        return {};
    // ISO: year first, with dashes only.
    static const QRegularExpression iso(QStringLiteral("^(\\d{4})-(\\d{1,2})-(\\d{1,2})$"));
    QStringList parts;
    bool yearFirst = false;
    if (const QRegularExpressionMatch m = iso.match(s); m.hasMatch()) {
        parts = {m.captured(3), m.captured(2), m.captured(1)};
        yearFirst = true;
    } else {
        static const QRegularExpression separators(QStringLiteral("[\\s/.,\\-]+"));
        parts = s.split(separators, Qt::SkipEmptyParts);
        static const QRegularExpression ordinal(QStringLiteral("^(\\d{1,2})(st|nd|rd|th)$"));
        for (QString &p : parts) {
            if (const QRegularExpressionMatch m = ordinal.match(p); m.hasMatch())
                p = m.captured(1);
        }
    }
    // An optional weekday before or after the date.
    int weekday = 0;
    if (!parts.isEmpty() && !allDigits(parts.first()) && weekdayFromName(parts.first())) {
        weekday = weekdayFromName(parts.takeFirst());
    } else if (!parts.isEmpty() && !allDigits(parts.last()) && weekdayFromName(parts.last())) {
        weekday = weekdayFromName(parts.takeLast());
    }
    for (const QString &p : parts) {
        if (!allDigits(p) && !monthFromName(p))
            return refused(QStringLiteral("\"%1\" is not part of a date: %2").arg(p, example));
    }
    if (parts.size() == 1 && allDigits(parts.first()))
        return refused(QStringLiteral("separate the day, month and year: %1").arg(example));
    if (parts.size() == 2)
        return refused(QStringLiteral("the year is missing: %1").arg(example));
    if (parts.size() != 3)
        return refused(QStringLiteral("this is not a date: %1").arg(example));
    const QString &dayText = parts.at(0), &monthText = parts.at(1), &yearText = parts.at(2);
    if (!allDigits(dayText)) {
        if (monthFromName(dayText) && allDigits(monthText))
            return refused(QStringLiteral("write the day before the month, such as %1 %2 %3")
                               .arg(monthText, english().monthName(monthFromName(dayText)), yearText));
        return refused(QStringLiteral("the day must come first: %1").arg(example));
    }
    if (allDigits(dayText) && dayText.size() == 4 && !yearFirst)
        return refused(QStringLiteral("with the year first, use dashes (2026-12-02); or %1").arg(example));
    if (dayText.size() > 2)
        return refused(QStringLiteral("\"%1\" cannot be a day: %2").arg(dayText, example));
    if (!allDigits(yearText))
        return refused(QStringLiteral("the year must come last: %1").arg(example));
    if (yearText.size() != 2 && yearText.size() != 4)
        return refused(QStringLiteral("write the year with 4 digits, such as 1948"));
    const int day = dayText.toInt();
    int month = 0;
    if (allDigits(monthText)) {
        if (monthText.size() > 2)
            return refused(QStringLiteral("\"%1\" cannot be a month: %2").arg(monthText, example));
        month = monthText.toInt();
        if (month > 12 && day >= 1 && day <= 12)
            return refused(QStringLiteral("there is no month %1: in the UK the day comes first, such as %1/%2/%3 "
                                          "for %1 %4")
                               .arg(monthText, QStringLiteral("%1").arg(day, 2, 10, QLatin1Char('0')), yearText,
                                    english().monthName(day)));
        if (month < 1 || month > 12)
            return refused(QStringLiteral("there is no month %1: months go from 1 to 12").arg(monthText));
    } else {
        month = monthFromName(monthText);
    }
    const int year = yearText.size() == 2 ? fullYear(yearText.toInt(), purpose, today) : yearText.toInt();
    if (year < 1000)
        return refused(QStringLiteral("write the year with 4 digits, such as 1948"));
    const QString monthYear = QStringLiteral("%1 %2").arg(english().monthName(month)).arg(year);
    if (day < 1)
        return refused(QStringLiteral("there is no day 0"));
    const int days = QDate(year, month, 1).daysInMonth();
    if (day > days)
        return refused(QStringLiteral("%1 has %2 days, so there is no %3 %4")
                           .arg(monthYear)
                           .arg(days)
                           .arg(day)
                           .arg(english().monthName(month)));
    const QDate date(year, month, day);
    if (weekday && date.dayOfWeek() != weekday)
        return refused(QStringLiteral("%1 is a %2, not a %3")
                           .arg(QStringLiteral("%1 %2").arg(day).arg(monthYear), english().dayName(date.dayOfWeek()),
                                english().dayName(weekday)));
    return checkRange(date, purpose, today);
}

QString inWords(const QDate &date)
{
    return english().toString(date, QStringLiteral("d MMMM yyyy, dddd"));
}

QString typed(const QDate &date)
{
    return date.isValid() ? english().toString(date, QStringLiteral("dd/MM/yyyy")) : QString();
}

} // namespace coform::UkDate
