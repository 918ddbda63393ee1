// The window left alone locks itself: after the idle time every window is hidden behind the sign-in dialog; only the
// same account can unlock it, and then the unsaved work is back as it was. File > Sign out is there for the next
// person. The idle time is a few seconds here (COFORM_IDLE_LOCK_SECONDS) instead of minutes.
#include "mainwindow.h"
#include "panelfixture.h"
#include "shared/sessionlock.h"
#include "shared/sharedworkspace.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QTextEdit>
#include <QtTest>

using namespace coform;

namespace {

const QString kSmall = QStringLiteral(COFORM_TEST_DATA_DIR "/gui/small-review.json");

QWidget *visibleLockDialog()
{
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (w->objectName() == QLatin1String("lockDialog") && w->isVisible())
            return w;
    }
    return nullptr;
}

} // namespace

class TestIdleLock : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        test::PanelFixture::setUpApplication();
        qputenv("COFORM_IDLE_LOCK_SECONDS", "2");
    }

    void theWindowLocksAndComesBackWithTheWorkIntact()
    {
        test::PanelFixture f;
        QVERIFY(f.setUp());
        MainWindow window;
        SharedWorkspace workspace(&window, *f.db, *f.rita);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.findChild<QAction *>(QStringLiteral("actionSignOut")));
        QVERIFY(window.openTemplateFile(kSmall));
        QVERIFY(window.selectId(QStringLiteral("review-type")));

        // Unsaved work: words typed into a question.
        auto *text = window.findChild<QTextEdit *>(QStringLiteral("propertyText"));
        QVERIFY(text);
        QTest::mouseClick(text->viewport(), Qt::LeftButton);
        QTest::keyClick(text, Qt::Key_End, Qt::ControlModifier);
        QTest::keyClicks(text, " (typed before the lock)");
        const QString typed = window.document()->content().findItem(QStringLiteral("review-type"))->label;
        QVERIFY2(typed.endsWith(QLatin1String(" (typed before the lock)")), qPrintable(typed));
        QVERIFY(window.document()->isModified());

        // Left alone, the window hides behind the sign-in dialog.
        QTRY_VERIFY_WITH_TIMEOUT(visibleLockDialog() != nullptr, 15000);
        QVERIFY(!window.isVisible());
        QWidget *dialog = visibleLockDialog();
        auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("signInName"));
        auto *password = dialog->findChild<QLineEdit *>(QStringLiteral("signInPassword"));
        auto *error = dialog->findChild<QLabel *>(QStringLiteral("signInError"));
        QCOMPARE(name->text(), QStringLiteral("Rita"));

        // Someone else cannot unlock it, even with their own right password.
        QTest::mouseClick(name, Qt::LeftButton);
        QTest::keyClick(name, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(name, "Ada");
        QTest::mouseClick(password, Qt::LeftButton);
        QTest::keyClicks(password, "admin-password");
        QTest::keyClick(password, Qt::Key_Return);
        QVERIFY(visibleLockDialog());
        QVERIFY2(error->text().contains(QLatin1String("only Rita can unlock it")), qPrintable(error->text()));
        QVERIFY(!window.isVisible());

        // A wrong password neither.
        QTest::mouseClick(name, Qt::LeftButton);
        QTest::keyClick(name, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(name, "rita");
        QTest::mouseClick(password, Qt::LeftButton);
        QTest::keyClicks(password, "not-the-password");
        QTest::keyClick(password, Qt::Key_Return);
        QVERIFY(visibleLockDialog());
        QVERIFY(error->text().contains(QLatin1String("wrong name or password")));

        // Rita signs in again: the window is back, with her unsaved words.
        QTest::mouseClick(password, Qt::LeftButton);
        QTest::keyClicks(password, "reviewer-password");
        QTest::keyClick(password, Qt::Key_Return);
        QTRY_VERIFY(window.isVisible());
        QVERIFY(!visibleLockDialog());
        QCOMPARE(window.document()->content().findItem(QStringLiteral("review-type"))->label, typed);
        QVERIFY(window.document()->isModified());
        QVERIFY(text->toPlainText().endsWith(QLatin1String(" (typed before the lock)")));

        // Using it keeps it open; leaving it again locks it again.
        for (int i = 0; i < 3; ++i) {
            QTest::qWait(700);
            QTest::keyClick(text, Qt::Key_Right);
            QVERIFY(window.isVisible());
        }
        QTRY_VERIFY_WITH_TIMEOUT(visibleLockDialog() != nullptr, 15000);
        password = visibleLockDialog()->findChild<QLineEdit *>(QStringLiteral("signInPassword"));
        QTest::mouseClick(password, Qt::LeftButton);
        QTest::keyClicks(password, "reviewer-password");
        QTest::keyClick(password, Qt::Key_Return);
        QTRY_VERIFY(window.isVisible());
    }

    void signingOutClosesEveryWindow()
    {
        test::PanelFixture f;
        QVERIFY(f.setUp());
        MainWindow window;
        SharedWorkspace workspace(&window, *f.db, *f.rita);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!SessionLock::signOutRequested());
        // File > Sign out by its shortcut: the window closes, and the application will ask for a sign-in again.
        QTest::keyClick(&window, Qt::Key_Q, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(!window.isVisible());
        QVERIFY(SessionLock::signOutRequested());
        SessionLock::clearSignOutRequest();
    }
};

QTEST_MAIN(TestIdleLock)
#include "tst_idlelock.moc"
