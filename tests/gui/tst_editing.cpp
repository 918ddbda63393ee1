// Editing a template in the window: every change is an Edit on the undo stack, typing is one undo step, the tree,
// the details and the printed form follow, and nothing is lost without a way back.
#include "editor/templatetreemodel.h"
#include "format/templateformat.h"
#include "mainwindow.h"
#include "preview/pdfpreview.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QTableWidget>
#include <QTextEdit>
#include <QTreeView>
#include <QUndoStack>
#include <QtTest>

using namespace coform;

namespace {
const QString kSmall = QStringLiteral(COFORM_TEST_DATA_DIR "/gui/small-review.json");

template<typename T> T *child(QWidget *w, const char *name)
{
    T *found = w->findChild<T *>(QString::fromLatin1(name));
    if (!found)
        qWarning("no %s named %s", T::staticMetaObject.className(), name);
    return found;
}

void trigger(QWidget *w, const char *action)
{
    QAction *a = w->findChild<QAction *>(QString::fromLatin1(action));
    QVERIFY2(a, action);
    QVERIFY2(a->isEnabled(), action);
    a->trigger();
}

QStringList itemIds(const Section &section)
{
    QStringList ids;
    for (const Item &item : section.items)
        ids.append(item.id);
    return ids;
}
} // namespace

class TestEditing : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void typingIsOneUndoStep();
    void translationsAreEditedSideBySide();
    void addDuplicateDeleteAndUndo();
    void moveWithTheKeyboard();
    void plainLanguageTipsFollowTheWords();
    void previewFollowsTheWords();
    void saveWritesAFileThatReadsBack();
    void meetingViewShowsTheQuestionBig();

private:
    QUndoStack *stack(MainWindow &w) { return w.document()->undoStack(); }
};

void TestEditing::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
}

void TestEditing::init()
{
    QSettings().clear();
}

void TestEditing::typingIsOneUndoStep()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.openTemplateFile(kSmall));
    QVERIFY(w.selectId(QStringLiteral("review-type")));
    auto *text = child<QTextEdit>(&w, "propertyText");
    text->setFocus();
    text->moveCursor(QTextCursor::End);
    QTest::keyClicks(text, " Tick one");
    QCOMPARE(w.document()->content().findItem(QStringLiteral("review-type"))->label,
             QStringLiteral("What kind of review is this? Tick one"));
    QCOMPARE(stack(w)->count(), 1); // nine letters, one step
    QVERIFY(w.isWindowModified());
    auto *tree = child<QTreeView>(&w, "templateTree");
    QCOMPARE(tree->currentIndex().data().toString(), QStringLiteral("1. What kind of review is this? Tick one"));

    auto *required = child<QCheckBox>(&w, "propertyRequired");
    QVERIFY(required->isChecked());
    required->click();
    QVERIFY(!w.document()->content().findItem(QStringLiteral("review-type"))->required);
    QCOMPARE(stack(w)->count(), 2);

    trigger(&w, "actionUndo");
    QVERIFY(required->isChecked());
    trigger(&w, "actionUndo");
    QCOMPARE(text->toPlainText(), QStringLiteral("What kind of review is this?"));
    QCOMPARE(w.document()->content().findItem(QStringLiteral("review-type"))->label,
             QStringLiteral("What kind of review is this?"));
    QVERIFY(!w.isWindowModified());
    trigger(&w, "actionRedo");
    QCOMPARE(text->toPlainText(), QStringLiteral("What kind of review is this? Tick one"));

    // A new kind of question: the details follow, and the answers to choose from stay.
    auto *type = child<QComboBox>(&w, "propertyItemType");
    type->setCurrentIndex(type->findData(QStringLiteral("multichoice")));
    QCOMPARE(w.document()->content().findItem(QStringLiteral("review-type"))->type, ItemType::MultiChoice);
    QCOMPARE(type->currentText(), QStringLiteral("Pick one or more answers"));
    QVERIFY(child<QTableWidget>(&w, "propertyOptions")->isVisible());
}

void TestEditing::translationsAreEditedSideBySide()
{
    MainWindow w;
    w.show();
    QVERIFY(w.openTemplateFile(kSmall));
    QVERIFY(w.selectId(QStringLiteral("review-type")));
    auto *translations = child<QTableWidget>(&w, "propertyTranslations");
    // Row 1 is the help text, which has no Welsh yet.
    QCOMPARE(translations->item(1, 0)->text(), QStringLiteral("Help text"));
    QCOMPARE(translations->item(1, 2)->text(), QStringLiteral("(not translated yet)"));
    translations->item(1, 2)->setData(Qt::EditRole, QStringLiteral("Pam rydyn ni'n gofyn"));
    const Item *item = w.document()->content().findItem(QStringLiteral("review-type"));
    QCOMPARE(item->translations.value(QStringLiteral("cy")).help, QStringLiteral("Pam rydyn ni'n gofyn"));
    QCOMPARE(child<QTableWidget>(&w, "propertyTranslations")->item(1, 2)->text(),
             QStringLiteral("Pam rydyn ni'n gofyn"));
    trigger(&w, "actionUndo");
    QCOMPARE(translations->item(1, 2)->text(), QStringLiteral("(not translated yet)"));

    // An answer's words are changed in the answers table.
    auto *options = child<QTableWidget>(&w, "propertyOptions");
    options->item(1, 0)->setText(QStringLiteral("Yearly review (every 12 months)"));
    QCOMPARE(w.document()->content().findItem(QStringLiteral("review-type"))->options.at(1).label,
             QStringLiteral("Yearly review (every 12 months)"));
    QCOMPARE(w.document()->content().findItem(QStringLiteral("review-type"))->options.at(1).value,
             QStringLiteral("annual"));

    // Answers are added and removed with buttons; each is one step to undo.
    child<QPushButton>(&w, "propertyAddOption")->click();
    const Item *reviewType = w.document()->content().findItem(QStringLiteral("review-type"));
    QCOMPARE(reviewType->options.size(), 4);
    QCOMPARE(reviewType->options.at(3).label, QStringLiteral("New answer"));
    QCOMPARE(reviewType->options.at(3).value, QStringLiteral("answer-4"));
    QCOMPARE(options->rowCount(), 4);
    options->setCurrentCell(0, 0);
    child<QPushButton>(&w, "propertyRemoveOption")->click();
    reviewType = w.document()->content().findItem(QStringLiteral("review-type"));
    QCOMPARE(reviewType->options.size(), 3);
    QCOMPARE(reviewType->options.at(0).value, QStringLiteral("annual"));
    trigger(&w, "actionUndo");
    trigger(&w, "actionUndo");
    QCOMPARE(w.document()->content().findItem(QStringLiteral("review-type"))->options.size(), 3);
    QCOMPARE(w.document()->content().findItem(QStringLiteral("review-type"))->options.at(0).value,
             QStringLiteral("first"));
}

void TestEditing::addDuplicateDeleteAndUndo()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.openTemplateFile(kSmall));
    auto *tree = child<QTreeView>(&w, "templateTree");
    QVERIFY(w.selectId(QStringLiteral("review-type")));

    trigger(&w, "actionAddQuestion");
    const Template &t = w.document()->content();
    QCOMPARE(itemIds(t.sections.at(0)), QStringList({"about-info", "review-type", "question", "nhs-number"}));
    QCOMPARE(tree->currentIndex().data(TemplateTreeModel::IdRole).toString(), QStringLiteral("question"));
    auto *text = child<QTextEdit>(&w, "propertyText");
    QTRY_COMPARE(QApplication::focusWidget(), text); // straight to its words
    QCOMPARE(text->textCursor().selectedText(), QStringLiteral("New question"));
    QTest::keyClicks(text, "Who is your GP?");
    QCOMPARE(t.findItem(QStringLiteral("question"))->label, QStringLiteral("Who is your GP?"));
    QCOMPARE(tree->currentIndex().data().toString(), QStringLiteral("2. Who is your GP?"));

    trigger(&w, "actionDuplicate");
    QCOMPARE(itemIds(w.document()->content().sections.at(0)),
             QStringList({"about-info", "review-type", "question", "question-copy", "nhs-number"}));
    QCOMPARE(w.document()->content().findItem(QStringLiteral("question-copy"))->label,
             QStringLiteral("Who is your GP?"));
    QCOMPARE(tree->currentIndex().data(TemplateTreeModel::IdRole).toString(), QStringLiteral("question-copy"));

    // Delete with the Delete key in the tree; the one below is chosen next.
    tree->setFocus();
    QApplication::setActiveWindow(&w);
    QTRY_VERIFY(tree->hasFocus());
    QTest::keyClick(tree, Qt::Key_Delete);
    QCOMPARE(itemIds(w.document()->content().sections.at(0)),
             QStringList({"about-info", "review-type", "question", "nhs-number"}));
    QCOMPARE(tree->currentIndex().data(TemplateTreeModel::IdRole).toString(), QStringLiteral("nhs-number"));

    trigger(&w, "actionUndo");
    QVERIFY(w.document()->content().findItem(QStringLiteral("question-copy")));
    while (stack(w)->canUndo())
        trigger(&w, "actionUndo");
    QCOMPARE(itemIds(w.document()->content().sections.at(0)), QStringList({"about-info", "review-type", "nhs-number"}));
    QVERIFY(!w.isWindowModified());

    // A new section goes after the chosen one, and a question can go into it.
    QVERIFY(w.selectId(QStringLiteral("needs")));
    trigger(&w, "actionAddSection");
    QCOMPARE(w.document()->content().sections.at(2).id, QStringLiteral("section"));
    QCOMPARE(w.document()->content().sections.at(2).title, QStringLiteral("New section"));
    trigger(&w, "actionAddQuestion");
    QCOMPARE(itemIds(w.document()->content().sections.at(2)), QStringList({"question"}));
}

void TestEditing::moveWithTheKeyboard()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QApplication::setActiveWindow(&w);
    QVERIFY(w.openTemplateFile(kSmall));
    auto *tree = child<QTreeView>(&w, "templateTree");
    QVERIFY(w.selectId(QStringLiteral("review-type")));
    tree->setFocus();
    QTest::keyClick(tree, Qt::Key_Down, Qt::AltModifier);
    QCOMPARE(itemIds(w.document()->content().sections.at(0)), QStringList({"about-info", "nhs-number", "review-type"}));
    QCOMPARE(tree->currentIndex().data(TemplateTreeModel::IdRole).toString(), QStringLiteral("review-type"));
    // Past the end of its section it goes into the next one, first.
    QTest::keyClick(tree, Qt::Key_Down, Qt::AltModifier);
    QCOMPARE(itemIds(w.document()->content().sections.at(0)), QStringList({"about-info", "nhs-number"}));
    QCOMPARE(w.document()->content().sections.at(1).items.at(0).id, QStringLiteral("review-type"));
    QTest::keyClick(tree, Qt::Key_Up, Qt::AltModifier);
    QCOMPARE(itemIds(w.document()->content().sections.at(0)), QStringList({"about-info", "nhs-number", "review-type"}));

    // Sections move too.
    QVERIFY(w.selectId(QStringLiteral("outcome")));
    trigger(&w, "actionMoveUp");
    QCOMPARE(w.document()->content().sections.at(1).id, QStringLiteral("outcome"));
    QCOMPARE(tree->currentIndex().data(TemplateTreeModel::IdRole).toString(), QStringLiteral("outcome"));
    QCOMPARE(stack(w)->count(), 4);
}

void TestEditing::plainLanguageTipsFollowTheWords()
{
    MainWindow w;
    QVERIFY(w.openTemplateFile(kSmall));
    QVERIFY(w.selectId(QStringLiteral("nhs-number")));
    auto *hints = child<QTextEdit>(&w, "propertyHints");
    QVERIFY2(hints->toPlainText().endsWith(QStringLiteral("No tips: the words look plain.")),
             qPrintable(hints->toPlainText()));
    auto *text = child<QTextEdit>(&w, "propertyText");
    text->setPlainText(QStringLiteral("Has the ICB checked your eligibility?"));
    const QString tips = hints->toPlainText();
    // The figures, by hand: one sentence of 6 words and 31 letters (5.2 a word); syllables as vowel groups:
    // has 1, the 1, ICB 1, checked 2, your 1, eligibility 6 = 12; 206.835 - 1.015 * 6 - 84.6 * 12 / 6 = 31.5: "hard".
    QVERIFY2(
        tips.startsWith(QStringLiteral("Question: reading ease 32 (hard); 6.0 words a sentence; 5.2 letters a word")),
        qPrintable(tips));
    QVERIFY2(tips.contains(QStringLiteral("\u201cICB\u201d may be hard to understand. You could say: your local NHS")),
             qPrintable(tips));
    QVERIFY2(tips.contains(QStringLiteral("\u201celigibility\u201d")), qPrintable(tips));
    // The hard words are underlined in the box (the text itself is untouched) ...
    QCOMPARE(text->extraSelections().size(), 2);
    QCOMPARE(text->extraSelections().first().cursor.selectedText(), QStringLiteral("ICB"));
    QCOMPARE(text->extraSelections().first().format.underlineStyle(), QTextCharFormat::WaveUnderline);
    // ... and their plain words are one click away, as one step that undo takes back.
    QPushButton *plain = nullptr;
    for (QPushButton *b : w.findChildren<QPushButton *>(QStringLiteral("plainWordButton"))) {
        if (b->accessibleName().contains(QStringLiteral("instead of \u201cICB\u201d")))
            plain = b;
    }
    QVERIFY(plain);
    QCOMPARE(
        plain->accessibleName(),
        QStringLiteral(
            "Say \u201cyour local NHS organisation that plans and pays for care\u201d instead of \u201cICB\u201d"));
    const int steps = stack(w)->count();
    plain->click();
    QCOMPARE(
        w.document()->content().findItem(QStringLiteral("nhs-number"))->label,
        QStringLiteral("Has the your local NHS organisation that plans and pays for care checked your eligibility?"));
    QCOMPARE(
        text->toPlainText(),
        QStringLiteral("Has the your local NHS organisation that plans and pays for care checked your eligibility?"));
    QCOMPARE(stack(w)->count(), steps + 1);
    QCOMPARE(text->extraSelections().size(), 1); // only "eligibility" is left
    stack(w)->undo();
    QCOMPARE(text->toPlainText(), QStringLiteral("Has the ICB checked your eligibility?"));
    child<QTextEdit>(&w, "propertyText")
        ->setPlainText(QStringLiteral("Please tell us about all of the different people and services who have been "
                                      "helping you with your care and support at home since the last time we met"));
    QVERIFY2(hints->toPlainText().contains(QStringLiteral("has 29 words")), qPrintable(hints->toPlainText()));
}

void TestEditing::previewFollowsTheWords()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    auto *preview = child<PdfPreview>(&w, "pdfPreview");
    QVERIFY(w.openTemplateFile(kSmall));
    QTRY_VERIFY_WITH_TIMEOUT(preview->pageCount() > 0 && !preview->pdf().isEmpty(), 30000);
    QSignalSpy rendered(preview, &PdfPreview::rendered);
    QVERIFY(w.selectId(QStringLiteral("hours")));
    auto *text = child<QTextEdit>(&w, "propertyText");
    text->selectAll();
    QTest::keyClicks(text, "Hours of paid care each week");
    QTRY_VERIFY_WITH_TIMEOUT(rendered.count() >= 1, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(preview->pageText(0).contains(QStringLiteral("Hours of paid care each week"))
                                 || preview->pageText(1).contains(QStringLiteral("Hours of paid care each week")),
                             30000);
    // Typing gathered into few PDFs, not one a letter.
    QVERIFY2(rendered.count() <= 3, qPrintable(QString::number(rendered.count())));
}

void TestEditing::saveWritesAFileThatReadsBack()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("mine.json"));
    MainWindow w;
    QVERIFY(w.openTemplateFile(kSmall));
    QVERIFY(w.selectId(QStringLiteral("nhs-number")));
    child<QTextEdit>(&w, "propertyText")->setPlainText(QStringLiteral("Your NHS number"));
    QVERIFY(w.isWindowModified());
    QVERIFY(w.saveTemplateFile(path));
    QVERIFY(!w.isWindowModified());
    QCOMPARE(w.document()->path(), QFileInfo(path).absoluteFilePath());
    Problems problems;
    const std::optional<Template> back = readTemplateFile(path, &problems);
    QVERIFY(back);
    QCOMPARE(back->findItem(QStringLiteral("nhs-number"))->label, QStringLiteral("Your NHS number"));
    QCOMPARE(*back, w.document()->content());
}

void TestEditing::meetingViewShowsTheQuestionBig()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.openTemplateFile(kSmall));
    QVERIFY(w.selectId(QStringLiteral("review-type")));
    trigger(&w, "actionMeetingView");
    auto *meeting = child<QWidget>(&w, "meetingView");
    QTRY_VERIFY(meeting->isVisible());
    auto *question = child<QLabel>(meeting, "meetingQuestion");
    QCOMPARE(question->text(), QStringLiteral("1. What kind of review is this?"));
    QVERIFY(question->font().pointSizeF() >= 2 * w.font().pointSizeF());
    QVERIFY(child<QLabel>(meeting, "meetingAnswers")->text().contains(QStringLiteral("\u2022 Yearly review")));

    // Page Down moves on, and the window's tree and details follow.
    QTest::keyClick(meeting, Qt::Key_PageDown);
    QCOMPARE(question->text(), QStringLiteral("2. NHS number"));
    auto *tree = child<QTreeView>(&w, "templateTree");
    QCOMPARE(tree->currentIndex().data(TemplateTreeModel::IdRole).toString(), QStringLiteral("nhs-number"));

    // Words changed in the details show at once.
    child<QTextEdit>(&w, "propertyText")->setPlainText(QStringLiteral("Your NHS number"));
    QCOMPARE(question->text(), QStringLiteral("2. Your NHS number"));

    // Its plain-language hints, and the open comments on it (in a shared template), are shown big too.
    auto *hints = child<QLabel>(meeting, "meetingHints");
    auto *comments = child<QLabel>(meeting, "meetingComments");
    QVERIFY(!hints->isVisible());
    QVERIFY(!comments->isVisible());
    w.setCommentsProvider([](const QString &itemId) {
        return itemId == QLatin1String("nhs-number") ? QStringList{QStringLiteral("Priya: Say where to find it")}
                                                     : QStringList();
    });
    QCOMPARE(comments->text(), QStringLiteral("Comments (1 open):\nPriya: Say where to find it"));
    QVERIFY(comments->isVisible());
    child<QTextEdit>(&w, "propertyText")->setPlainText(QStringLiteral("Your NHS number, as the ICB has it"));
    QVERIFY2(hints->text().contains(QStringLiteral("\u201cICB\u201d may be hard to understand")),
             qPrintable(hints->text()));
    QVERIFY(hints->isVisible());
    QTest::keyClick(meeting, Qt::Key_Right);
    QVERIFY(!comments->isVisible());

    QTest::keyClick(meeting, Qt::Key_Escape);
    QTRY_VERIFY(!meeting->isVisible());
}

QTEST_MAIN(TestEditing)
#include "tst_editing.moc"
