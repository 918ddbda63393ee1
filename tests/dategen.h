// Generated dates for the date property tests (core parser and the date box): valid dates written in every form
// the UK date reader accepts, with the date each must read as, and invalid ones with words the refusal must hold.
#pragma once

#include "model/ukdate.h"

#include <QDate>
#include <QLocale>
#include <QRandomGenerator>
#include <QStringList>

namespace coform::test {

struct TypedDate
{
    QString text;
    QDate expected;  ///< valid: what it must read as
    QString because; ///< invalid: a fragment the refusal must contain
    QString form;    ///< which form, for failure messages
};

/// Valid dates for `purpose`, measured from `today`: within the range that needs no confirmation, so that each reads
/// straight away (two-digit years only where the year rule gives the same date back).
class DateGenerator
{
public:
    DateGenerator(quint32 seed, UkDate::Purpose purpose, const QDate &today)
        : m_random(seed)
        , m_purpose(purpose)
        , m_today(today)
    {}

    static constexpr int FormCount = 11;

    QDate randomDate(bool twoDigitYear)
    {
        QDate from, to;
        switch (m_purpose) {
        case UkDate::Purpose::Birth:
            from = twoDigitYear ? QDate(m_today.year() - 98, 1, 1) : QDate(1900, 1, 1);
            to = m_today;
            break;
        case UkDate::Purpose::Review:
            from = m_today.addYears(-1);
            to = m_today.addYears(1);
            break;
        case UkDate::Purpose::Any:
            from = twoDigitYear ? QDate(m_today.year() - 49, 1, 1) : QDate(1900, 1, 1);
            to = twoDigitYear ? QDate(m_today.year() + 49, 12, 31) : m_today.addYears(10);
            if (to > m_today.addYears(10))
                to = m_today.addYears(10);
            break;
        }
        return from.addDays(qint64(m_random.bounded(quint32(from.daysTo(to) + 1))));
    }

    TypedDate valid(int form)
    {
        const QLocale en(QLocale::English, QLocale::UnitedKingdom);
        const bool twoDigits = form == 3 || form == 5;
        const QDate d = randomDate(twoDigits);
        const QString day = QString::number(d.day()), month = QString::number(d.month());
        const QString dd = QStringLiteral("%1").arg(d.day(), 2, 10, QLatin1Char('0'));
        const QString mm = QStringLiteral("%1").arg(d.month(), 2, 10, QLatin1Char('0'));
        const QString yyyy = QString::number(d.year());
        const QString yy = QStringLiteral("%1").arg(d.year() % 100, 2, 10, QLatin1Char('0'));
        const QString monthName = en.monthName(d.month());
        const QString shortMonth = monthName.left(3);
        const QString weekday = en.dayName(d.dayOfWeek());
        QString text, name;
        switch (form) {
        case 0:
            text = day + u'/' + month + u'/' + yyyy;
            name = QStringLiteral("d/m/yyyy");
            break;
        case 1:
            text = dd + u'/' + mm + u'/' + yyyy;
            name = QStringLiteral("dd/mm/yyyy");
            break;
        case 2:
            text = day + u' ' + month + u' ' + yyyy;
            name = QStringLiteral("d m yyyy");
            break;
        case 3:
            text = day + u'.' + month + u'.' + yy;
            name = QStringLiteral("d.m.yy");
            break;
        case 4:
            text = day + u' ' + monthName + u' ' + yyyy;
            name = QStringLiteral("d MMMM yyyy");
            break;
        case 5:
            text = day + u' ' + shortMonth + u' ' + yy;
            name = QStringLiteral("d MMM yy");
            break;
        case 6:
            text = yyyy + u'-' + mm + u'-' + dd;
            name = QStringLiteral("ISO");
            break;
        case 7:
            text = dd + u'-' + mm + u'-' + yyyy;
            name = QStringLiteral("dd-mm-yyyy");
            break;
        case 8:
            text = dd + u'.' + mm + u'.' + yyyy;
            name = QStringLiteral("dd.mm.yyyy");
            break;
        case 9:
            text = QStringLiteral("%1 %2 %3 %4").arg(weekday, day, monthName.toUpper(), yyyy);
            name = QStringLiteral("weekday d MONTH yyyy");
            break;
        default:
            text = QStringLiteral("  %1 %2 %3, %4 ").arg(day, shortMonth.toLower(), yyyy, weekday);
            name = QStringLiteral("d mon yyyy, weekday (spaces around)");
            break;
        }
        return {text, d, {}, name};
    }

    /// Dates that must be refused, with words the refusal must hold.
    TypedDate invalid(int kind)
    {
        const int year = int(m_random.bounded(1950, 2030));
        const QString y = QString::number(year);
        const int month = int(m_random.bounded(1, 13));
        const int day = int(m_random.bounded(1, 13));
        const int daysIn = QDate(year, month, 1).daysInMonth();
        switch (kind % 9) {
        case 0: // a day past the month's end
            return {
                QStringLiteral("%1/%2/%3").arg(daysIn + 1 + int(m_random.bounded(0, 32 - daysIn))).arg(month).arg(y),
                {},
                QStringLiteral("days, so there is no"),
                QStringLiteral("day past the month's end")};
        case 1: // month and day swapped, US style
            return {QStringLiteral("%1/%2/%3").arg(day).arg(int(m_random.bounded(13, 32))).arg(y),
                    {},
                    QStringLiteral("the day comes first"),
                    QStringLiteral("US order")};
        case 2:
            return {QStringLiteral("%1/%2").arg(day).arg(month),
                    {},
                    QStringLiteral("the year is missing"),
                    QStringLiteral("no year")};
        case 3:
            return {QStringLiteral("%1/%2/%3").arg(day).arg(month).arg(int(m_random.bounded(100, 1000))),
                    {},
                    QStringLiteral("4 digits"),
                    QStringLiteral("three-digit year")};
        case 4:
            return {
                QStringLiteral("0/%1/%2").arg(month).arg(y), {}, QStringLiteral("no day 0"), QStringLiteral("day 0")};
        case 5:
            return {
                QStringLiteral("%1/0/%2").arg(day).arg(y), {}, QStringLiteral("no month 0"), QStringLiteral("month 0")};
        case 6:
            return {QStringLiteral("%1/%2/%3").arg(y).arg(month).arg(day),
                    {},
                    QStringLiteral("dashes"),
                    QStringLiteral("year first with slashes")};
        case 7: {
            const QDate d(year, month, day);
            const int wrong = d.dayOfWeek() % 7 + 1;
            return {QStringLiteral("%1 %2").arg(QLocale(QLocale::English).dayName(wrong),
                                                QLocale(QLocale::English).toString(d, QStringLiteral("d MMMM yyyy"))),
                    {},
                    QStringLiteral("not a ") + QLocale(QLocale::English).dayName(wrong),
                    QStringLiteral("wrong weekday")};
        }
        default: {
            static const QStringList words = {QStringLiteral("tomorrow"), QStringLiteral("12 Smarch 2026"),
                                              QStringLiteral("next week"), QStringLiteral("1st of May 2026"),
                                              QStringLiteral("2/1O/2026")};
            return {words.at(int(m_random.bounded(qsizetype(words.size())))),
                    {},
                    QStringLiteral("not part of a date"),
                    QStringLiteral("words")};
        }
        }
    }

private:
    QRandomGenerator m_random;
    UkDate::Purpose m_purpose;
    QDate m_today;
};

} // namespace coform::test
