// The accounts window, as an admin uses it through the keyboard: File > Accounts (Ctrl+Shift+U); add an account with
// a role and a first password, disable it, re-enable it, reset its password, change its role; each step is in the
// audit trail. The person then signs in with the first password and must choose their own (sign-in dialog and
// command line). A co-production member has no menu item, no shortcut, and the store refuses them.
#include "mainwindow.h"
#include "panelfixture.h"
#include "shared/accountdialog.h"
#include "shared/accountswindow.h"
#include "shared/sharedworkspace.h"
#include "shared/signindialog.h"

#include "store/auditlog.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QPushButton>
#include <QTreeWidget>
#include <QtTest>

using namespace coform;
using coform::test::PanelFixture;

namespace {

QTreeWidgetItem *row(QTreeWidget *list, const QString &name)
{
    for (int i = 0; i < list->topLevelItemCount(); ++i) {
        if (list->topLevelItem(i)->text(0) == name)
            return list->topLevelItem(i);
    }
    return nullptr;
}

/// The account audit rows written since `after` (oldest first), as "action detail".
QStringList auditSince(Database &db, const Session &admin, qint64 after)
{
    QStringList out;
    const Result<QVector<AuditEntry>> rows = AuditLog(db, admin).forAccounts();
    if (!rows.ok())
        return {rows.message()};
    for (const AuditEntry &e : rows.value()) {
        if (e.id > after)
            out.prepend(QStringLiteral("%1 %2 %3").arg(e.userName, e.action, e.detail));
    }
    return out;
}

qint64 lastAuditId(Database &db, const Session &admin)
{
    const Result<QVector<AuditEntry>> rows = AuditLog(db, admin).forAccounts(1);
    return rows.ok() && !rows->isEmpty() ? rows->first().id : 0;
}

/// Brings the window to the front, as a click on it would (the offscreen platform does not on its own).
bool activate(QWidget *window)
{
    QApplication::setActiveWindow(window);
    return QTest::qWaitFor([window] { return QApplication::activeWindow() == window; }, 2000);
}

AccountDialog *openDialog(QWidget *window)
{
    AccountDialog *dialog = nullptr;
    if (!QTest::qWaitFor([&] { return (dialog = window->findChild<AccountDialog *>()) && dialog->isVisible(); }, 5000))
        return nullptr;
    // A person types once the dialog is in front with its first box ready, not while it is still appearing.
    if (!QTest::qWaitForWindowActive(dialog)
        || !QTest::qWaitFor([dialog] { return dialog->focusWidget() && dialog->focusWidget()->hasFocus(); }, 5000))
        return nullptr;
    return dialog;
}

void typePasswords(AccountDialog *dialog, const QString &password)
{
    auto *first = dialog->findChild<QLineEdit *>(QStringLiteral("accountPassword"));
    auto *again = dialog->findChild<QLineEdit *>(QStringLiteral("accountPasswordRepeat"));
    QVERIFY(first && again);
    QTest::mouseClick(first, Qt::LeftButton);
    QTest::keyClicks(first, password);
    QTest::keyClick(first, Qt::Key_Tab);
    QTest::keyClicks(again, password);
    QTest::keyClick(again, Qt::Key_Return);
}

} // namespace

class TestAccountsWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { PanelFixture::setUpApplication(); }

    void anAdminManagesAccountsAndEachStepIsAudited()
    {
        PanelFixture f;
        QVERIFY(f.setUp());
        MainWindow window;
        auto workspace = std::make_unique<SharedWorkspace>(&window, *f.db, *f.ada);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *menuItem = window.findChild<QAction *>(QStringLiteral("actionAccounts"));
        QVERIFY(menuItem);
        QVERIFY(window.menuBar()->findChild<QMenu *>(QStringLiteral("menuFile"))->actions().contains(menuItem));

        QTest::keyClick(&window, Qt::Key_U, Qt::ControlModifier | Qt::ShiftModifier);
        AccountsWindow *accounts = nullptr;
        QTRY_VERIFY((accounts = window.findChild<AccountsWindow *>()) && accounts->isVisible());
        QVERIFY(QTest::qWaitForWindowActive(accounts));
        auto *list = accounts->findChild<QTreeWidget *>(QStringLiteral("accountsList"));
        auto *message = accounts->findChild<QLabel *>(QStringLiteral("accountsMessage"));
        QCOMPARE(list->topLevelItemCount(), 4);
        QVERIFY(row(list, QStringLiteral("Colin")));

        // Add: Alt+A, a name, the role one down from co-production member (reviewer), a first password twice.
        qint64 mark = lastAuditId(*f.db, *f.ada);
        QVERIFY(activate(accounts));
        QTest::keyClick(accounts, Qt::Key_A, Qt::AltModifier);
        AccountDialog *dialog = openDialog(accounts);
        QVERIFY(dialog);
        auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("accountName"));
        QTest::keyClicks(name, QStringLiteral("Dewi"));
        QTest::keyClick(name, Qt::Key_Tab);
        auto *role = dialog->findChild<QComboBox *>(QStringLiteral("accountRole"));
        QVERIFY(role->hasFocus());
        QTest::keyClick(role, Qt::Key_Down);
        typePasswords(dialog, QStringLiteral("first-words-4821"));
        QTRY_VERIFY(!dialog->isVisible());
        QVERIFY(row(list, QStringLiteral("Dewi")));
        QCOMPARE(row(list, QStringLiteral("Dewi"))->text(1), QStringLiteral("Reviewer"));
        QVERIFY(row(list, QStringLiteral("Dewi"))->text(2).contains(QStringLiteral("chooses their own password")));
        QVERIFY(message->text().contains(QStringLiteral("Added Dewi as reviewer")));
        QCOMPARE(auditSince(*f.db, *f.ada, mark),
                 QStringList({QStringLiteral("Ada add-account account 'Dewi' (reviewer)"),
                              QStringLiteral("Ada first-password account 'Dewi' chooses a new password at the next "
                                             "sign-in")}));

        // Disable: the added account is chosen; Alt+D.
        QCOMPARE(list->currentItem()->text(0), QStringLiteral("Dewi"));
        mark = lastAuditId(*f.db, *f.ada);
        QVERIFY(activate(accounts));
        QTest::keyClick(accounts, Qt::Key_D, Qt::AltModifier);
        QTRY_VERIFY(row(list, QStringLiteral("Dewi"))->text(2).startsWith(QStringLiteral("Disabled")));
        QCOMPARE(auditSince(*f.db, *f.ada, mark), QStringList{QStringLiteral("Ada disable-account account 'Dewi'")});
        const Result<Session> refused =
            UserStore(*f.db).signIn(QStringLiteral("Dewi"), QStringLiteral("first-words-4821"));
        QCOMPARE(refused.status(), StoreStatus::NotPermitted);
        QVERIFY(refused.message().contains(QStringLiteral("disabled")));

        // Re-enable: Alt+E.
        mark = lastAuditId(*f.db, *f.ada);
        QVERIFY(accounts->findChild<QPushButton *>(QStringLiteral("enableAccount"))->isEnabled());
        QVERIFY(activate(accounts));
        QTest::keyClick(accounts, Qt::Key_E, Qt::AltModifier);
        QTRY_VERIFY(row(list, QStringLiteral("Dewi"))->text(2).startsWith(QStringLiteral("Active")));
        QCOMPARE(auditSince(*f.db, *f.ada, mark), QStringList{QStringLiteral("Ada enable-account account 'Dewi'")});

        // Reset the password: Alt+P, a new first password twice.
        mark = lastAuditId(*f.db, *f.ada);
        QVERIFY(activate(accounts));
        QTest::keyClick(accounts, Qt::Key_P, Qt::AltModifier);
        dialog = openDialog(accounts);
        QVERIFY(dialog);
        typePasswords(dialog, QStringLiteral("second-words-7302"));
        QTRY_VERIFY(!dialog->isVisible());
        QCOMPARE(auditSince(*f.db, *f.ada, mark),
                 QStringList({QStringLiteral("Ada change-password account 'Dewi'"),
                              QStringLiteral("Ada first-password account 'Dewi' chooses a new password at the next "
                                             "sign-in")}));
        QCOMPARE(UserStore(*f.db).signIn(QStringLiteral("Dewi"), QStringLiteral("first-words-4821")).status(),
                 StoreStatus::NotPermitted);

        // Change the role: Alt+R, one down from reviewer is admin, Enter.
        mark = lastAuditId(*f.db, *f.ada);
        QVERIFY(activate(accounts));
        QTest::keyClick(accounts, Qt::Key_R, Qt::AltModifier);
        dialog = openDialog(accounts);
        QVERIFY(dialog);
        role = dialog->findChild<QComboBox *>(QStringLiteral("accountRole"));
        QTRY_VERIFY(role->hasFocus());
        QTest::keyClick(role, Qt::Key_Down);
        QTest::keyClick(role, Qt::Key_Return);
        QTRY_VERIFY(!dialog->isVisible());
        QCOMPARE(row(list, QStringLiteral("Dewi"))->text(1), QStringLiteral("Admin"));
        QCOMPARE(auditSince(*f.db, *f.ada, mark),
                 QStringList{QStringLiteral("Ada change-role account 'Dewi' is now admin")});

        // The person signs in with the first password and chooses their own there.
        SignInDialog signIn(*f.db);
        signIn.show();
        QVERIFY(QTest::qWaitForWindowExposed(&signIn));
        QTest::keyClicks(signIn.findChild<QLineEdit *>(QStringLiteral("signInName")), QStringLiteral("Dewi"));
        auto *password = signIn.findChild<QLineEdit *>(QStringLiteral("signInPassword"));
        QTest::keyClicks(password, QStringLiteral("second-words-7302"));
        QTest::keyClick(password, Qt::Key_Return);
        auto *own = signIn.findChild<QLineEdit *>(QStringLiteral("signInNewPassword"));
        QTRY_VERIFY(own->isVisible());
        QVERIFY(!signIn.session());
        QVERIFY(signIn.findChild<QLabel *>(QStringLiteral("signInError"))->text().contains(QStringLiteral("choose")));
        QTest::keyClicks(own, QStringLiteral("my-own-words-5519"));
        QTest::keyClick(own, Qt::Key_Tab);
        auto *repeat = signIn.findChild<QLineEdit *>(QStringLiteral("signInRepeatPassword"));
        QTest::keyClicks(repeat, QStringLiteral("my-own-words-5519"));
        QTest::keyClick(repeat, Qt::Key_Return);
        QTRY_VERIFY(signIn.session().has_value());
        QCOMPARE(signIn.result(), int(QDialog::Accepted));
        QCOMPARE(UserStore(*f.db).mustChangePassword(*signIn.session()).value(), false);
        const Result<Session> again =
            UserStore(*f.db).signIn(QStringLiteral("Dewi"), QStringLiteral("my-own-words-5519"));
        QVERIFY2(again.ok(), qPrintable(again.message()));
        QVERIFY(auditSince(*f.db, *f.ada, mark)
                    .contains(QStringLiteral("Dewi own-password account 'Dewi' chose their own password")));
        accounts->close();
        workspace.reset();
    }

    void theCommandLineHonoursAFirstPassword()
    {
        PanelFixture f;
        QVERIFY(f.setUp());
        QVERIFY(UserStore(*f.db)
                    .addUserWithFirstPassword(*f.ada, QStringLiteral("Emrys"), Role::Coproducer,
                                              QStringLiteral("given-words-1180"))
                    .ok());
        auto run = [&](const QStringList &args, const QString &password, const QString &newPassword = {}) {
            QProcess cli;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("COFORM_PASSWORD"), password);
            if (!newPassword.isEmpty())
                env.insert(QStringLiteral("COFORM_NEW_PASSWORD"), newPassword);
            cli.setProcessEnvironment(env);
            cli.start(qEnvironmentVariable("COFORM_CLI"), QStringList(args) << QStringLiteral("--db") << f.path);
            cli.waitForFinished(60000);
            return std::make_pair(cli.exitCode(), QString::fromUtf8(cli.readAllStandardError()));
        };
        const auto listed =
            run({QStringLiteral("template"), QStringLiteral("list"), QStringLiteral("--user"), QStringLiteral("Emrys")},
                QStringLiteral("given-words-1180"));
        QCOMPARE(listed.first, 5);
        QVERIFY2(listed.second.contains(QStringLiteral("choose your own")), qPrintable(listed.second));
        const auto changed = run({QStringLiteral("user"), QStringLiteral("password"), QStringLiteral("Emrys"),
                                  QStringLiteral("--user"), QStringLiteral("Emrys")},
                                 QStringLiteral("given-words-1180"), QStringLiteral("emrys-own-words-66"));
        QVERIFY2(changed.first == 0, qPrintable(changed.second));
        QCOMPARE(
            run({QStringLiteral("template"), QStringLiteral("list"), QStringLiteral("--user"), QStringLiteral("Emrys")},
                QStringLiteral("emrys-own-words-66"))
                .first,
            0);
    }

    void aCoproducerHasNoWayToAccounts()
    {
        PanelFixture f;
        QVERIFY(f.setUp());
        MainWindow window;
        auto workspace = std::make_unique<SharedWorkspace>(&window, *f.db, *f.colin);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!window.findChild<QAction *>(QStringLiteral("actionAccounts")));
        for (QAction *action : window.menuBar()->findChild<QMenu *>(QStringLiteral("menuFile"))->actions())
            QVERIFY2(!action->text().contains(QStringLiteral("ccounts")), qPrintable(action->text()));
        QVERIFY(window.findChild<QAction *>(QStringLiteral("actionChangeMyPassword"))); // their own, yes
        QTest::keyClick(&window, Qt::Key_U, Qt::ControlModifier | Qt::ShiftModifier);
        QTest::qWait(100);
        QVERIFY(!window.findChild<AccountsWindow *>());

        // The store refuses them whatever a window offers.
        UserStore users(*f.db);
        QCOMPARE(users.users(*f.colin).status(), StoreStatus::NotPermitted);
        QCOMPARE(users
                     .addUserWithFirstPassword(*f.colin, QStringLiteral("Fflur"), Role::Admin,
                                               QStringLiteral("sneaky-words-3321"))
                     .status(),
                 StoreStatus::NotPermitted);
        QCOMPARE(users.resetPassword(*f.colin, QStringLiteral("Ada"), QStringLiteral("sneaky-words-3321")).status,
                 StoreStatus::NotPermitted);
        QCOMPARE(users.disableUser(*f.colin, QStringLiteral("Priya")).status, StoreStatus::NotPermitted);
        QCOMPARE(users.enableUser(*f.colin, QStringLiteral("Priya")).status, StoreStatus::NotPermitted);
        QCOMPARE(users.setRole(*f.colin, QStringLiteral("Colin"), Role::Admin).status, StoreStatus::NotPermitted);
        QCOMPARE(AuditLog(*f.db, *f.colin).forAccounts().status(), StoreStatus::NotPermitted);
        // Even a window built for them shows nothing but the refusal.
        AccountsWindow forced(*f.db, *f.colin);
        QCOMPARE(forced.findChild<QTreeWidget *>(QStringLiteral("accountsList"))->topLevelItemCount(), 0);
        QVERIFY(forced.findChild<QLabel *>(QStringLiteral("accountsMessage"))
                    ->text()
                    .contains(QStringLiteral("not permitted")));
        workspace.reset();
    }
};

QTEST_MAIN(TestAccountsWindow)
#include "tst_accountswindow.moc"
