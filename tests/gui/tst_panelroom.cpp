// The co-production panels have room on a 1366x768 screen: with a shared template open, the history, the comments and
// "What changed" each show at least five rows without scrolling, and each can be closed and brought back from the
// View menu. COFORM_SCREENSHOT_DIR set: each panel's view is saved there as a PNG, for people to look at.
#include "mainwindow.h"
#include "panelfixture.h"
#include "shared/sharedworkspace.h"

#include "store/commentstore.h"

#include <QDockWidget>
#include <QMenu>
#include <QMenuBar>
#include <QScreen>
#include <QTreeWidget>
#include <QtTest>

using namespace coform;
using coform::test::PanelFixture;

class TestPanelRoom : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { PanelFixture::setUpApplication(); }

    void eachPanelShowsFiveRows()
    {
        PanelFixture f;
        QVERIFY(f.setUp());
        QVERIFY(f.publishFirstVersionAndStartSecond());
        const Template t = PanelFixture::bundled();
        const QString id = QString::fromLatin1(PanelFixture::TemplateId);
        // Six changes to six questions (six rows of history, six of "What changed"), six comments.
        for (int i = 0; i < 6; ++i) {
            const QString itemId = PanelFixture::questionId(t, i);
            QVERIFY(f.edit(i % 2 ? *f.priya : *f.colin, itemId, QStringLiteral("label"),
                           QStringLiteral("Plainer words for question %1").arg(i + 1)));
            QVERIFY(CommentStore(*f.db, i % 2 ? *f.colin : *f.priya)
                        .startThread(id, QString(), QStringLiteral("Comment %1 on the whole form").arg(i + 1))
                        .ok());
        }

        MainWindow window;
        window.resize(1366, 768 - 28); // the screen less a title bar
        auto workspace = std::make_unique<SharedWorkspace>(&window, *f.db, *f.ada);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(workspace->openStoredTemplate(id));

        const QString shots = qEnvironmentVariable("COFORM_SCREENSHOT_DIR");
        struct Panel
        {
            const char *dock;
            const char *list;
        };
        for (const Panel &panel : {Panel{"historyDock", "historyList"}, Panel{"commentsDock", "commentsList"},
                                   Panel{"whatChangedDock", "diffList"}}) {
            auto *dock = window.findChild<QDockWidget *>(QLatin1String(panel.dock));
            QVERIFY(dock);
            // Closed, then brought back from the View menu.
            dock->toggleViewAction()->trigger();
            QTRY_VERIFY(!dock->isVisible());
            auto *view = window.menuBar()->findChild<QMenu *>(QStringLiteral("menuView"));
            QVERIFY(view->actions().contains(dock->toggleViewAction()));
            dock->toggleViewAction()->trigger();
            dock->raise();
            QTRY_VERIFY(dock->isVisible());
            auto *list = dock->findChild<QTreeWidget *>(QLatin1String(panel.list));
            QVERIFY(list);
            if (QLatin1String(panel.list) == QLatin1String("diffList")) {
                QTRY_VERIFY(list->topLevelItemCount() >= 5);
            }
            QTRY_VERIFY2(list->topLevelItemCount() >= 5, panel.list);
            QTest::qWait(50);
            const QRect fifth = list->visualItemRect(list->topLevelItem(4));
            if (!shots.isEmpty()) {
                QScreen *screen = window.screen();
                QPixmap shot = screen->grabWindow(0);
                if (shot.isNull() || QGuiApplication::platformName() == QLatin1String("offscreen"))
                    shot = window.grab();
                QVERIFY(shot.save(QDir(shots).filePath(QLatin1String(panel.dock) + QStringLiteral(".png"))));
            }
            QVERIFY2(fifth.isValid() && fifth.bottom() <= list->viewport()->height(),
                     qPrintable(QStringLiteral("%1: the fifth row ends at %2 of %3 pixels")
                                    .arg(QLatin1String(panel.list))
                                    .arg(fifth.bottom())
                                    .arg(list->viewport()->height())));
        }
        workspace.reset();
    }
};

QTEST_MAIN(TestPanelRoom)
#include "tst_panelroom.moc"
