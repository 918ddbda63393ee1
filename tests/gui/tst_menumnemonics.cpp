// Every menu opens with Alt and its underlined letter: the main window (an admin's, with the shared templates and
// reviews menus; with the comments panel in front too; a co-production member's) and the reviews window (the list,
// and with a review open). No heading, label or button anywhere visible may take a menu's letter.
#include "mainwindow.h"
#include "panelfixture.h"
#include "reviews/reviewswindow.h"
#include "shared/sharedworkspace.h"

#include "store/demodata.h"

#include <QApplication>
#include <QDockWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QTimer>
#include <QtTest>

using namespace coform;
using coform::test::PanelFixture;

namespace {

/// Presses Alt+letter for each menu of the window's menu bar; the menu must open. Returns the menus' titles.
QStringList openEachMenu(QMainWindow *window)
{
    QStringList opened;
    for (QAction *action : window->menuBar()->actions()) {
        QMenu *menu = action->menu();
        if (!menu || !action->isVisible())
            continue;
        const QKeySequence mnemonic = QKeySequence::mnemonic(action->text());
        if (mnemonic.isEmpty()) {
            qWarning("menu %s has no underlined letter", qPrintable(action->text()));
            return {};
        }
        window->activateWindow();
        QTest::keyClick(window, mnemonic[0].key(), Qt::AltModifier);
        if (!QTest::qWaitFor([menu] { return menu->isVisible(); }, 2000)) {
            qWarning("Alt+%s did not open %s", qPrintable(QKeySequence(mnemonic[0].key()).toString()),
                     qPrintable(action->text()));
            return {};
        }
        QTest::keyClick(menu, Qt::Key_Escape);
        if (!QTest::qWaitFor([menu] { return !menu->isVisible(); }, 2000))
            return {};
        QTest::keyClick(window, Qt::Key_Escape); // leaves the menu bar
        // The menu's name without what waits for the person ("Shared templates (1 for you)"), which
        // tst_coproductionwalk checks.
        opened.append(QString(action->text())
                          .remove(QLatin1Char('&'))
                          .remove(QRegularExpression(QStringLiteral(" \\(\\d+ for you\\)$"))));
    }
    return opened;
}

} // namespace

class TestMenuMnemonics : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { PanelFixture::setUpApplication(); }

    void everyMenuOfTheMainWindowOpensWithAlt()
    {
        PanelFixture f;
        QVERIFY(f.setUp());
        MainWindow window;
        window.resize(1366, 740);
        auto workspace = std::make_unique<SharedWorkspace>(&window, *f.db, *f.ada);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QVERIFY(workspace->openStoredTemplate(QString::fromLatin1(PanelFixture::TemplateId)));
        const QStringList all = {QStringLiteral("File"),    QStringLiteral("Shared templates"),
                                 QStringLiteral("Reviews"), QStringLiteral("Edit"),
                                 QStringLiteral("View"),    QStringLiteral("Help")};
        QCOMPARE(openEachMenu(&window), all);
        // With the comments in front (their buttons and labels have letters of their own).
        auto *comments = window.findChild<QDockWidget *>(QStringLiteral("commentsDock"));
        comments->raise();
        QTRY_VERIFY(comments->widget()->isVisible());
        QCOMPARE(openEachMenu(&window), all);
        workspace.reset();
    }

    void aCoproducersMenusOpenWithAltToo()
    {
        PanelFixture f;
        QVERIFY(f.setUp());
        MainWindow window;
        auto workspace = std::make_unique<SharedWorkspace>(&window, *f.db, *f.colin);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QVERIFY(workspace->openStoredTemplate(QString::fromLatin1(PanelFixture::TemplateId)));
        QCOMPARE(openEachMenu(&window),
                 QStringList({QStringLiteral("File"), QStringLiteral("Shared templates"), QStringLiteral("Edit"),
                              QStringLiteral("View"), QStringLiteral("Help")}));
        workspace.reset();
    }

    /// An admin's security steps are in the File menu by their letters: Alt+F, then D checks the audit trail and
    /// says in words that the chain holds.
    void anAdminChecksTheAuditTrailFromTheFileMenu()
    {
        PanelFixture f;
        QVERIFY(f.setUp());
        MainWindow window;
        auto workspace = std::make_unique<SharedWorkspace>(&window, *f.db, *f.ada);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        auto *file = window.menuBar()->findChild<QMenu *>(QStringLiteral("menuFile"));
        QVERIFY(file);
        QTest::keyClick(&window, Qt::Key_F, Qt::AltModifier);
        QTRY_VERIFY(file->isVisible());
        QString said;
        QTimer::singleShot(0, [&said] {
            QTRY_VERIFY(QApplication::activeModalWidget());
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            said = box->text();
            QTest::keyClick(box, Qt::Key_Return);
        });
        QTest::keyClick(file, Qt::Key_D);
        QVERIFY2(said.startsWith(QLatin1String("The audit trail's chain holds")), qPrintable(said));
        // The recovery key step is there too, by its letter, and a co-production member has neither.
        const auto texts = [file] {
            QStringList all;
            for (QAction *a : file->actions())
                all << a->text();
            return all;
        };
        QVERIFY(texts().contains(QStringLiteral("Make a new recovery &key\u2026")));
        workspace.reset();
        MainWindow other;
        auto colins = std::make_unique<SharedWorkspace>(&other, *f.db, *f.colin);
        auto *colinsFile = other.menuBar()->findChild<QMenu *>(QStringLiteral("menuFile"));
        QVERIFY(colinsFile);
        for (QAction *a : colinsFile->actions())
            QVERIFY2(!a->text().contains(QLatin1String("audit")) && !a->text().contains(QLatin1String("recovery")),
                     qPrintable(a->text()));
        colins.reset();
    }

    void everyMenuOfTheReviewsWindowOpensWithAlt()
    {
        PanelFixture f;
        QVERIFY(f.setUp());
        QVERIFY(f.publishFirstVersionAndStartSecond());
        QVERIFY(DemoData::fill(*f.db, *f.ada, 3, QString::fromLatin1(PanelFixture::TemplateId), 1, QDate::currentDate())
                    .ok());
        ReviewsWindow reviews(*f.db, *f.ada);
        reviews.show();
        QVERIFY(QTest::qWaitForWindowActive(&reviews));
        const QStringList menus = openEachMenu(&reviews);
        QVERIFY(!menus.isEmpty());
        QVERIFY(reviews.openReview(1));
        QCOMPARE(openEachMenu(&reviews), menus);
    }
};

QTEST_MAIN(TestMenuMnemonics)
#include "tst_menumnemonics.moc"
