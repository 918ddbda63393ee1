#include "document/storedtemplatesync.h"
#include "editor/importexportactions.h"
#include "editor/templatetreemodel.h"
#include "mainwindow.h"
#include "panelfixture.h"
#include "shared/commentspanel.h"
#include "shared/conflictdialog.h"
#include "shared/sharedworkspace.h"

#include "edit/edit.h"
#include "store/commentstore.h"
#include "store/templatestore.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QTextEdit>
#include <QTimer>
#include <QTreeView>
#include <QtTest>

using namespace coform;

namespace {
bool hasMenu(const MainWindow &window, const char *name)
{
    return window.findChild<QMenu *>(QLatin1String(name)) != nullptr;
}

/// Colin's and Priya's windows, each with its own connection to one shared database, both in the bundled template.
/// The workspaces are members after the windows, so they go first, as they must.
struct TwoEditors
{
    test::PanelFixture f;
    std::unique_ptr<Database> secondConnection;
    MainWindow colinsWindow;
    MainWindow priyasWindow;
    std::unique_ptr<SharedWorkspace> colin;
    std::unique_ptr<SharedWorkspace> priya;

    bool setUp()
    {
        if (!f.setUp() || !(secondConnection = f.openAnother()))
            return false;
        colin = std::make_unique<SharedWorkspace>(&colinsWindow, *f.db, *f.colin);
        priya = std::make_unique<SharedWorkspace>(&priyasWindow, *secondConnection, *f.priya);
        colinsWindow.show();
        priyasWindow.show();
        if (!colin->openStoredTemplate(QStringLiteral("chc-review"))
            || !priya->openStoredTemplate(QStringLiteral("chc-review")))
            return false;
        colin->sync()->setPollInterval(50);
        priya->sync()->setPollInterval(50);
        return true;
    }
};
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
        TwoEditors e;
        QVERIFY(e.setUp());
        MainWindow &colinsWindow = e.colinsWindow;
        MainWindow &priyasWindow = e.priyasWindow;
        QCOMPARE(colinsWindow.document()->origin(), TemplateDocument::Origin::Store);

        // Colin rewords a question in his window: it appears in Priya's.
        const Template before = colinsWindow.document()->content();
        const QString itemId = test::PanelFixture::questionId(before);
        QVERIFY(colinsWindow.document()->push(
            Edit::setItemProperty(before, itemId, QStringLiteral("label"), QStringLiteral("Colin's plainer words"))));
        QTRY_COMPARE_WITH_TIMEOUT(priyasWindow.document()->content().findItem(itemId)->label,
                                  QStringLiteral("Colin's plainer words"), 5000);
        QCOMPARE(priyasWindow.document()->undoStack()->count(), 0); // someone else's change is not Priya's to undo

        QVERIFY(colinsWindow.findChild<QDockWidget *>(QStringLiteral("historyDock")));
    }

    void presenceIsShownInTheTree()
    {
        TwoEditors e;
        QVERIFY(e.setUp());
        MainWindow &colinsWindow = e.colinsWindow;
        MainWindow &priyasWindow = e.priyasWindow;
        std::unique_ptr<SharedWorkspace> &colin = e.colin;
        std::unique_ptr<SharedWorkspace> &priya = e.priya;

        // Colin goes to a question; Priya's tree says so beside it, in words (not by colour).
        const QString itemId = test::PanelFixture::questionId(colinsWindow.document()->content(), 3);
        QVERIFY(colinsWindow.selectId(itemId));
        priya->sync()->sendHeartbeat();
        const QModelIndex inPriyas = priyasWindow.treeModel()->indexForId(itemId);
        QCOMPARE(inPriyas.data(TemplateTreeModel::PresenceRole).toStringList(), QStringList{QStringLiteral("Colin")});
        QVERIFY2(inPriyas.data(Qt::DisplayRole).toString().endsWith(QStringLiteral("[Colin is here]")),
                 qPrintable(inPriyas.data(Qt::DisplayRole).toString()));
        QVERIFY(inPriyas.data(Qt::AccessibleTextRole).toString().contains(QStringLiteral("Colin is here")));
        // Colin's own tree does not point at himself.
        colin->sync()->sendHeartbeat();
        QVERIFY(colinsWindow.treeModel()->indexForId(itemId).data(TemplateTreeModel::PresenceRole).isNull()
                || colinsWindow.treeModel()
                       ->indexForId(itemId)
                       .data(TemplateTreeModel::PresenceRole)
                       .toStringList()
                       .isEmpty());

        // He moves on: the mark moves with him.
        const QString next = test::PanelFixture::questionId(colinsWindow.document()->content(), 4);
        QVERIFY(colinsWindow.selectId(next));
        priya->sync()->sendHeartbeat();
        QVERIFY(priyasWindow.treeModel()
                    ->indexForId(itemId)
                    .data(TemplateTreeModel::PresenceRole)
                    .toStringList()
                    .isEmpty());
        QCOMPARE(priyasWindow.treeModel()->indexForId(next).data(TemplateTreeModel::PresenceRole).toStringList(),
                 QStringList{QStringLiteral("Colin")});

        // He closes the template (opens a bundled one): he is no longer there.
        colin.reset();
        priya->sync()->sendHeartbeat();
        QVERIFY(
            priyasWindow.treeModel()->indexForId(next).data(TemplateTreeModel::PresenceRole).toStringList().isEmpty());
        priya.reset();
    }

    void someoneElsesStructureChangeKeepsMyPlace()
    {
        TwoEditors e;
        QVERIFY(e.setUp());
        MainWindow &colinsWindow = e.colinsWindow;
        MainWindow &priyasWindow = e.priyasWindow;
        std::unique_ptr<SharedWorkspace> &colin = e.colin;
        std::unique_ptr<SharedWorkspace> &priya = e.priya;

        // Priya is on a question in the second section and has folded the first section.
        const Template t = priyasWindow.document()->content();
        QVERIFY(t.sections.size() >= 3 && t.sections.at(1).items.size() >= 3);
        const QString mine = t.sections.at(1).items.at(2).id;
        QVERIFY(priyasWindow.selectId(mine));
        auto *tree = priyasWindow.findChild<QTreeView *>(QStringLiteral("templateTree"));
        QVERIFY(tree);
        tree->collapse(priyasWindow.treeModel()->indexForId(t.sections.at(0).id));
        // She is in the middle of the question's words.
        auto *words = priyasWindow.findChild<QTextEdit *>(QStringLiteral("propertyText"));
        QVERIFY(words);
        QCOMPARE(words->toPlainText(), t.findItem(mine)->label);
        words->setFocus();
        QTextCursor cursor = words->textCursor();
        cursor.setPosition(5);
        words->setTextCursor(cursor);

        // Colin deletes the question above hers and moves the last section to the top.
        const Template c = colinsWindow.document()->content();
        QVERIFY(colinsWindow.document()->push(Edit::removeItem(c, c.sections.at(1).items.at(1).id)));
        const Template c2 = colinsWindow.document()->content();
        QVERIFY(colinsWindow.document()->push(Edit::moveSection(c2, c2.sections.last().id, 0)));

        QTRY_COMPARE_WITH_TIMEOUT(priyasWindow.document()->content().sections.first().id, t.sections.last().id, 5000);
        QVERIFY(!priyasWindow.document()->content().findItem(t.sections.at(1).items.at(1).id));
        // Her place has not moved: the same question is chosen and its details shown; the folded section is folded.
        QCOMPARE(priyasWindow.currentId(), mine);
        QCOMPARE(tree->currentIndex().data(TemplateTreeModel::IdRole).toString(), mine);
        QVERIFY(!tree->isExpanded(priyasWindow.treeModel()->indexForId(t.sections.at(0).id)));
        QVERIFY(tree->isExpanded(priyasWindow.treeModel()->indexForId(t.sections.at(1).id)));
        QCOMPARE(words->toPlainText(), t.findItem(mine)->label);
        QCOMPARE(words->textCursor().position(), 5);
        QCOMPARE(priyasWindow.document()->undoStack()->count(), 0);
        colin.reset();
        priya.reset();
    }

    void aConflictingEditOffersTheChoice()
    {
        TwoEditors e;
        QVERIFY(e.setUp());
        MainWindow &colinsWindow = e.colinsWindow;
        MainWindow &priyasWindow = e.priyasWindow;
        std::unique_ptr<SharedWorkspace> &colin = e.colin;
        std::unique_ptr<SharedWorkspace> &priya = e.priya;

        // Both reword the same question before either has seen the other's change.
        const Template seen = priyasWindow.document()->content();
        const QString itemId = test::PanelFixture::questionId(seen, 2);
        QVERIFY(colinsWindow.document()->push(
            Edit::setItemProperty(seen, itemId, QStringLiteral("label"), QStringLiteral("Colin's words"))));

        // Priya's edit is refused by the store and the choice is offered: both values, who made the other one.
        QString shownText;
        bool offered = false;
        QTimer answer; // the dialog is modal: answer it from inside its own event loop
        answer.setInterval(20);
        connect(&answer, &QTimer::timeout, this, [&] {
            auto *dialog = qobject_cast<ConflictDialog *>(QApplication::activeModalWidget());
            if (!dialog || offered)
                return;
            offered = true;
            for (QWidget *w : dialog->findChildren<QWidget *>()) {
                if (auto *label = qobject_cast<QLabel *>(w))
                    shownText += label->text() + QLatin1Char('\n');
                else if (auto *edit = qobject_cast<QPlainTextEdit *>(w))
                    shownText += edit->toPlainText() + QLatin1Char('\n');
            }
            dialog->findChild<QAbstractButton *>(QStringLiteral("conflictUseMine"))->click();
        });
        answer.start();
        priyasWindow.document()->push(
            Edit::setItemProperty(seen, itemId, QStringLiteral("label"), QStringLiteral("Priya's words")));
        QTRY_VERIFY_WITH_TIMEOUT(offered, 5000);
        answer.stop();
        QVERIFY2(shownText.contains(QStringLiteral("Colin's words")), qPrintable(shownText));
        QVERIFY2(shownText.contains(QStringLiteral("Priya's words")), qPrintable(shownText));
        QVERIFY2(shownText.contains(QStringLiteral("Colin")), qPrintable(shownText));

        // She kept hers: it is in the store and reaches Colin; nothing was lost on the way (both are in the history).
        QCOMPARE(priyasWindow.document()->content().findItem(itemId)->label, QStringLiteral("Priya's words"));
        QTRY_COMPARE_WITH_TIMEOUT(colinsWindow.document()->content().findItem(itemId)->label,
                                  QStringLiteral("Priya's words"), 5000);
        const Result<QVector<ChangeRecord>> history =
            TemplateStore(*e.f.db, *e.f.colin).history(QStringLiteral("chc-review"));
        QVERIFY(history.ok());
        QStringList labels;
        for (const ChangeRecord &r : history.value()) {
            if (r.edit.itemId() == itemId)
                labels.append(r.edit.after.toString());
        }
        QCOMPARE(labels, (QStringList{QStringLiteral("Colin's words"), QStringLiteral("Priya's words")}));
        colin.reset();
        priya.reset();
    }

    void theMeetingViewShowsTheGroupsComments()
    {
        TwoEditors e;
        QVERIFY(e.setUp());
        const QString itemId = test::PanelFixture::questionId(e.priyasWindow.document()->content(), 1);
        QVERIFY(e.priyasWindow.selectId(itemId));
        e.priyasWindow.showMeetingView();
        auto *comments = e.priyasWindow.findChild<QLabel *>(QStringLiteral("meetingComments"));
        QVERIFY(comments);
        QVERIFY(!comments->isVisible());

        // Colin comments on the question being discussed; once Priya's comments are read again, it shows big.
        QVERIFY(CommentStore(*e.f.db, *e.f.colin)
                    .startThread(QStringLiteral("chc-review"), itemId, QStringLiteral("Could we say this more simply?"))
                    .ok());
        e.priyasWindow.findChild<CommentsPanel *>()->refresh();
        QCOMPARE(comments->text(), QStringLiteral("Comments (1 open):\nColin: Could we say this more simply?"));
        QVERIFY(comments->isVisible());
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
        QVERIFY(window.document()->content().allItems().size() >= 5);
    }
};

QTEST_MAIN(TestSharedWorkspace)
#include "tst_sharedworkspace.moc"
