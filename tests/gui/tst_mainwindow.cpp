// The main window as a person meets it: it opens templates, shows sections, questions and their details, previews
// the printed form, explains bad files, and every control can be found by a screen reader and by keyboard.
#include "common/problemsdialog.h"
#include "editor/templatelist.h"
#include "editor/templatetreemodel.h"
#include "format/templateformat.h"
#include "mainwindow.h"
#include "preview/pdfpreview.h"
#include "preview/previewpage.h"

#include <QAccessible>
#include <QAction>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSettings>
#include <QTableWidget>
#include <QTextEdit>
#include <QTreeView>
#include <QtTest>

using namespace coform;

namespace {
const QString kSmall = QStringLiteral(COFORM_TEST_DATA_DIR "/gui/small-review.json");
const QString kBad = QStringLiteral(COFORM_TEST_DATA_DIR "/gui/bad-template.json");

template<typename T> T *child(QWidget *w, const char *name)
{
    T *found = w->findChild<T *>(QString::fromLatin1(name));
    if (!found)
        qWarning("no %s named %s", T::staticMetaObject.className(), name);
    return found;
}

QStringList tableColumn(const QTableWidget *table, int column)
{
    QStringList texts;
    for (int row = 0; row < table->rowCount(); ++row)
        texts.append(table->item(row, column) ? table->item(row, column)->text() : QString());
    return texts;
}

/// Walks what a screen reader sees and lists the visible controls (of the roles the AT-SPI audit checks) that
/// have no name.
void collectUnnamed(QAccessibleInterface *iface, QStringList *unnamed, int depth = 0)
{
    static const QSet<QAccessible::Role> needsName = {
        QAccessible::Button,   QAccessible::CheckBox, QAccessible::RadioButton, QAccessible::EditableText,
        QAccessible::ComboBox, QAccessible::SpinBox,  QAccessible::Slider,      QAccessible::List,
        QAccessible::Table,    QAccessible::Tree,     QAccessible::MenuItem};
    if (!iface || depth > 40 || iface->state().invisible)
        return;
    if (needsName.contains(iface->role()) && iface->text(QAccessible::Name).trimmed().isEmpty()) {
        QObject *object = iface->object();
        unnamed->append(QStringLiteral("%1 %2 (role %3)")
                            .arg(object ? QString::fromLatin1(object->metaObject()->className()) : QString(),
                                 object ? object->objectName() : QString())
                            .arg(int(iface->role())));
    }
    // Cells and rows of item views carry their own text; the views themselves are checked above.
    if (iface->role() == QAccessible::Table || iface->role() == QAccessible::Tree || iface->role() == QAccessible::List)
        return;
    for (int i = 0; i < iface->childCount(); ++i)
        collectUnnamed(iface->child(i), unnamed, depth + 1);
}
} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void opensTheFirstBundledTemplate();
    void selectsAnItemAndShowsItsDetails();
    void showsWhenAQuestionIsAskedInWords();
    void previewShowsThePrintedForm();
    void badFileShowsItsProblems();
    void missingFileShowsItsName();
    void textSizeGrowsAndIsRemembered();
    void highContrastIsRemembered();
    void panelsAreReachableByKeyboard();
    void everyControlHasANameAndObjectName();
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
}

void TestMainWindow::init()
{
    QSettings().clear();
}

void TestMainWindow::opensTheFirstBundledTemplate()
{
    QVERIFY2(!bundledTemplatePaths().isEmpty(), "no bundled templates found");
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.document()->isOpen());
    QCOMPARE(w.document()->origin(), TemplateDocument::Origin::Bundled);
    auto *list = child<TemplateList>(&w, "templateList");
    QVERIFY(list->count() >= 1);
    QCOMPARE(list->currentRow(), 0);
    QVERIFY(list->item(0)->text().contains(w.document()->content().title));
    QVERIFY(child<QTreeView>(&w, "templateTree")->model()->rowCount() > 0);
    QVERIFY(w.windowTitle().contains(w.document()->content().title));
}

void TestMainWindow::selectsAnItemAndShowsItsDetails()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.openTemplateFile(kSmall));
    QCOMPARE(w.document()->content().id, QStringLiteral("small-review"));
    auto *list = child<TemplateList>(&w, "templateList");
    QVERIFY(list->currentItem()->text().contains(QStringLiteral("Small review for testing")));

    // With nothing chosen, the details are those of the whole form.
    auto *heading = child<QLabel>(&w, "propertiesHeading");
    auto *text = child<QTextEdit>(&w, "propertyText");
    QCOMPARE(heading->text(), QStringLiteral("The whole form"));
    QCOMPARE(text->toPlainText(), QStringLiteral("Small review for testing"));
    // ... with the requirements the form covers, and those it does not, said in words.
    auto *requirements = child<QTableWidget>(&w, "propertyRequirements");
    QCOMPARE(child<QLabel>(&w, "propertyRequirementsLabel")->text(), QStringLiteral("Requirements: 7 of 18 covered"));
    QCOMPARE(requirements->rowCount(), 18);
    QCOMPARE(requirements->item(0, 0)->text(), QStringLiteral("FR-REVIEW-TIMING: Review timing"));
    QCOMPARE(requirements->item(0, 1)->text(), QStringLiteral("question 1"));
    QCOMPARE(tableColumn(requirements, 1).count(QStringLiteral("NOT COVERED YET")), 11);

    // Click the first section, then go down with the keyboard, as a person would.
    auto *tree = child<QTreeView>(&w, "templateTree");
    const auto *model = static_cast<const TemplateTreeModel *>(tree->model());
    const QModelIndex about = model->indexForId(QStringLiteral("about"));
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(about).center());
    QTRY_COMPARE(heading->text(), QStringLiteral("Section 1 of 3"));
    QCOMPARE(text->toPlainText(), QStringLiteral("About this review"));
    QCOMPARE(child<QLabel>(&w, "propertyTextLabel")->text(), QStringLiteral("Section title"));

    tree->setFocus();
    QTest::keyClick(tree, Qt::Key_Down); // the information text
    QTRY_COMPARE(heading->text(), QStringLiteral("Information text"));
    QTest::keyClick(tree, Qt::Key_Down); // question 1
    QTRY_COMPARE(heading->text(), QStringLiteral("Question 1"));
    QCOMPARE(text->toPlainText(), QStringLiteral("What kind of review is this?"));
    QCOMPARE(text->accessibleName(), QStringLiteral("Question"));
    QCOMPARE(child<QComboBox>(&w, "propertyItemType")->currentText(), QStringLiteral("Pick one answer"));
    QVERIFY(child<QTextEdit>(&w, "propertyHelp")->toPlainText().startsWith(QStringLiteral("Why we ask")));
    QVERIFY(child<QWidget>(&w, "propertyRequired")->isVisible());
    QCOMPARE(child<QLineEdit>(&w, "propertyId")->text(), QStringLiteral("review-type"));

    auto *options = child<QTableWidget>(&w, "propertyOptions");
    QVERIFY(options->isVisible());
    QCOMPARE(tableColumn(options, 0),
             QStringList({QStringLiteral("First review, about 3 months after funding started"),
                          QStringLiteral("Yearly review"), QStringLiteral("Early review, because things changed")}));
    QVERIFY(!child<QWidget>(&w, "propertyColumns")->isVisible());

    // Words in English and Welsh side by side; what is not translated says so in words.
    auto *translations = child<QTableWidget>(&w, "propertyTranslations");
    QCOMPARE(translations->columnCount(), 3);
    QCOMPARE(translations->horizontalHeaderItem(2)->text(), QStringLiteral("Welsh (Cymraeg)"));
    QVERIFY(tableColumn(translations, 2).contains(QStringLiteral("Pa fath o adolygiad yw hwn?")));
    QVERIFY(tableColumn(translations, 2).contains(QStringLiteral("Adolygiad blynyddol")));
    QVERIFY(tableColumn(translations, 2).contains(QStringLiteral("(not translated yet)"))); // the help text

    // The requirements of the set to tick; the one this question meets is ticked.
    auto *picker = child<QListWidget>(&w, "propertyRequirementList");
    QVERIFY(picker->isVisible());
    QCOMPARE(picker->count(), 18);
    QStringList ticked;
    for (int row = 0; row < picker->count(); ++row) {
        if (picker->item(row)->checkState() == Qt::Checked)
            ticked.append(picker->item(row)->text());
    }
    QCOMPARE(ticked, QStringList{QStringLiteral("FR-REVIEW-TIMING: Review timing")});
    QVERIFY(!requirements->isVisible()); // the whole form's coverage is not shown for a question

    // A table question shows its columns, not answers to choose from.
    QVERIFY(w.selectId(QStringLiteral("actions")));
    QTRY_COMPARE(text->toPlainText(), QStringLiteral("What will happen next"));
    QVERIFY(!options->isVisible());
    QCOMPARE(tableColumn(child<QTableWidget>(&w, "propertyColumns"), 0),
             QStringList({QStringLiteral("Who"), QStringLiteral("What"), QStringLiteral("By when")}));
}

void TestMainWindow::showsWhenAQuestionIsAskedInWords()
{
    MainWindow w;
    QVERIFY(w.openTemplateFile(kSmall));
    auto *showIf = child<QLabel>(&w, "propertyShowIfWords");
    auto *question = child<QComboBox>(&w, "propertyShowIfQuestion");
    auto *answer = child<QComboBox>(&w, "propertyShowIfAnswer");
    QVERIFY(w.selectId(QStringLiteral("phb-notes")));
    QCOMPARE(showIf->text(),
             QStringLiteral("Only when the answer to question 4 (Do you have a personal health budget?) is Yes"));
    QCOMPARE(question->currentText(), QStringLiteral("4. Do you have a personal health budget?"));
    QCOMPARE(answer->currentText(), QStringLiteral("Yes"));
    QVERIFY(w.selectId(QStringLiteral("hours")));
    QCOMPARE(showIf->text(), QStringLiteral("Always"));
    QCOMPARE(question->currentText(), QStringLiteral("Always asked"));
    QCOMPARE(child<QLineEdit>(&w, "propertyMin")->text(), QStringLiteral("0"));
    QCOMPARE(child<QLineEdit>(&w, "propertyMax")->text(), QStringLiteral("168"));
    QCOMPARE(child<QLineEdit>(&w, "propertyUnit")->text(), QStringLiteral("hours"));
    QCOMPARE(child<QLabel>(&w, "propertyNumberRangeLabel")->text(), QStringLiteral("Allowed numbers"));
}

void TestMainWindow::previewShowsThePrintedForm()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    auto *preview = child<PdfPreview>(&w, "pdfPreview");
    QVERIFY(w.openTemplateFile(kSmall));
    QTRY_VERIFY_WITH_TIMEOUT(preview->pageCount() > 0 && preview->statusText().contains(QStringLiteral("page")), 30000);
    QVERIFY2(preview->pageText(0).contains(QStringLiteral("Small review for testing")),
             qPrintable(preview->pageText(0)));
    QVERIFY(preview->pdf().startsWith("%PDF"));
    // The first page is visible, so it gets drawn; it tells a screen reader which page it is and what it says.
    auto *firstPage = child<PreviewPage>(&w, "previewPage1");
    QTRY_VERIFY_WITH_TIMEOUT(firstPage->hasImage(), 20000);
    QCOMPARE(firstPage->accessibleName(), QStringLiteral("Page 1 of %1").arg(preview->pageCount()));
    QVERIFY(firstPage->accessibleDescription().contains(QStringLiteral("Small review for testing")));

    // Large print needs more pages than standard print.
    const int standardPages = preview->pageCount();
    auto *profile = child<QComboBox>(&w, "previewProfile");
    QSignalSpy rendered(preview, &PdfPreview::rendered);
    profile->setCurrentIndex(profile->findText(QStringLiteral("Large print")));
    QTRY_VERIFY_WITH_TIMEOUT(rendered.count() >= 1, 30000);
    QCOMPARE(preview->options().profile, PrintProfile::Large);
    QVERIFY2(preview->pageCount() > standardPages,
             qPrintable(QStringLiteral("%1 vs %2").arg(preview->pageCount()).arg(standardPages)));

    // The Welsh preview prints the Welsh words.
    auto *language = child<QComboBox>(&w, "previewLanguage");
    QCOMPARE(language->count(), 3); // English, Welsh, both together
    rendered.clear();
    language->setCurrentIndex(language->findText(QStringLiteral("Welsh (Cymraeg)")));
    QTRY_VERIFY_WITH_TIMEOUT(rendered.count() >= 1, 30000);
    QString all;
    for (int i = 0; i < preview->pageCount(); ++i)
        all += preview->pageText(i);
    QVERIFY2(all.contains(QStringLiteral("Pa fath o adolygiad yw hwn?")), qPrintable(all.left(400)));
}

void TestMainWindow::badFileShowsItsProblems()
{
    MainWindow w;
    w.show();
    QVERIFY(w.openTemplateFile(kSmall));
    QVERIFY(!w.openTemplateFile(kBad));
    // The template open before stays open.
    QCOMPARE(w.document()->content().id, QStringLiteral("small-review"));
    ProblemsDialog *dialog = w.findChild<ProblemsDialog *>(QStringLiteral("problemsDialog"));
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QVERIFY(!dialog->lines().isEmpty());
    for (const QString &line : dialog->lines())
        QVERIFY2(line.contains(QStringLiteral("bad-template.json")), qPrintable(line));
    const QString all = dialog->lines().join(QLatin1Char('\n'));
    QVERIFY2(all.contains(QStringLiteral("/sections/0/items/0/type")), qPrintable(all));
    QVERIFY(child<QLabel>(dialog, "problemsIntro")->text().contains(QStringLiteral("bad-template.json")));
    QCOMPARE(child<TemplateList>(&w, "templateList")->currentItem()->text().section(QLatin1Char('\n'), 0, 0),
             QStringLiteral("Small review for testing"));
    dialog->reject();
    QTRY_VERIFY(!w.findChild<ProblemsDialog *>(QStringLiteral("problemsDialog")));
}

void TestMainWindow::missingFileShowsItsName()
{
    MainWindow w;
    QTemporaryDir dir;
    const QString missing = dir.filePath(QStringLiteral("not-here.json"));
    QVERIFY(!w.openTemplateFile(missing));
    ProblemsDialog *dialog = w.findChild<ProblemsDialog *>(QStringLiteral("problemsDialog"));
    QVERIFY(dialog);
    QVERIFY2(dialog->lines().join(QLatin1Char('\n')).contains(QStringLiteral("not-here.json")),
             qPrintable(dialog->lines().join(QLatin1Char('\n'))));
}

void TestMainWindow::textSizeGrowsAndIsRemembered()
{
    double normal = 0;
    {
        MainWindow w;
        normal = QApplication::font().pointSizeF();
        QVERIFY(normal >= 11);
        w.findChild<QAction *>(QStringLiteral("actionBiggerText"))->trigger();
        w.findChild<QAction *>(QStringLiteral("actionBiggerText"))->trigger();
        QVERIFY(QApplication::font().pointSizeF() > normal);
        for (const char *name : {"propertyText", "templateTree", "propertiesHeading", "templateList"})
            QCOMPARE(child<QWidget>(&w, name)->font().pointSizeF(), QApplication::font().pointSizeF());
    }
    const double bigger = QApplication::font().pointSizeF();
    {
        MainWindow w;
        QCOMPARE(QApplication::font().pointSizeF(), bigger); // remembered
        QCOMPARE(child<QWidget>(&w, "templateTree")->font().pointSizeF(), bigger);
        w.findChild<QAction *>(QStringLiteral("actionNormalText"))->trigger();
        QCOMPARE(QApplication::font().pointSizeF(), normal);
        w.findChild<QAction *>(QStringLiteral("actionSmallerText"))->trigger();
        QVERIFY(QApplication::font().pointSizeF() < normal);
        w.findChild<QAction *>(QStringLiteral("actionNormalText"))->trigger();
    }
    QVERIFY(!QSettings().contains(QStringLiteral("appearance/textPointSize")));
}

void TestMainWindow::highContrastIsRemembered()
{
    const QColor systemWindow = QApplication::palette().color(QPalette::Window);
    {
        MainWindow w;
        auto *contrast = w.findChild<QAction *>(QStringLiteral("actionHighContrast"));
        QVERIFY(contrast->isCheckable());
        QVERIFY(!contrast->isChecked());
        contrast->trigger();
        QCOMPARE(QApplication::palette().color(QPalette::Window), QColor(Qt::black));
        QCOMPARE(QApplication::palette().color(QPalette::WindowText), QColor(Qt::white));
        QCOMPARE(child<QWidget>(&w, "templateTree")->palette().color(QPalette::Base), QColor(Qt::black));
    }
    {
        MainWindow w; // remembered
        auto *contrast = w.findChild<QAction *>(QStringLiteral("actionHighContrast"));
        QVERIFY(contrast->isChecked());
        contrast->trigger();
        QCOMPARE(QApplication::palette().color(QPalette::Window), systemWindow);
    }
    QVERIFY(!QSettings().contains(QStringLiteral("appearance/highContrast")));
}

void TestMainWindow::panelsAreReachableByKeyboard()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.openTemplateFile(kSmall));
    QApplication::setActiveWindow(&w);
    w.findChild<QAction *>(QStringLiteral("actionGoToPanel2"))->trigger();
    QTRY_COMPARE(QApplication::focusWidget(), child<QWidget>(&w, "templateTree"));
    w.findChild<QAction *>(QStringLiteral("actionNextPanel"))->trigger();
    QTRY_COMPARE(QApplication::focusWidget(), child<QWidget>(&w, "propertyText"));
    w.findChild<QAction *>(QStringLiteral("actionNextPanel"))->trigger();
    QTRY_COMPARE(QApplication::focusWidget(), child<QWidget>(&w, "previewScroll"));
    w.findChild<QAction *>(QStringLiteral("actionNextPanel"))->trigger();
    QTRY_COMPARE(QApplication::focusWidget(), child<QWidget>(&w, "templateList"));
    w.findChild<QAction *>(QStringLiteral("actionPreviousPanel"))->trigger();
    QTRY_COMPARE(QApplication::focusWidget(), child<QWidget>(&w, "previewScroll"));
    // Every action with a shortcut says so in its tooltip.
    for (QAction *action : w.actions()) {
        if (!action->shortcut().isEmpty())
            QVERIFY2(action->toolTip().contains(action->shortcut().toString(QKeySequence::NativeText)),
                     qPrintable(action->objectName()));
    }
}

void TestMainWindow::everyControlHasANameAndObjectName()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.openTemplateFile(kSmall));
    for (const QString &id : {QStringLiteral("review-type"), QStringLiteral("actions"), QStringLiteral("about")}) {
        QVERIFY(w.selectId(id));
        QStringList unnamed;
        collectUnnamed(QAccessible::queryAccessibleInterface(&w), &unnamed);
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral("; "))));
    }
    // Every control a person can reach has an object name, so tests and the editor can find it.
    for (QWidget *widget : w.findChildren<QWidget *>()) {
        if (widget->focusPolicy() == Qt::NoFocus || !widget->isVisibleTo(&w) || qobject_cast<QHeaderView *>(widget))
            continue;
        if (widget->objectName().isEmpty() && widget->parentWidget() && widget->parentWidget()->objectName().isEmpty())
            QFAIL(qPrintable(QStringLiteral("a %1 has no object name").arg(widget->metaObject()->className())));
    }
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
