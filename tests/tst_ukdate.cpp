#include "dategen.h"
#include "model/ukdate.h"

#include <QtTest>

using namespace coform;
using coform::test::DateGenerator;
using coform::test::TypedDate;

/// The UK date reader behind every date box: what it reads, what it refuses and the words it uses.
class TestUkDate : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void examples_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<int>("purpose");
        QTest::addColumn<QDate>("expected");
        const int any = int(UkDate::Purpose::Any), birth = int(UkDate::Purpose::Birth);
        QTest::newRow("dd/mm/yyyy") << QStringLiteral("02/12/2026") << any << QDate(2026, 12, 2);
        QTest::newRow("d/m/yyyy") << QStringLiteral("2/12/2026") << any << QDate(2026, 12, 2);
        QTest::newRow("d m yyyy") << QStringLiteral("2 12 2026") << any << QDate(2026, 12, 2);
        QTest::newRow("d.m.yy") << QStringLiteral("2.12.26") << any << QDate(2026, 12, 2);
        QTest::newRow("12 March 1948") << QStringLiteral("12 March 1948") << birth << QDate(1948, 3, 12);
        QTest::newRow("12 Mar 48 (birth)") << QStringLiteral("12 Mar 48") << birth << QDate(1948, 3, 12);
        QTest::newRow("12/03/1948") << QStringLiteral("12/03/1948") << birth << QDate(1948, 3, 12);
        QTest::newRow("ISO") << QStringLiteral("2026-12-02") << any << QDate(2026, 12, 2);
        QTest::newRow("15/06/2024") << QStringLiteral("15/06/2024") << any << QDate(2024, 6, 15);
        QTest::newRow("ordinal") << QStringLiteral("2nd December 2026") << any << QDate(2026, 12, 2);
        QTest::newRow("in words, as shown")
            << QStringLiteral("2 December 2026, Wednesday") << any << QDate(2026, 12, 2);
        QTest::newRow("sept") << QStringLiteral("1 Sept 2026") << any << QDate(2026, 9, 1);
        QTest::newRow("29 Feb leap") << QStringLiteral("29/02/2024") << any << QDate(2024, 2, 29);
        // Two-digit years: a date of birth is never in the future; other dates take the year nearest today.
        QTest::newRow("yy birth 19 -> 2019") << QStringLiteral("1/1/19") << birth << QDate(2019, 1, 1);
        QTest::newRow("yy birth 27 -> 1927") << QStringLiteral("1/1/27") << birth << QDate(1927, 1, 1);
        QTest::newRow("yy any 48 -> 2048") << QStringLiteral("1/1/48") << any << QDate(2048, 1, 1);
        QTest::newRow("yy any 77 -> 1977") << QStringLiteral("1/1/77") << any << QDate(1977, 1, 1);
    }
    void examples()
    {
        QFETCH(QString, typed);
        QFETCH(int, purpose);
        QFETCH(QDate, expected);
        const UkDate::Reading r = UkDate::read(typed, UkDate::Purpose(purpose), QDate(2026, 12, 2));
        QVERIFY2(r.state == UkDate::Reading::Valid, qPrintable(r.problem));
        QCOMPARE(r.date, expected);
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<int>("purpose");
        QTest::addColumn<QString>("because");
        const int any = int(UkDate::Purpose::Any), birth = int(UkDate::Purpose::Birth);
        QTest::newRow("31/02/2026") << QStringLiteral("31/02/2026") << any
                                    << QStringLiteral("February 2026 has 28 days, so there is no 31 February");
        QTest::newRow("2/13/2026") << QStringLiteral("2/13/2026") << any
                                   << QStringLiteral("there is no month 13: in the UK the day comes first");
        QTest::newRow("29/02/2026") << QStringLiteral("29/02/2026") << any << QStringLiteral("28 days");
        QTest::newRow("no year") << QStringLiteral("12/03") << any << QStringLiteral("the year is missing");
        QTest::newRow("digits run together")
            << QStringLiteral("02122026") << any << QStringLiteral("separate the day, month and year");
        QTest::newRow("US with name") << QStringLiteral("March 12 1948") << any
                                      << QStringLiteral("write the day before the month, such as 12 March 1948");
        QTest::newRow("wrong weekday") << QStringLiteral("Tuesday 2 December 2026") << any
                                       << QStringLiteral("is a Wednesday, not a Tuesday");
        QTest::newRow("birth in the future") << QStringLiteral("3/12/2026") << birth << QStringLiteral("in the future");
        QTest::newRow("birth before 1900") << QStringLiteral("31/12/1899") << birth << QStringLiteral("before 1900");
        QTest::newRow("three-digit year") << QStringLiteral("1/1/948") << any << QStringLiteral("4 digits");
    }
    void refusals()
    {
        QFETCH(QString, typed);
        QFETCH(int, purpose);
        QFETCH(QString, because);
        const UkDate::Reading r = UkDate::read(typed, UkDate::Purpose(purpose), QDate(2026, 12, 2));
        QCOMPARE(r.state, UkDate::Reading::Refused);
        QVERIFY2(r.problem.contains(because), qPrintable(r.problem));
        QVERIFY(!r.date.isValid());
    }

    void emptyIsNotAnswered()
    {
        QCOMPARE(UkDate::read(QStringLiteral("   "), UkDate::Purpose::Any).state, UkDate::Reading::Empty);
    }

    void reviewDatesFarFromTodayAreConfirmed()
    {
        const QDate today(2026, 12, 2);
        UkDate::Reading r = UkDate::read(QStringLiteral("02/12/2027"), UkDate::Purpose::Review, today);
        QCOMPARE(r.state, UkDate::Reading::Valid);
        QVERIFY(r.toConfirm.isEmpty());
        r = UkDate::read(QStringLiteral("03/12/2027"), UkDate::Purpose::Review, today);
        QCOMPARE(r.state, UkDate::Reading::Valid);
        QCOMPARE(r.toConfirm, QStringLiteral("3 December 2027, Friday is more than a year from today"));
        r = UkDate::read(QStringLiteral("01/12/2025"), UkDate::Purpose::Review, today);
        QVERIFY(!r.toConfirm.isEmpty());
    }

    void inWords()
    {
        QCOMPARE(UkDate::inWords(QDate(2026, 12, 2)), QStringLiteral("2 December 2026, Wednesday"));
        QCOMPARE(UkDate::typed(QDate(2026, 12, 2)), QStringLiteral("02/12/2026"));
    }

    /// Thousands of generated dates in every accepted form read exactly; thousands of impossible ones are refused.
    void generatedDates()
    {
        const QDate today(2026, 12, 2);
        for (const UkDate::Purpose purpose : {UkDate::Purpose::Any, UkDate::Purpose::Review, UkDate::Purpose::Birth}) {
            DateGenerator gen(20261202u + quint32(purpose), purpose, today);
            for (int i = 0; i < 3000; ++i) {
                const TypedDate t = gen.valid(i % DateGenerator::FormCount);
                const UkDate::Reading r = UkDate::read(t.text, purpose, today);
                QVERIFY2(r.state == UkDate::Reading::Valid && r.date == t.expected && r.toConfirm.isEmpty(),
                         qPrintable(QStringLiteral("%1 (%2): %3 %4")
                                        .arg(t.text, t.form, r.date.toString(Qt::ISODate), r.problem + r.toConfirm)));
                // Written back as the box shows a stored date, it reads the same.
                QCOMPARE(UkDate::read(UkDate::typed(r.date), purpose, today).date, t.expected);
                QCOMPARE(UkDate::read(UkDate::inWords(r.date), purpose, today).date, t.expected);
            }
            for (int i = 0; i < 2000; ++i) {
                const TypedDate t = gen.invalid(i);
                const UkDate::Reading r = UkDate::read(t.text, purpose, today);
                QVERIFY2(r.state == UkDate::Reading::Refused && r.problem.contains(t.because),
                         qPrintable(QStringLiteral("%1 (%2): %3").arg(t.text, t.form, r.problem)));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestUkDate)
#include "tst_ukdate.moc"
