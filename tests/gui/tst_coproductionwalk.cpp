// Co-production that a lived-experience member can follow without help: a coproducer signs in and is shown what
// needs them, reads a first version's "What changed" (the whole form as new, with its coverage), comments and approves
// with the keyboard only, and is told what is still needed; an admin publishing over an open comment is asked, and the
// reason lands in the "What changed" PDF under "Not changed, and why". Other people act in other processes
// (coform-cli).
#include "mainwindow.h"
#include "panelfixture.h"
#include "shared/diffview.h"
#include "shared/opencommentsdialog.h"
#include "shared/sharedworkspace.h"
#include "shared/signindialog.h"
#include "shared/whatneedsyoupage.h"

#include "store/commentstore.h"

#include <QApplication>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QScreen>
#include <QTabBar>
#include <QTimer>
#include <QTreeWidget>

#include <poppler-qt6.h>

using namespace coform;
using coform::test::PanelFixture;

namespace {

const QString TemplateId = QString::fromLatin1(PanelFixture::TemplateId);

/// coform-cli as another person, in another process; its exit code (-1 when it did not finish).
int cliAs(const PanelFixture &f, const QString &user, const QString &password, QStringList args, QString *out = nullptr)
{
    args << QStringLiteral("--db") << f.path << QStringLiteral("--user") << user;
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("COFORM_PASSWORD"), password);
    p.setProcessEnvironment(env);
    p.start(qEnvironmentVariable("COFORM_CLI"), args);
    p.closeWriteChannel();
    if (!p.waitForFinished(60000))
        return -1;
    if (out)
        *out = QString::fromUtf8(p.readAllStandardOutput());
    if (p.exitCode() != 0)
        qWarning() << p.readAllStandardError();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

/// With COFORM_SCREENSHOT_DIR set (run under Xvfb with QT_QPA_PLATFORM=xcb), saves the whole screen as NAME.png; with
/// COFORM_SCENE=NAME and COFORM_SCENE_HOLD=SECONDS, holds the scene that long (for the accessibility audit).
void scene(const QString &name)
{
    const QString dir = qEnvironmentVariable("COFORM_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        QTest::qWait(800);
        QGuiApplication::primaryScreen()->grabWindow(0).save(QDir(dir).filePath(name + QStringLiteral(".png")));
    }
    if (qEnvironmentVariable("COFORM_SCENE") == name)
        QTest::qWait(qEnvironmentVariableIntValue("COFORM_SCENE_HOLD") * 1000);
}

/// Answers the modal dialogs that open while `act` runs: each is handed to `handle`, once.
void whileModal(const std::function<void()> &act, const std::function<void(QWidget *)> &handle)
{
    QTimer watch;
    QWidget *last = nullptr;
    watch.setInterval(50);
    QObject::connect(&watch, &QTimer::timeout, [&] {
        QWidget *modal = QApplication::activeModalWidget();
        if (!modal || modal == last || !modal->isVisible())
            return;
        last = modal;
        handle(modal);
    });
    watch.start();
    act();
    watch.stop();
}

} // namespace

class TestCoproductionWalk : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        PanelFixture::setUpApplication();
        QVERIFY2(QFileInfo::exists(qEnvironmentVariable("COFORM_CLI")), "COFORM_CLI must name the built coform-cli");
    }

    void aCoproducerIsShownTheFirstVersionAndApprovesItByKeyboard()
    {
        PanelFixture f;
        QVERIFY(f.setUp());
        // Rita, in her own process, asks the group to approve the first version.
        QCOMPARE(cliAs(f, QStringLiteral("Rita"), QStringLiteral("reviewer-password"),
                       {QStringLiteral("template"), QStringLiteral("propose"), TemplateId}),
                 0);

        // Priya signs in with the keyboard.
        SignInDialog signIn(*f.db);
        signIn.show();
        signIn.activateWindow(); // as a window manager would (none under Xvfb)
        QVERIFY(QTest::qWaitForWindowActive(&signIn));
        auto *name = signIn.findChild<QLineEdit *>(QStringLiteral("signInName"));
        auto *password = signIn.findChild<QLineEdit *>(QStringLiteral("signInPassword"));
        QTest::keyClicks(name, QStringLiteral("Priya"));
        QTest::keyClick(name, Qt::Key_Tab);
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("priya-password"));
        QCOMPARE(QApplication::focusWidget(), password);
        QTest::keyClick(password, Qt::Key_Return);
        QTRY_COMPARE(signIn.result(), int(QDialog::Accepted));
        const std::optional<Session> session = signIn.session();
        QVERIFY(session && session->role() == Role::Coproducer);

        MainWindow window;
        window.setGeometry(0, 0, 1366, 768);
        SharedWorkspace workspace(&window, *f.db, *session);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        workspace.showStartPage();

        // The start page comes first: the version waiting for her, in words; the menu counts it.
        WhatNeedsYouPage *page = workspace.whatNeedsYouPage();
        QTRY_VERIFY(page->isVisible());
        QVERIFY(QTest::qWaitForWindowActive(page));
        auto *needs = page->findChild<QListWidget *>(QStringLiteral("whatNeedsYouList"));
        QCOMPARE(needs->count(), 1);
        QVERIFY2(needs->item(0)->text().contains(QStringLiteral("Version 1 of")), qPrintable(needs->item(0)->text()));
        QVERIFY2(needs->item(0)->text().contains(QStringLiteral("waiting for your approval")),
                 qPrintable(needs->item(0)->text()));
        QVERIFY(needs->item(0)->text().contains(QStringLiteral("Rita asked the group")));
        QTRY_COMPARE(QApplication::focusWidget(), needs);
        QVERIFY(
            window.findChild<QMenu *>(QStringLiteral("menuShared"))->title().contains(QStringLiteral("(1 for you)")));
        scene(QStringLiteral("start-page"));

        // Enter opens it, on what changed: for a first version, the whole form as new, with its coverage.
        QTest::keyClick(needs, Qt::Key_Return);
        QTRY_VERIFY(!page->isVisible());
        QCOMPARE(window.document()->origin(), TemplateDocument::Origin::Store);
        auto *diffList = window.findChild<QTreeWidget *>(QStringLiteral("diffList"));
        auto *diffStatus = window.findChild<QLabel *>(QStringLiteral("diffStatus"));
        QVERIFY(diffList && diffStatus);
        QTRY_VERIFY(diffList->isVisible());
        QTRY_COMPARE(QApplication::focusWidget(), diffList);
        const Template v1 = window.document()->content();
        int questions = 0, infoTexts = 0;
        for (const Item *item : v1.allItems())
            (item->type == ItemType::Info ? infoTexts : questions) += 1;
        QVERIFY(infoTexts > 1 && questions > 1);
        QCOMPARE(diffList->topLevelItemCount(), questions + infoTexts);
        QVERIFY2(diffStatus->text().startsWith(QStringLiteral("Version 1 is the first version, so the whole form is "
                                                              "new: %1 questions and %2 information texts in %3 "
                                                              "sections.")
                                                   .arg(questions)
                                                   .arg(infoTexts)
                                                   .arg(v1.sections.size())),
                 qPrintable(diffStatus->text()));
        QVERIFY2(diffStatus->text().contains(QStringLiteral("framework requirements")), qPrintable(diffStatus->text()));
        QVERIFY(diffList->topLevelItem(0)->text(1).contains(QStringLiteral("Added")));
        // What to do here, whole, above the list.
        auto *hint = window.findChild<QLabel *>(QStringLiteral("diffHint"));
        QVERIFY(hint && hint->isVisible());
        QVERIFY2(hint->text().contains(QLatin1String("Ctrl+Shift+M comments on it"))
                     && hint->text().endsWith(QLatin1String("Ctrl+Shift+A approves the version.")),
                 qPrintable(hint->text()));
        scene(QStringLiteral("first-version-what-changed"));

        // She goes down to the second question and, still in the list, Ctrl+Shift+M comments on it (as the hint in
        // the panel says): the comments, ready to type; Tab to "Add a new comment", Space.
        QTest::keyClick(diffList, Qt::Key_Down);
        const QString questionId = diffList->currentItem()->data(0, Qt::UserRole).toString();
        QVERIFY(!questionId.isEmpty());
        QVERIFY(window.currentId() != questionId);
        QTest::keyClick(diffList, Qt::Key_M, Qt::ControlModifier | Qt::ShiftModifier);
        auto *commentText = window.findChild<QPlainTextEdit *>(QStringLiteral("commentsText"));
        QTRY_COMPARE(QApplication::focusWidget(), commentText);
        QTest::keyClicks(commentText, QStringLiteral("Could this say who to ring if I am not sure?"));
        QTest::keyClick(commentText, Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("commentsAdd"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
        const Result<QVector<CommentThread>> threads =
            CommentStore(*f.db, *f.ada).threadsOnItem(TemplateId, questionId);
        QVERIFY(threads.ok());
        QCOMPARE(threads->size(), 1);
        QCOMPARE(threads->first().comments.first().author, QStringLiteral("Priya"));
        QCOMPARE(window.currentId(), questionId);

        // F1 lists the shortcuts of every menu, the shared templates' too.
        QString shortcuts;
        whileModal([&] { QTest::keyClick(QApplication::focusWidget(), Qt::Key_F1); },
                   [&](QWidget *modal) {
                       auto *list = modal->findChild<QTreeWidget *>(QStringLiteral("shortcutsList"));
                       QVERIFY(list);
                       QStringList lines;
                       for (int i = 0; i < list->topLevelItemCount(); ++i)
                           lines << list->topLevelItem(i)->text(0) + QStringLiteral(": ")
                                        + list->topLevelItem(i)->text(1);
                       shortcuts = lines.join(QLatin1Char('\n'));
                       // It fits the screen (the list scrolls), and Escape closes it.
                       QVERIFY(modal->frameGeometry().height() <= modal->screen()->availableGeometry().height());
                       QTest::keyClick(list, Qt::Key_Escape);
                   });
        for (const QString &line : {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M).toString(QKeySequence::NativeText)
                                        + QStringLiteral(": Comment on the chosen question"),
                                    QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O).toString(QKeySequence::NativeText)
                                        + QStringLiteral(": Open a shared template…")})
            QVERIFY2(shortcuts.split(QLatin1Char('\n')).contains(line), qPrintable(shortcuts));
        window.activateWindow(); // the window manager's part once a message closes
        QVERIFY(QTest::qWaitForWindowActive(&window));

        // Back on "What changed" (its tab beside the comments), the third question, and Enter takes her to it.
        QTabBar *docks = nullptr;
        int whatChanged = -1;
        for (QTabBar *bar : window.findChildren<QTabBar *>()) {
            for (int i = 0; i < bar->count() && !docks; ++i) {
                if (bar->tabText(i).remove(QLatin1Char('&')).startsWith(QLatin1String("What changed"))) {
                    docks = bar;
                    whatChanged = i;
                }
            }
        }
        QVERIFY(docks);
        QTest::mouseClick(docks, Qt::LeftButton, {}, docks->tabRect(whatChanged).center());
        QTRY_VERIFY(diffList->isVisible());
        QTest::mouseClick(diffList->viewport(), Qt::LeftButton, {},
                          diffList->visualItemRect(diffList->topLevelItem(2)).center());
        const QString thirdId = diffList->currentItem()->data(0, Qt::UserRole).toString();
        QVERIFY(!thirdId.isEmpty() && thirdId != questionId);
        QTest::keyClick(diffList, Qt::Key_Return);
        QTRY_COMPARE(window.currentId(), thirdId);

        // Ctrl+Shift+A approves; the message says what she did and what is still needed, and Enter closes it.
        QString message;
        whileModal(
            [&] { QTest::keyClick(QApplication::focusWidget(), Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier); },
            [&](QWidget *modal) {
                auto *box = qobject_cast<QMessageBox *>(modal);
                QVERIFY(box);
                message = box->text();
                QTest::keyClick(box, Qt::Key_Return);
            });
        QCOMPARE(message, QStringLiteral("You approved version 1. It still needs a staff approval before it can be "
                                         "published."));
        const Result<VersionInfo> after = TemplateStore(*f.db, *f.ada).versionInfo(TemplateId);
        QCOMPARE(after->approvals.size(), 1);
        QCOMPARE(after->approvals.first().userName, QStringLiteral("Priya"));
        // Approving is no longer offered to her, and nothing waits for her now.
        QVERIFY(!window.findChild<QAction *>(QStringLiteral("actionApprove"))->isVisible());
        QVERIFY(!window.findChild<QAction *>(QStringLiteral("actionPropose"))->isVisible());
        // Nor does the hint above What changed still name it (the template opens again in its new state).
        QVERIFY2(hint->isHidden() && !hint->text().contains(QLatin1String("Ctrl+Shift+A")), qPrintable(hint->text()));
        // Rita proposed it: withdrawing is hers (or an admin's), not Priya's.
        QVERIFY(!window.findChild<QAction *>(QStringLiteral("actionWithdraw"))->isVisible());
        QCOMPARE(page->entries().size(), 0);
        QCOMPARE(window.findChild<QMenu *>(QStringLiteral("menuShared"))->title(), QStringLiteral("&Shared templates"));
    }

    void publishingOverAnOpenCommentAsksAndTheReasonIsInThePdf()
    {
        PanelFixture f;
        QVERIFY(f.setUp());
        TemplateStore asColin(*f.db, *f.colin);
        QVERIFY(asColin.propose(TemplateId).ok());
        QVERIFY(asColin.approve(TemplateId).ok());
        QVERIFY(TemplateStore(*f.db, *f.rita).approve(TemplateId).ok());
        // Colin, in his own process, leaves a comment open on a question.
        const QString questionId = PanelFixture::questionId(PanelFixture::bundled(), 2);
        QString out;
        QCOMPARE(cliAs(f, QStringLiteral("Colin"), QStringLiteral("colin-password"),
                       {QStringLiteral("template"), QStringLiteral("comment"), TemplateId, QStringLiteral("--item"),
                        questionId, QStringLiteral("--text"), QStringLiteral("Please ask about pets as well")},
                       &out),
                 0);
        QVERIFY(out.trimmed().toLongLong() > 0);

        MainWindow window;
        window.setGeometry(0, 0, 1366, 768);
        SharedWorkspace workspace(&window, *f.db, *f.ada);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(workspace.openStoredTemplate(TemplateId));

        // Ada publishes from the Shared templates menu (mouse on the menu bar, P for Publish).
        auto publishFromTheMenu = [&] {
            QMenuBar *bar = window.menuBar();
            QMenu *shared = window.findChild<QMenu *>(QStringLiteral("menuShared"));
            QTest::mouseClick(bar, Qt::LeftButton, {}, bar->actionGeometry(shared->menuAction()).center());
            QTRY_VERIFY(shared->isVisible());
            QTest::keyClick(shared, Qt::Key_P);
        };
        // First she is asked, and says she will not publish yet: nothing is published.
        QStringList listed;
        whileModal(publishFromTheMenu, [&](QWidget *modal) {
            auto *dialog = qobject_cast<OpenCommentsDialog *>(modal);
            QVERIFY(dialog);
            auto *list = dialog->findChild<QTreeWidget *>(QStringLiteral("openCommentsList"));
            for (int i = 0; i < list->topLevelItemCount(); ++i)
                listed << list->topLevelItem(i)->text(0) + QStringLiteral(" | ") + list->topLevelItem(i)->text(1)
                              + QStringLiteral(" | ") + list->topLevelItem(i)->text(2);
            QVERIFY(!dialog->findChild<QPushButton *>(QStringLiteral("openCommentsPublish"))->isEnabled());
            QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("openCommentsCancel")), Qt::LeftButton);
        });
        QCOMPARE(listed.size(), 1);
        QVERIFY2(listed.first().contains(QStringLiteral("Colin | Please ask about pets as well")),
                 qPrintable(listed.first()));
        QCOMPARE(TemplateStore(*f.db, *f.ada).versionInfo(TemplateId)->status, VersionStatus::Proposed);

        // Then she gives the reason and publishes.
        const QString reason = QStringLiteral("Pets are asked about in the home visit form, not here");
        QString message;
        whileModal(publishFromTheMenu, [&](QWidget *modal) {
            if (auto *dialog = qobject_cast<OpenCommentsDialog *>(modal)) {
                scene(QStringLiteral("publish-with-open-comments"));
                auto *why = dialog->findChild<QPlainTextEdit *>(QStringLiteral("openCommentsReason"));
                QTest::mouseClick(why->viewport(), Qt::LeftButton);
                QTest::keyClicks(why, reason);
                auto *publish = dialog->findChild<QPushButton *>(QStringLiteral("openCommentsPublish"));
                QVERIFY(publish->isEnabled());
                QTest::mouseClick(publish, Qt::LeftButton);
            } else if (auto *box = qobject_cast<QMessageBox *>(modal)) {
                message = box->text();
                QTest::keyClick(box, Qt::Key_Return);
            }
        });
        QVERIFY2(message.startsWith(QStringLiteral("You published version 1. It is now in use for reviews")),
                 qPrintable(message));
        QCOMPARE(TemplateStore(*f.db, *f.ada).versionInfo(TemplateId)->status, VersionStatus::Published);
        const Result<QVector<CommentThread>> threads = CommentStore(*f.db, *f.ada).threads(TemplateId);
        QCOMPARE(threads->size(), 1);
        QVERIFY(threads->first().resolved);
        QCOMPARE(threads->first().resolvedReason, reason);

        // The "What changed" PDF of the first version gives the reason under "Not changed, and why".
        auto *diff = window.findChild<DiffView *>(QStringLiteral("diffView"));
        QCOMPARE(diff->currentDiff().fromVersion, 0);
        QCOMPARE(diff->currentDiff().toVersion, 1);
        const QString pdfPath = f.dir->filePath(QStringLiteral("what-changed.pdf"));
        QString error;
        QVERIFY2(diff->savePdf(pdfPath, &error), qPrintable(error));
        std::unique_ptr<Poppler::Document> pdf = Poppler::Document::load(pdfPath);
        QVERIFY(pdf && !pdf->isLocked());
        QString text;
        for (int i = 0; i < pdf->numPages(); ++i)
            text += pdf->page(i)->text(QRectF()) + QLatin1Char('\n');
        text = text.replace(QChar(0xFB01), QStringLiteral("fi")).simplified(); // the font's "fi" ligature
        const qsizetype heading = text.indexOf(QStringLiteral("Not changed, and why"));
        QVERIFY2(heading >= 0, qPrintable(text.right(1500)));
        const QString after = text.mid(heading);
        QVERIFY2(after.contains(QStringLiteral("Please ask about pets as well")), qPrintable(after));
        QVERIFY2(after.contains(QStringLiteral("Why not: ") + reason + QStringLiteral(" (Ada)")), qPrintable(after));
        QVERIFY2(text.contains(QStringLiteral("version 1, the first version")), qPrintable(text.left(600)));
    }
};

QTEST_MAIN(TestCoproductionWalk)
#include "tst_coproductionwalk.moc"
