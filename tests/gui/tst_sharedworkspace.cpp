#include "conflictdialog.h"
#include "importexportactions.h"
#include "mainwindow.h"
#include "panelfixture.h"
#include "sharedworkspace.h"

#include "edit/edit.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDockWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QtTest>

using namespace coform;

namespace {
bool hasMenu(const MainWindow &window, const char *name)
{
    return window.findChild<QMenu *>(QLatin1String(name)) != nullptr;
}
} // namespace

/// Two people's windows on one shared database: the live link, the menus each role sees, and
/// importing a form from the File menu.
class TestSharedWorkspace : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { test::PanelFixture::setUpApplication(); }

    void twoEditorsOnOneDatabase()
    {
        test::PanelFixture f;
        QVERIFY(f.setUp());
        std::unique_ptr<Database> secondConnection = f.openAnother();
        QVERIFY(secondConnection);

        MainWindow colinsWindow;
        MainWindow priyasWindow;
        auto colin = std::make_unique<SharedWorkspace>(&colinsWindow, *f.db, *f.colin);
        auto priya = std::make_unique<SharedWorkspace>(&priyasWindow, *secondConnection, *f.priya);
        colinsWindow.show();
        priyasWindow.show();
        QVERIFY(colin->openStoredTemplate(QStringLiteral("chc-review")));
        QVERIFY(priya->openStoredTemplate(QStringLiteral("chc-review")));
        QCOMPARE(colinsWindow.document()->origin(), TemplateDocument::Origin::Store);

        // Colin rewords a question in his window: it appears in Priya's.
        const Template before = colinsWindow.document()->tmpl();
        const QString itemId = test::PanelFixture::questionId(before);
        QVERIFY(colinsWindow.document()->push(
            Edit::setItemProperty(before, itemId, QStringLiteral("label"), QStringLiteral("Colin's plainer words"))));
        QTRY_COMPARE_WITH_TIMEOUT(priyasWindow.document()->tmpl().findItem(itemId)->label,
                                  QStringLiteral("Colin's plainer words"), 5000);
        QCOMPARE(priyasWindow.document()->undoStack()->count(), 0); // someone else's change is not Priya's to undo

        // Conflicts between the two windows (both values shown, the person chooses) are tested with the live link
        // itself in tst_storedtemplatesync.
        QVERIFY(colinsWindow.findChild<QDockWidget *>(QStringLiteral("historyDock")));
    }

    void menusFollowTheRole()
    {
        test::PanelFixture f;
        QVERIFY(f.setUp());
        MainWindow reviewersWindow;
        SharedWorkspace reviewers(&reviewersWindow, *f.db, *f.rita);
        QVERIFY(hasMenu(reviewersWindow, "menuShared"));
        QVERIFY(hasMenu(reviewersWindow, "menuReviews"));
        MainWindow coproducersWindow;
        SharedWorkspace coproducers(&coproducersWindow, *f.db, *f.colin);
        QVERIFY(hasMenu(coproducersWindow, "menuShared"));
        QVERIFY(!hasMenu(coproducersWindow, "menuReviews")); // reviews hold personal data: no entry at all
        QVERIFY(!coproducersWindow.findChild<QAction *>(QStringLiteral("actionPublish")));
    }

    void importAFormFromTheFileMenu()
    {
        MainWindow window;
        auto *actions = new ImportExportActions(&window);
        QVERIFY(window.findChild<QAction *>(QStringLiteral("actionImport")));
        QSignalSpy finished(actions, &ImportExportActions::importFinished);
        // The report box is modal: close it as soon as it shows.
        QTimer closer;
        connect(&closer, &QTimer::timeout, [] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
                box->accept();
        });
        closer.start(50);
        QVERIFY(actions->importFile(
            QStringLiteral(COFORM_CORPUS_DIR "/fhir/fhirspec__questionnaire-example-f201-lifelines.json")));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        QCOMPARE(finished.first().first().toBool(), true);
        QVERIFY(window.document()->isOpen());
        QVERIFY(window.document()->tmpl().allItems().size() >= 5);
    }
};

QTEST_MAIN(TestSharedWorkspace)
#include "tst_sharedworkspace.moc"
