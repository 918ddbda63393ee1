// The editor fits a laptop screen: at 1366x768 and 1280x720 (less a title bar), at the normal and the largest text
// size, with a shared template open. The window is no bigger than the screen; every panel of the right-hand column
// (requirement coverage, undo history, history, what changed, comments), brought to the front by its Ctrl+number,
// shows at least five lines of its text and is no wider than the column; the status bar's parts do not overlap; the
// details of a question are no wider than their panel (labels and plain-word tips wrap, nothing runs out of sight); the
// details panel keeps room for its words. A panel closed from the View menu stays closed the next time, and comes back
// from the menu. Only key events are used. COFORM_SCREENSHOT_DIR set: each view is saved there as a PNG, for people to
// look at.
#include "mainwindow.h"
#include "panelfixture.h"
#include "shared/sharedworkspace.h"

#include "store/commentstore.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QScreen>
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
    Qt::Key key; ///< with Ctrl: View > Go to …
};
const Dock kDocks[] = {{"coverageDock", "coverageList", Qt::Key_5},
                       {"undoHistoryDock", "undoHistoryView", Qt::Key_6},
                       {"historyDock", "historyList", Qt::Key_7},
                       {"whatChangedDock", "diffList", Qt::Key_8},
                       {"commentsDock", "commentsList", Qt::Key_9}};

/// How many lines of the list's text fit its viewport (a row of a list may wrap to more than one line at large text).
double linesOfRoom(QAbstractItemView *list)
{
    return double(list->viewport()->height()) / (list->fontMetrics().height() + 2);
}

/// Empty when the scroll area's content is no wider than its view; otherwise says so and names the widgets that are.
QString widerThanItsView(QScrollArea *scroll, const QString &what)
{
    if (scroll->widget()->width() <= scroll->viewport()->width())
        return {};
    QStringList tooWide;
    for (QWidget *w : scroll->widget()->findChildren<QWidget *>())
        if (w->isVisible() && w->minimumSizeHint().width() > scroll->viewport()->width())
            tooWide.append(QStringLiteral("%1 %2 (%3)")
                               .arg(QLatin1String(w->metaObject()->className()), w->objectName())
                               .arg(w->minimumSizeHint().width()));
    return QStringLiteral("%1 is %2 wide in %3: %4")
        .arg(what)
        .arg(scroll->widget()->width())
        .arg(scroll->viewport()->width())
        .arg(tooWide.join(QStringLiteral(", ")));
}

/// Empty when every button and line edit in the scroll area's content lies wholly inside the widget that holds it;
/// otherwise names those that are cut off (a row of buttons that wrapped with no height made for it).
QString cutOff(QScrollArea *scroll, const QString &what)
{
    QStringList cut;
    for (QWidget *w : scroll->widget()->findChildren<QWidget *>()) {
        if (!w->isVisible() || !(qobject_cast<QAbstractButton *>(w) || qobject_cast<QLineEdit *>(w)))
            continue;
        if (qobject_cast<QAbstractScrollArea *>(w->parentWidget()->parentWidget()))
            continue; // inside a table or list, which scrolls its own rows
        if (!w->parentWidget()->rect().contains(w->geometry()))
            cut.append(QStringLiteral("%1 %2 (at %3,%4 %5x%6 in %7x%8)")
                           .arg(QLatin1String(w->metaObject()->className()), w->objectName())
                           .arg(w->x())
                           .arg(w->y())
                           .arg(w->width())
                           .arg(w->height())
                           .arg(w->parentWidget()->width())
                           .arg(w->parentWidget()->height()));
    }
    return cut.isEmpty() ? QString() : QStringLiteral("%1 cuts off %2").arg(what, cut.join(QStringLiteral(", ")));
}

void shoot(QWidget *window, const QString &name)
{
    const QString dir = qEnvironmentVariable("COFORM_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QPixmap shot = window->grab();
    QVERIFY(shot.save(QDir(dir).filePath(name + QStringLiteral(".png"))));
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
        QTest::addColumn<bool>("remembered"); ///< the largest text chosen last time: the window starts with it
        QTest::newRow("1366x768 normal text") << QSize(1366, 768) << false << false;
        QTest::newRow("1366x768 largest text") << QSize(1366, 768) << true << false;
        QTest::newRow("1280x720 normal text") << QSize(1280, 720) << false << false;
        QTest::newRow("1280x720 largest text") << QSize(1280, 720) << true << false;
        QTest::newRow("1280x720 largest text from the start") << QSize(1280, 720) << true << true;
    }

    void everyPanelHasRoom()
    {
        QFETCH(QSize, screen);
        QFETCH(bool, largest);
        QFETCH(bool, remembered);
        QSettings().clear();
        if (remembered)
            QSettings().setValue(QStringLiteral("appearance/textPointSize"), 40.0);
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

        const QSize room(screen.width(), screen.height() - 28); // the screen less a title bar
        auto window = std::make_unique<MainWindow>();
        auto workspace = std::make_unique<SharedWorkspace>(window.get(), *f.db, *f.ada);
        window->resize(room);
        window->show();
        window->activateWindow(); // in front, as a click on it would bring it (shortcuts go to the active window)
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        QVERIFY(workspace->openStoredTemplate(id));
        auto *bigger = window->findChild<QAction *>(QStringLiteral("actionBiggerText"));
        int presses = 0;
        while (largest && bigger->isEnabled() && presses++ < 30)
            QTest::keyClick(window.get(), Qt::Key_Plus, Qt::ControlModifier);
        QVERIFY(!largest || !bigger->isEnabled());
        window->resize(room);
        QTest::qWait(100);
        const QString name = QStringLiteral("%1x%2-%3")
                                 .arg(screen.width())
                                 .arg(screen.height())
                                 .arg(remembered ? QStringLiteral("largest-from-start")
                                      : largest  ? QStringLiteral("largest")
                                                 : QStringLiteral("normal"));

        // The window fits.
        QVERIFY2(
            window->width() <= room.width() && window->height() <= room.height(),
            qPrintable(QStringLiteral("%1: the window is %2x%3").arg(name).arg(window->width()).arg(window->height())));

        // Each panel of the right-hand column shows five lines when in front (Ctrl+5 … Ctrl+9).
        for (const Dock &d : kDocks) {
            QTest::keyClick(window.get(), d.key, Qt::ControlModifier);
            auto *dock = window->findChild<QDockWidget *>(QLatin1String(d.dock));
            QVERIFY2(dock, d.dock);
            auto *list = dock->findChild<QAbstractItemView *>(QLatin1String(d.list));
            QVERIFY2(list, d.list);
            QTRY_VERIFY2(list->isVisible(), d.list);
            QTRY_VERIFY2(list->hasFocus(), d.list);
            QTest::qWait(50);
            shoot(window.get(), name + QLatin1Char('-') + QLatin1String(d.dock));
            QVERIFY2(linesOfRoom(list) >= 5.0, qPrintable(QStringLiteral("%1: %2 has room for %3 lines")
                                                              .arg(name, QLatin1String(d.list))
                                                              .arg(linesOfRoom(list), 0, 'f', 1)));
            // The panel is no wider than its column: its words wrap, nothing runs out of sight to the side.
            auto *scroll = window->findChild<QScrollArea *>(QLatin1String(d.dock) + QStringLiteral("Scroll"));
            QVERIFY2(scroll, d.dock);
            const QString wide = widerThanItsView(scroll, name + QStringLiteral(": ") + QLatin1String(d.dock));
            QVERIFY2(wide.isEmpty(), qPrintable(wide));
            QVERIFY2(list->viewport()->width() >= list->fontMetrics().averageCharWidth() * 10,
                     qPrintable(QStringLiteral("%1: %2 is %3 pixels wide")
                                    .arg(name, QLatin1String(d.list))
                                    .arg(list->viewport()->width())));
        }

        // The status bar's parts sit side by side.
        auto *summary = window->findChild<QLabel *>(QStringLiteral("templateStatus"));
        auto *signedIn = window->findChild<QLabel *>(QStringLiteral("signedInLabel"));
        QVERIFY(summary && signedIn);
        // A passing message ("Text size 40 points") takes the summary's place, not drawn over it; then it comes back.
        QTest::keyClick(window.get(), Qt::Key_Minus, Qt::ControlModifier);
        QTest::keyClick(window.get(), Qt::Key_Plus, Qt::ControlModifier);
        QVERIFY(!window->statusBar()->currentMessage().isEmpty());
        QVERIFY(!summary->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(window->statusBar()->currentMessage().isEmpty(), 10000);
        QVERIFY(summary->isVisible() && signedIn->isVisible());
        QVERIFY(summary->text().startsWith(QStringLiteral("Shared: draft 2")));
        QVERIFY2(!summary->geometry().intersects(signedIn->geometry()), qPrintable(name));

        // A question's details (the eighth row of the tree: a question with plain-word tips) are no wider than their
        // panel, and the panel has room for words.
        QTest::keyClick(window.get(), Qt::Key_2, Qt::ControlModifier);
        QWidget *tree = QApplication::focusWidget();
        QVERIFY(tree);
        QTest::keyClick(tree, Qt::Key_Home);
        auto *details = window->findChild<QScrollArea *>(QStringLiteral("propertiesScroll"));
        QVERIFY(details);
        // On the way, the rows before it (among them a choice with its answers' table, buttons and pictures) fit too.
        for (int i = 0; i < 8; ++i) {
            QTest::keyClick(tree, Qt::Key_Down);
            QTest::qWait(100);
            const QString row = QStringLiteral("%1: the details of row %2").arg(name).arg(i + 2);
            const QString wider = widerThanItsView(details, row);
            QVERIFY2(wider.isEmpty(), qPrintable(wider));
            QTRY_VERIFY2_WITH_TIMEOUT(
                cutOff(details, row).isEmpty(),
                qPrintable(cutOff(details, row) + QStringLiteral(" on ")
                           + qobject_cast<QAbstractItemView *>(tree)->currentIndex().data().toString()),
                3000);
        }
        shoot(window.get(), name + QStringLiteral("-details"));
        const QString wide = widerThanItsView(details, name + QStringLiteral(": the details"));
        QVERIFY2(wide.isEmpty(), qPrintable(wide));
        const int aWord = details->fontMetrics().horizontalAdvance(QStringLiteral("Kind of question"));
        QVERIFY2(details->viewport()->width() >= aWord,
                 qPrintable(QStringLiteral("%1: the details panel is %2 wide, %3 for a few words")
                                .arg(name)
                                .arg(details->viewport()->width())
                                .arg(aWord)));

        // Closed from the View menu (Alt+V, then C&omments), remembered, and brought back from the menu.
        auto *comments = window->findChild<QDockWidget *>(QStringLiteral("commentsDock"));
        QVERIFY(comments->isVisible());
        QTest::keyClick(window.get(), Qt::Key_V, Qt::AltModifier);
        auto *viewMenu = window->menuBar()->findChild<QMenu *>(QStringLiteral("menuView"));
        QTRY_VERIFY(viewMenu->isVisible());
        QTest::keyClick(viewMenu, Qt::Key_O);
        QTRY_VERIFY(!comments->isVisible());
        window->close();
        workspace.reset();
        window.reset();

        MainWindow again;
        auto workspace2 = std::make_unique<SharedWorkspace>(&again, *f.db, *f.ada);
        again.show();
        again.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&again));
        auto *commentsAgain = again.findChild<QDockWidget *>(QStringLiteral("commentsDock"));
        QVERIFY(!commentsAgain->isVisible());
        QTest::keyClick(&again, Qt::Key_V, Qt::AltModifier);
        auto *viewAgain = again.menuBar()->findChild<QMenu *>(QStringLiteral("menuView"));
        QTRY_VERIFY(viewAgain->isVisible());
        QTest::keyClick(viewAgain, Qt::Key_O);
        QTRY_VERIFY(commentsAgain->isVisible());
        QTest::keyClick(&again, Qt::Key_0, Qt::ControlModifier); // the normal text size for the next test
        workspace2.reset();
    }
};

QTEST_MAIN(TestScreenFit)
#include "tst_screenfit.moc"
