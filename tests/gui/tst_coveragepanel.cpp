// The requirement coverage panel and the undo history beside the editor: which framework requirements the open
// template covers and with which questions, the uncovered ones said in words and listed first, following edits and
// undo live; a question chosen there is chosen in the tree; and for a shared template, where the last published
// version covered the chosen requirement, read from a real SQLite store.
#include "panelfixture.h"

#include "editor/coveragepanel.h"
#include "editor/templatetreemodel.h"
#include "mainwindow.h"
#include "shared/sharedworkspace.h"

#include <QAction>
#include <QDockWidget>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QTreeWidget>
#include <QUndoStack>
#include <QUndoView>
#include <QtTest>

using namespace coform;
using coform::test::PanelFixture;

namespace {
const QString kBundled = QStringLiteral(":/coform/templates/chc-review.json");
const QString kSmall = QStringLiteral(COFORM_TEST_DATA_DIR "/gui/small-review.json");

QTreeWidget *coverageList(MainWindow &w)
{
    return w.findChild<QTreeWidget *>(QStringLiteral("coverageList"));
}

QTreeWidgetItem *requirementRow(MainWindow &w, const QString &requirementId)
{
    QTreeWidget *list = coverageList(w);
    for (int i = 0; i < list->topLevelItemCount(); ++i) {
        if (list->topLevelItem(i)->text(0).startsWith(requirementId + QLatin1Char(':')))
            return list->topLevelItem(i);
    }
    return nullptr;
}
} // namespace

class TestCoveragePanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void uncoveredRequirementIsSaidInWordsAndUndoRestoresIt();
    void activatingAQuestionChoosesItInTheTree();
    void filesHaveNoPublishedVersionToCompare();
    void lastPublishedVersionFromARealStore();
    void undoHistoryShowsTheChanges();
};

void TestCoveragePanel::initTestCase()
{
    PanelFixture::setUpApplication();
}

void TestCoveragePanel::init()
{
    QSettings().clear();
}

void TestCoveragePanel::uncoveredRequirementIsSaidInWordsAndUndoRestoresIt()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.openBundledTemplate(kBundled));
    CoveragePanel *panel = w.coveragePanel();
    QVERIFY(panel);
    QCOMPARE(panel->summaryText(), QStringLiteral("18 of 18 requirements covered"));
    QTreeWidget *list = coverageList(w);
    QCOMPARE(list->topLevelItemCount(), 18);
    QTreeWidgetItem *advocacy = requirementRow(w, QStringLiteral("FR-ADVOCACY"));
    QVERIFY(advocacy);
    QCOMPARE(advocacy->text(1), QStringLiteral("question 17"));
    QCOMPARE(advocacy->childCount(), 1);
    const Item *advocate = w.document()->content().findItem(QStringLiteral("advocate-wanted"));
    QVERIFY(advocate);
    QCOMPARE(advocacy->child(0)->text(0), QStringLiteral("Question 17: %1").arg(advocate->label));
    // Requirements covered by several questions say so in runs.
    QCOMPARE(requirementRow(w, QStringLiteral("FR-CAPACITY"))->text(1), QStringLiteral("questions 28\u201331"));

    // Removing the only question that covers it: said in words, in bold, with an icon, first in the list.
    QVERIFY(w.document()->push(Edit::removeItem(w.document()->content(), QStringLiteral("advocate-wanted"))));
    QCOMPARE(panel->summaryText(), QStringLiteral("17 of 18 requirements covered; 1 not covered, listed first"));
    QTreeWidgetItem *first = list->topLevelItem(0);
    QVERIFY(first->text(0).startsWith(QStringLiteral("FR-ADVOCACY:")));
    QCOMPARE(first->text(1), QStringLiteral("Not covered"));
    QCOMPARE(first->childCount(), 0);
    QVERIFY(first->font(0).bold());
    QVERIFY(!first->icon(0).isNull());
    QVERIFY(first->data(0, Qt::AccessibleTextRole).toString().contains(QStringLiteral("not covered")));
    QVERIFY(!list->topLevelItem(1)->font(0).bold());
    // Questions after it moved up by one.
    QCOMPARE(requirementRow(w, QStringLiteral("FR-CAPACITY"))->text(1), QStringLiteral("questions 27\u201330"));

    // Undo puts it back where it was, with its question.
    w.document()->undoStack()->undo();
    QCOMPARE(panel->summaryText(), QStringLiteral("18 of 18 requirements covered"));
    advocacy = requirementRow(w, QStringLiteral("FR-ADVOCACY"));
    QCOMPARE(advocacy->text(1), QStringLiteral("question 17"));
    QVERIFY(!advocacy->font(0).bold());
    QVERIFY(!list->topLevelItem(0)->text(0).startsWith(QStringLiteral("FR-ADVOCACY:")));

    // Tagging a question with the requirement covers it again without the removed one.
    QVERIFY(w.document()->push(Edit::removeItem(w.document()->content(), QStringLiteral("advocate-wanted"))));
    QCOMPARE(requirementRow(w, QStringLiteral("FR-ADVOCACY"))->text(1), QStringLiteral("Not covered"));
    QVERIFY(w.document()->push(
        Edit::setItemProperty(w.document()->content(), QStringLiteral("has-supporter"), QStringLiteral("requirements"),
                              QJsonArray{QStringLiteral("FR-REPRESENTATIVE"), QStringLiteral("FR-ADVOCACY")})));
    QCOMPARE(requirementRow(w, QStringLiteral("FR-ADVOCACY"))->text(1), QStringLiteral("question 13"));
}

void TestCoveragePanel::activatingAQuestionChoosesItInTheTree()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.openBundledTemplate(kBundled));
    QVERIFY(w.currentId().isEmpty());

    // By keyboard: Ctrl+6 goes to the list; the question under a requirement, then Enter.
    QAction *goTo = w.findChild<QAction *>(QStringLiteral("actionGoToCoverage"));
    QVERIFY(goTo);
    QCOMPARE(goTo->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_5));
    goTo->trigger();
    QTreeWidget *list = coverageList(w);
    QTRY_VERIFY(list->hasFocus());
    QTreeWidgetItem *nhs = requirementRow(w, QStringLiteral("FR-NHSNUMBER"));
    QVERIFY(nhs && nhs->childCount() == 1);
    list->setCurrentItem(nhs->child(0));
    QTest::keyClick(list, Qt::Key_Return);
    QCOMPARE(w.currentId(), QStringLiteral("nhs-number"));

    // A double click on another question does the same.
    QTreeWidgetItem *capacity = requirementRow(w, QStringLiteral("FR-CAPACITY"));
    QTreeWidgetItem *notes = capacity->child(1);
    list->scrollToItem(notes);
    const QPoint at = list->visualItemRect(notes).center();
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, at);
    QCOMPARE(list->currentItem(), notes);
    QCOMPARE(w.currentId(), QStringLiteral("nhs-number")); // choosing is not activating
    QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, at);
    QCOMPARE(w.currentId(), QStringLiteral("capacity-notes"));

    // The dock can be hidden and shown from the View menu.
    QAction *toggle = w.findChild<QAction *>(QStringLiteral("actionShowCoverage"));
    QVERIFY(toggle && toggle->isCheckable());
    auto *dock = w.findChild<QDockWidget *>(QStringLiteral("coverageDock"));
    QVERIFY(dock->isVisible());
    toggle->trigger();
    QVERIFY(!dock->isVisible());
    QMenu *view = w.menuBar()->findChild<QMenu *>(QStringLiteral("menuView"));
    QVERIFY(view->actions().contains(toggle));
    QVERIFY(view->actions().contains(goTo));
    goTo->trigger();
    QVERIFY(dock->isVisible());
}

void TestCoveragePanel::filesHaveNoPublishedVersionToCompare()
{
    MainWindow w;
    QVERIFY(w.openTemplateFile(kSmall));
    CoveragePanel *panel = w.coveragePanel();
    QCOMPARE(panel->summaryText(), QStringLiteral("7 of 18 requirements covered; 11 not covered, listed first"));
    QVERIFY(panel->selectRequirement(QStringLiteral("FR-REVIEW-TIMING")));
    QCOMPARE(panel->publishedText(), QStringLiteral("This form is a file, not a shared template, so it has no "
                                                    "published version to compare with."));
    QVERIFY(w.openBundledTemplate(kBundled));
    QVERIFY(panel->publishedText().contains(QStringLiteral("comes with Coform")));

    // Without a database, any provider of the last published version serves.
    Template published = PanelFixture::bundled();
    published.version = 4;
    w.document()->open(PanelFixture::bundled(), TemplateDocument::Origin::Store, QString());
    panel->setPublishedProvider([published] { return std::optional<Template>(published); });
    QVERIFY(panel->selectRequirement(QStringLiteral("FR-NHSNUMBER")));
    QCOMPARE(panel->publishedText(), QStringLiteral("In version 4 (published): question 6 \u201c%1\u201d")
                                         .arg(published.findItem(QStringLiteral("nhs-number"))->label));
    panel->setPublishedProvider([] { return std::optional<Template>(); });
    QCOMPARE(panel->publishedText(), QStringLiteral("This template has never been published, so there is no "
                                                    "published version to compare with."));
    panel->setPublishedProvider({});
}

void TestCoveragePanel::lastPublishedVersionFromARealStore()
{
    PanelFixture f;
    QVERIFY(f.setUp());
    const QString id = QString::fromLatin1(PanelFixture::TemplateId);
    {
        MainWindow w;
        auto workspace = std::make_unique<SharedWorkspace>(&w, *f.db, *f.colin);
        QVERIFY(workspace->openStoredTemplate(id));
        CoveragePanel *panel = w.coveragePanel();
        QVERIFY(panel->selectRequirement(QStringLiteral("FR-ADVOCACY")));
        QCOMPARE(panel->publishedText(), QStringLiteral("This template has never been published, so there is no "
                                                        "published version to compare with."));
        workspace.reset();
    }

    // Version 1 published; in the draft of version 2, question 17 loses its label and the requirement.
    QVERIFY(f.publishFirstVersionAndStartSecond());
    const Template bundled = PanelFixture::bundled();
    const QString advocateLabel = bundled.findItem(QStringLiteral("advocate-wanted"))->label;
    QVERIFY(f.edit(*f.colin, QStringLiteral("advocate-wanted"), QStringLiteral("requirements"), QJsonArray{}));

    MainWindow w;
    auto workspace = std::make_unique<SharedWorkspace>(&w, *f.db, *f.colin);
    QVERIFY(workspace->openStoredTemplate(id));
    QCOMPARE(w.document()->content().version, 2);
    CoveragePanel *panel = w.coveragePanel();
    QCOMPARE(panel->summaryText(), QStringLiteral("17 of 18 requirements covered; 1 not covered, listed first"));
    QVERIFY(coverageList(w)->topLevelItem(0)->text(0).startsWith(QStringLiteral("FR-ADVOCACY:")));
    QVERIFY(panel->selectRequirement(QStringLiteral("FR-ADVOCACY")));
    QCOMPARE(panel->publishedText(),
             QStringLiteral("In version 1 (published): question 17 \u201c%1\u201d").arg(advocateLabel));
    QVERIFY(panel->selectRequirement(QStringLiteral("FR-NHSNUMBER")));
    QCOMPARE(panel->publishedText(), QStringLiteral("In version 1 (published): question 6 \u201c%1\u201d")
                                         .arg(bundled.findItem(QStringLiteral("nhs-number"))->label));
    // Several questions are listed in words.
    QVERIFY(panel->selectRequirement(QStringLiteral("FR-CAPACITY")));
    QVERIFY(panel->publishedText().startsWith(QStringLiteral("In version 1 (published): question 28 \u201c")));
    QVERIFY(panel->publishedText().contains(QStringLiteral(" and question 31 \u201c")));

    // Opening a file leaves the store behind; the panel says so.
    QVERIFY(w.openTemplateFile(kSmall));
    QVERIFY(panel->selectRequirement(QStringLiteral("FR-REVIEW-TIMING")));
    QVERIFY(panel->publishedText().startsWith(QStringLiteral("This form is a file")));
    workspace.reset(); // before the window: the live link lets go of the window's document
}

void TestCoveragePanel::undoHistoryShowsTheChanges()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.openBundledTemplate(kBundled));
    // Edit > Undo and Redo are there.
    QMenu *edit = w.menuBar()->findChild<QMenu *>(QStringLiteral("menuEdit"));
    QVERIFY(edit);
    QAction *undo = w.findChild<QAction *>(QStringLiteral("actionUndo"));
    QAction *redo = w.findChild<QAction *>(QStringLiteral("actionRedo"));
    QVERIFY(undo && redo && edit->actions().contains(undo) && edit->actions().contains(redo));

    auto *view = w.findChild<QUndoView *>(QStringLiteral("undoHistoryView"));
    QVERIFY(view);
    QCOMPARE(view->accessibleName(), QStringLiteral("Undo history"));
    QCOMPARE(view->stack(), w.document()->undoStack());
    QCOMPARE(view->model()->rowCount(), 1);
    QCOMPARE(view->model()->index(0, 0).data().toString(), QStringLiteral("As opened"));

    QVERIFY(w.document()->push(Edit::removeItem(w.document()->content(), QStringLiteral("advocate-wanted"))));
    QVERIFY(w.document()->push(Edit::setItemProperty(w.document()->content(), QStringLiteral("nhs-number"),
                                                     QStringLiteral("required"), false)));
    QCOMPARE(view->model()->rowCount(), 3);
    QVERIFY(!view->model()->index(1, 0).data().toString().isEmpty());

    // Choosing the first line goes back to the form as opened; the coverage follows.
    view->setCurrentIndex(view->model()->index(0, 0));
    QCOMPARE(w.document()->undoStack()->index(), 0);
    QVERIFY(w.document()->content().findItem(QStringLiteral("advocate-wanted")));
    QCOMPARE(w.coveragePanel()->summaryText(), QStringLiteral("18 of 18 requirements covered"));

    // A new template starts empty.
    QAction *newTemplate = w.findChild<QAction *>(QStringLiteral("actionNewTemplate"));
    QVERIFY(newTemplate);
    w.document()->undoStack()->setClean();
    newTemplate->trigger();
    QTRY_COMPARE(view->model()->index(0, 0).data().toString(), QStringLiteral("<empty template>"));
    QVERIFY(w.coveragePanel()->selectRequirement(QStringLiteral("FR-CONSENT")));
    QVERIFY(w.coveragePanel()->publishedText().startsWith(QStringLiteral("This form is new")));

    QAction *goTo = w.findChild<QAction *>(QStringLiteral("actionGoToUndoHistory"));
    QVERIFY(goTo);
    goTo->trigger();
    QTRY_VERIFY(view->hasFocus());
}

QTEST_MAIN(TestCoveragePanel)
#include "tst_coveragepanel.moc"
