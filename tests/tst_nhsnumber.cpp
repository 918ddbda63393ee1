#include "model/nhsnumber.h"

#include <QtTest>

using namespace coform;

/// NHS numbers as DOMAIN.md gives them: modulus 11, spaces or dashes accepted, shown 3-3-4.
class TestNhsNumber : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void validity_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<bool>("valid");
        QTest::newRow("valid plain") << QStringLiteral("9434765919") << true;
        QTest::newRow("valid spaced") << QStringLiteral("943 476 5919") << true;
        QTest::newRow("valid dashed") << QStringLiteral("943-476-5919") << true;
        QTest::newRow("valid 999 range") << QStringLiteral("999 000 0018") << true;
        QTest::newRow("wrong check digit") << QStringLiteral("943 476 5918") << false;
        QTest::newRow("check would be 10") << QStringLiteral("999 123 4560") << false;
        QTest::newRow("all zeros") << QStringLiteral("000 000 0000") << false;
        QTest::newRow("nine digits") << QStringLiteral("943476591") << false;
        QTest::newRow("eleven digits") << QStringLiteral("94347659190") << false;
        QTest::newRow("letters") << QStringLiteral("943A765919") << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("arabic-indic digits") << QStringLiteral("٩٤٣٤٧٦٥٩١٩") << false;
    }
    void validity()
    {
        QFETCH(QString, input);
        QFETCH(bool, valid);
        QCOMPARE(NhsNumber::isValid(input), valid);
        QCOMPARE(NhsNumber::problem(input).isEmpty(), valid);
    }

    void problemsAreInWords()
    {
        QVERIFY(NhsNumber::problem(QStringLiteral("943 476 5918")).contains(QLatin1String("not a valid NHS number")));
        QVERIFY(NhsNumber::problem(QStringLiteral("12345")).contains(QLatin1String("10 digits")));
        QVERIFY(NhsNumber::problem(QStringLiteral("0000000000")).contains(QLatin1String("not a real")));
    }

    void formatting()
    {
        QCOMPARE(NhsNumber::formatted(QStringLiteral("9434765919")), QStringLiteral("943 476 5919"));
        QCOMPARE(NhsNumber::formatted(QStringLiteral("943-476-5919")), QStringLiteral("943 476 5919"));
        QCOMPARE(NhsNumber::normalize(QStringLiteral(" 943 476-5919 ")).value_or(QString()),
                 QStringLiteral("9434765919"));
        QCOMPARE(NhsNumber::formatted(QStringLiteral("123")), QStringLiteral("123"));
    }
};

QTEST_GUILESS_MAIN(TestNhsNumber)
#include "tst_nhsnumber.moc"
