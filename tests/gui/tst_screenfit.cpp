// The editor fits a laptop screen: at 1366x768 and 1280x720 (less a title bar), at the normal and the largest text
// size, with a shared template open: the window is no bigger than the screen; every panel beside the editor (history,
// what changed, comments, requirement coverage, undo history) shows at least five rows when it is in front; the
// status bar's parts do not overlap; plain-word tips wrap inside the details panel; each panel closes and comes
// back from the View menu, and the panels are remembered. COFORM_SCREENSHOT_DIR set: each view is saved there.
#include "mainwindow.h"
#include "panelfixture.h"
#include "sharedworkspace.h"

#include "store/commentstore.h"

#include <QAbstractItemView>
#include <QDockWidget>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QScrollArea>
#include <QSettings>
#include <QStatusBar>
#include <QtTest>

using namespace coform;
using coform::test::PanelFixture;

namespace {

struct Dock
{
    const char *dock;
    const char *list;
};
const Dock kDocks[] = {{"historyDock", "historyList"},
                       {"whatChangedDock", "diffList"},
                       {"commentsDock", "commentsList"},
                       {"coverageDock", "coverageList"},
                       {"undoHistoryDock", "undoHistoryView"}};

/// How many rows of the list's height are on screen (the row height of its first row, or of a line of text).
double rowsOfRoom(QAbstractItemView *list)
{
    const QModelIndex first = list->model() ? list->model()->index(0, 0) : QModelIndex();
    int row = first.isValid() ? list->visualRect(first).height() : 0;
    if (row <= 0)
        row = list->fontMetrics().height() + 4;
    return double(list->viewport()->height()) / row;
}

} // namespace

class TestScreenFit : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { PanelFixture::setUpApplication(); }

    void everyPanelHasRoom_data()
    {
        QTest::addColumn<QSize>("screen");
        QTest::addColumn<bool>("largest");
        QTest::newRow("1366x768 normal text") << QSize(1366, 768) << false;
        QTest::newRow("1366x768 largest text") << QSize(1366, 768) << true;
        QTest::newRow("1280x720 normal text") << QSize(1280, 720) << false;
        QTest::newRow("1280x720 largest text") << QSize(1280, 720) << true;
    }

    void everyPanelHasRoom()
    {
        QFETCH(QSize, screen);
        QFETCH(bool, largest);
        QSettings().clear();
        PanelFixture f;
        QVERIFY(f.setUp());
        QVERIFY(f.publishFirstVersionAndStartSecond());
        const Template t = PanelFixture::bundled();
        const QString id = QString::fromLatin1(PanelFixture::TemplateId);
        for (int i = 0; i < 6; ++i) {
            QVERIFY(f.edit(i % 2 ? *f.priya : *f.colin, PanelFixture::questionId(t, i), QStringLiteral("label"),
                           QStringLiteral("Plainer words for question %1").arg(i + 1)));
            QVERIFY(CommentStore(*f.db, *f.priya)
                        .startThread(id, QString(), QStringLiteral("Comment %1 on the whole form").arg(i + 1))
                        .ok());
        }

        MainWindow window;
        const QSize room(screen.width(), screen.height() - 28); // the screen less a title bar
        auto workspace = std::make_unique<SharedWorkspace>(&window, *f.db, *f.ada);
        window.resize(room);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(workspace->openStoredTemplate(id));
        QAction *bigger = window.findChild<QAction *>(QStringLiteral("actionBiggerText"));
        while (largest && bigger->isEnabled())
            QTest::keyClick(&window, Qt::Key_Plus, Qt::ControlModifier);
        window.resize(room);
        QTest::qWait(100);
        const QString shots = qEnvironmentVariable("COFORM_SCREENSHOT_DIR");
        const QString name = QStringLiteral("%1x%2-%3")
                                 .arg(screen.width())
                                 .arg(screen.height())
                                 .arg(largest ? QStringLiteral("largest") : QStringLiteral("normal"));

        // The window fits.
        QVERIFY2(
            window.width() <= room.width() && window.height() <= room.height(),
            qPrintable(QStringLiteral("%1: the window is %2x%3").arg(name).arg(window.width()).arg(window.height())));

        // Each panel beside the editor shows five rows when in front.
        auto *viewMenu = window.menuBar()->findChild<QMenu *>(QStringLiteral("menuView"));
        for (const Dock &d : kDocks) {
            auto *dock = window.findChild<QDockWidget *>(QLatin1String(d.dock));
            QVERIFY2(dock, d.dock);
            QVERIFY(viewMenu->actions().contains(dock->toggleViewAction()));
            dock->show();
            dock->raise();
            auto *list = dock->findChild<QAbstractItemView *>(QLatin1String(d.list));
            QVERIFY2(list, d.list);
            QTRY_VERIFY(list->isVisible());
            QTest::qWait(50);
            if (!shots.isEmpty())
                QVERIFY(window.grab().save(
                    QDir(shots).filePath(name + QLatin1Char('-') + QLatin1String(d.dock) + QStringLiteral(".png"))));
            QVERIFY2(rowsOfRoom(list) >= 5.0, qPrintable(QStringLiteral("%1: %2 has room for %3 rows")
                                                             .arg(name, QLatin1String(d.list))
                                                             .arg(rowsOfRoom(list), 0, 'f', 1)));
        }

        // The status bar's parts sit side by side.
        auto *summary = window.findChild<QLabel *>(QStringLiteral("templateStatus"));
        auto *signedIn = window.findChild<QLabel *>(QStringLiteral("signedInLabel"));
        QVERIFY(summary && signedIn);
        QVERIFY(summary->isVisible() && signedIn->isVisible());
        QVERIFY(summary->text().startsWith(QStringLiteral("Shared: draft 2")));
        QVERIFY2(!summary->geometry().intersects(signedIn->geometry()), qPrintable(name));

        // Plain-word tips wrap inside the details panel: nothing wider than the panel.
        QVERIFY(window.selectId(PanelFixture::questionId(t, 6)));
        auto *details = window.findChild<QScrollArea *>(QStringLiteral("propertiesScroll"));
        QVERIFY(details);
        QTest::qWait(50);
        QVERIFY2(details->widget()->width() <= details->viewport()->width(),
                 qPrintable(QStringLiteral("%1: the details are %2 wide in %3")
                                .arg(name)
                                .arg(details->widget()->width())
                                .arg(details->viewport()->width())));

        // Closed and brought back from the View menu, and remembered.
        auto *comments = window.findChild<QDockWidget *>(QStringLiteral("commentsDock"));
        comments->toggleViewAction()->trigger();
        QTRY_VERIFY(!comments->isVisible());
        window.close();
        workspace.reset();
        MainWindow again;
        auto workspace2 = std::make_unique<SharedWorkspace>(&again, *f.db, *f.ada);
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        auto *commentsAgain = again.findChild<QDockWidget *>(QStringLiteral("commentsDock"));
        QVERIFY(!commentsAgain->isVisible());
        commentsAgain->toggleViewAction()->trigger();
        QTRY_VERIFY(commentsAgain->isVisible());
        workspace2.reset();
        again.findChild<QAction *>(QStringLiteral("actionNormalText"))->trigger();
    }
};

QTEST_MAIN(TestScreenFit)
#include "tst_screenfit.moc"
