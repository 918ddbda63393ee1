// Signing in before reviews: the first admin on a new database, then signing in, with reasons in words.
#include "shared/firstadmindialog.h"
#include "shared/signindialog.h"
#include "store/database.h"
#include "store/userstore.h"

#include <QAccessible>
#include <QLabel>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace coform;

class TestReviewSignIn : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void firstAdminThenSignIn();
};

void TestReviewSignIn::firstAdminThenSignIn()
{
    QTemporaryDir dir;
    QString error;
    std::unique_ptr<Database> db = Database::open(dir.filePath(QStringLiteral("c.sqlite")), &error);
    QVERIFY2(db, qPrintable(error));

    FirstAdminDialog first(*db);
    QTest::keyClicks(first.findChild<QLineEdit *>(QStringLiteral("firstAdminName")), QStringLiteral("ada"));
    QTest::keyClicks(first.findChild<QLineEdit *>(QStringLiteral("firstAdminPassword")),
                     QStringLiteral("long enough 1"));
    QTest::keyClicks(first.findChild<QLineEdit *>(QStringLiteral("firstAdminRepeat")), QStringLiteral("long enough 2"));
    QVERIFY(!first.tryCreate());
    QVERIFY(
        first.findChild<QLabel *>(QStringLiteral("firstAdminError"))->text().contains(QLatin1String("not the same")));
    QVERIFY(!UserStore(*db).hasUsers().value());
    first.findChild<QLineEdit *>(QStringLiteral("firstAdminRepeat"))->setText(QStringLiteral("long enough 1"));
    QVERIFY(first.tryCreate());
    QCOMPARE(first.session()->role(), Role::Admin);

    SignInDialog signIn(*db);
    QTest::keyClicks(signIn.findChild<QLineEdit *>(QStringLiteral("signInName")), QStringLiteral("ada"));
    QTest::keyClicks(signIn.findChild<QLineEdit *>(QStringLiteral("signInPassword")), QStringLiteral("wrong password"));
    QVERIFY(!signIn.trySignIn());
    auto *reason = signIn.findChild<QLabel *>(QStringLiteral("signInError"));
    QVERIFY(!reason->text().isEmpty());
    QVERIFY(!reason->text().contains(QLatin1String("wrong password")));
    // A screen reader reads the message itself, not what the label is for.
    QAccessibleInterface *read = QAccessible::queryAccessibleInterface(reason);
    QVERIFY(read);
    QCOMPARE(read->text(QAccessible::Name), reason->text());
    QTest::keyClicks(signIn.findChild<QLineEdit *>(QStringLiteral("signInPassword")), QStringLiteral("long enough 1"));
    QVERIFY(signIn.trySignIn());
    QCOMPARE(signIn.session()->userName(), QStringLiteral("ada"));
}

QTEST_MAIN(TestReviewSignIn)
#include "tst_review_signin.moc"
