// A co-production group builds a small form from nothing in the editor, through its own widgets (menus, the tree,
// the details panel's boxes, tables, lists and buttons), using every kind of question; then undoes every step back to
// the empty form and redoes them all. The form saved at the end is valid and is exactly what was built.
#include "editor/templatetreemodel.h"
#include "format/templateformat.h"
#include "mainwindow.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTextEdit>
#include <QTreeView>
#include <QUndoStack>
#include <QtTest>

using namespace coform;

namespace {

template<typename T> T *child(QWidget *w, const char *name)
{
    T *found = w->findChild<T *>(QString::fromLatin1(name));
    if (!found)
        qFatal("no %s named %s", T::staticMetaObject.className(), name);
    return found;
}

void trigger(QWidget *w, const char *action)
{
    QAction *a = w->findChild<QAction *>(QString::fromLatin1(action));
    QVERIFY2(a && a->isEnabled(), action);
    a->trigger();
}

/// Replaces the words in a text box by typing, as a person would (select all, type).
void typeInto(QTextEdit *box, const QString &text)
{
    box->setFocus();
    box->selectAll();
    QTest::keyClicks(box, text);
}

void typeInto(QLineEdit *box, const QString &text)
{
    box->setFocus();
    box->selectAll();
    QTest::keyClicks(box, text);
    QTest::keyClick(box, Qt::Key_Return);
}

/// Types over one cell of a table (the options, scale levels or columns).
void typeCell(QTableWidget *table, int row, int column, const QString &text)
{
    table->setFocus();
    table->setCurrentCell(row, column);
    QTest::keyClick(table, Qt::Key_F2);
    QWidget *editor = QApplication::focusWidget();
    QVERIFY(editor && editor != table);
    if (auto *line = qobject_cast<QLineEdit *>(editor))
        line->selectAll();
    QTest::keyClicks(editor, text);
    QTest::keyClick(editor, Qt::Key_Return);
    // The delegate commits a moment after Return.
    QTRY_COMPARE(table->item(row, column)->text(), text);
}

void chooseData(QComboBox *box, const QVariant &data)
{
    const int index = box->findData(data);
    QVERIFY2(index >= 0, qPrintable(data.toString()));
    box->setFocus();
    box->setCurrentIndex(index);
}

void chooseText(QComboBox *box, const QString &text)
{
    const int index = box->findText(text, Qt::MatchStartsWith);
    QVERIFY2(index >= 0, qPrintable(text));
    box->setFocus();
    box->setCurrentIndex(index);
}

void tick(QListWidget *list, const QString &startsWith)
{
    for (int row = 0; row < list->count(); ++row) {
        if (list->item(row)->text().startsWith(startsWith)) {
            list->setFocus();
            list->setCurrentRow(row);
            QTest::keyClick(list->viewport(), Qt::Key_Space); // Space ticks
            if (list->item(row)->checkState() != Qt::Checked) // some styles tick on the list itself
                QTest::keyClick(list, Qt::Key_Space);
            QCOMPARE(list->item(row)->checkState(), Qt::Checked);
            return;
        }
    }
    QFAIL(qPrintable(startsWith));
}

QString formatProblems(const Problems &problems)
{
    QStringList lines;
    for (const Problem &p : problems)
        lines.append(p.toString());
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class TestBuildFromNothing : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void everyKindOfQuestionThenUndoAllAndRedoAll()
    {
        MainWindow w;
        w.resize(1280, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.newTemplate());
        TemplateDocument *doc = w.document();
        const Template empty = doc->content();
        QVERIFY(empty.sections.isEmpty());
        QCOMPARE(doc->undoStack()->count(), 0);

        auto *text = child<QTextEdit>(&w, "propertyText");
        auto *help = child<QTextEdit>(&w, "propertyHelp");
        auto *type = child<QComboBox>(&w, "propertyItemType");
        auto *options = child<QTableWidget>(&w, "propertyOptions");

        // The form's own title.
        typeInto(text, QStringLiteral("Our care review"));
        QCOMPARE(doc->content().title, QStringLiteral("Our care review"));

        // A section.
        trigger(&w, "actionAddSection");
        typeInto(text, QStringLiteral("About you"));
        typeInto(help, QStringLiteral("So that we know who we are talking with."));
        const QString aboutYou = w.currentId();
        QCOMPARE(doc->content().findSection(aboutYou)->title, QStringLiteral("About you"));

        // Each kind of question, in turn: add it, choose its kind, type its words, then what only it has.
        auto addQuestion = [&](ItemType kind, const QString &label) {
            trigger(&w, "actionAddQuestion");
            chooseData(type, itemTypeName(kind));
            typeInto(text, label);
            const Item *item = doc->content().findItem(w.currentId());
            QVERIFY(item);
            QCOMPARE(item->type, kind);
            QCOMPARE(item->label, label);
        };

        addQuestion(ItemType::Info, QStringLiteral("This form is about the care you get."));
        addQuestion(ItemType::Text, QStringLiteral("Your postcode"));
        chooseData(child<QComboBox>(&w, "propertyTextFormat"), QStringLiteral("postcode"));
        child<QCheckBox>(&w, "propertyRequired")->click();
        const QString postcode = w.currentId();

        addQuestion(ItemType::Date, QStringLiteral("Date of the review"));
        child<QCheckBox>(&w, "propertyRequired")->click();
        tick(child<QListWidget>(&w, "propertyRequirementList"), QStringLiteral("FR-REVIEW-TIMING"));

        addQuestion(ItemType::YesNo, QStringLiteral("Do you have a carer?"));
        typeInto(help, QStringLiteral("A carer is someone who helps you and is not paid for it."));
        const QString hasCarer = w.currentId();

        addQuestion(ItemType::Textarea, QStringLiteral("What does your carer do for you?"));
        chooseText(child<QComboBox>(&w, "propertyShowIfQuestion"), QStringLiteral("3. Do you have a carer?"));
        chooseText(child<QComboBox>(&w, "propertyShowIfAnswer"), QStringLiteral("Yes"));
        const QString carerDoes = w.currentId();

        addQuestion(ItemType::Number, QStringLiteral("Hours of paid care each week"));
        typeInto(child<QLineEdit>(&w, "propertyMin"), QStringLiteral("0"));
        typeInto(child<QLineEdit>(&w, "propertyMax"), QStringLiteral("168"));
        typeInto(child<QLineEdit>(&w, "propertyUnit"), QStringLiteral("hours"));

        // A second section for the choices.
        trigger(&w, "actionAddSection");
        typeInto(text, QStringLiteral("Your care"));
        addQuestion(ItemType::Choice, QStringLiteral("Who chose your carers?"));
        child<QPushButton>(&w, "propertyAddOption")->click();
        child<QPushButton>(&w, "propertyAddOption")->click();
        child<QPushButton>(&w, "propertyAddOption")->click();
        QCOMPARE(options->rowCount(), 3);
        typeCell(options, 0, 0, QStringLiteral("I did"));
        typeCell(options, 1, 0, QStringLiteral("My family"));
        typeCell(options, 2, 0, QStringLiteral("The care team"));
        // The last answer goes first, and the first one is taken away again.
        options->setCurrentCell(2, 0);
        child<QPushButton>(&w, "propertyMoveUpOption")->click();
        child<QPushButton>(&w, "propertyMoveUpOption")->click();
        options->setCurrentCell(2, 0);
        child<QPushButton>(&w, "propertyRemoveOption")->click();
        {
            const Item *chose = doc->content().findItem(w.currentId());
            QCOMPARE(chose->options.size(), 2);
            QCOMPARE(chose->options.at(0).label, QStringLiteral("The care team"));
            QCOMPARE(chose->options.at(1).label, QStringLiteral("I did"));
        }

        addQuestion(ItemType::MultiChoice, QStringLiteral("What help do you get?"));
        for (int i = 0; i < 3; ++i)
            child<QPushButton>(&w, "propertyAddOption")->click();
        typeCell(options, 0, 0, QStringLiteral("Washing"));
        typeCell(options, 1, 0, QStringLiteral("Meals"));
        typeCell(options, 2, 0, QStringLiteral("Getting out"));
        tick(child<QListWidget>(&w, "propertyRequirementList"), QStringLiteral("FR-NEEDS-CHANGE"));

        addQuestion(ItemType::Scale, QStringLiteral("How well does your care meet your needs?"));
        for (int i = 0; i < 3; ++i)
            child<QPushButton>(&w, "propertyAddOption")->click();
        QCOMPARE(options->columnCount(), 3); // answer, what it means, code
        const QStringList levels{QStringLiteral("Not well"), QStringLiteral("Partly"), QStringLiteral("Well")};
        const QStringList meanings{QStringLiteral("Many needs are not met"), QStringLiteral("Some needs are not met"),
                                   QStringLiteral("All my needs are met")};
        for (int row = 0; row < 3; ++row) {
            typeCell(options, row, 0, levels.at(row));
            typeCell(options, row, 1, meanings.at(row));
        }

        addQuestion(ItemType::Table, QStringLiteral("What will happen next"));
        auto *columns = child<QTableWidget>(&w, "propertyColumns");
        child<QPushButton>(&w, "propertyAddColumn")->click();
        child<QPushButton>(&w, "propertyAddColumn")->click();
        QCOMPARE(columns->rowCount(), 2);
        typeCell(columns, 0, 0, QStringLiteral("What"));
        typeCell(columns, 1, 0, QStringLiteral("By when"));
        columns->setCurrentCell(1, 0);
        child<QPushButton>(&w, "propertyMoveUpColumn")->click();

        addQuestion(ItemType::Signature, QStringLiteral("Your signature"));

        // A structural change through the keyboard: the postcode question moves down one.
        QVERIFY(w.selectId(postcode));
        trigger(&w, "actionMoveDown");
        QCOMPARE(doc->content().findSection(aboutYou)->items.at(2).id, postcode);

        const Template built = doc->content();
        // What was built, checked against what was done.
        QCOMPARE(built.title, QStringLiteral("Our care review"));
        QCOMPARE(built.sections.size(), 2);
        QCOMPARE(built.sections.at(0).items.size(), 6);
        QCOMPARE(built.sections.at(1).items.size(), 5);
        QSet<ItemType> kinds;
        for (const Item *item : built.allItems())
            kinds.insert(item->type);
        QCOMPARE(kinds.size(), allItemTypes().size()); // every kind of item
        QCOMPARE(built.findItem(postcode)->format, QStringLiteral("postcode"));
        QVERIFY(built.findItem(postcode)->required);
        QVERIFY(built.findItem(carerDoes)->showIf);
        QCOMPARE(built.findItem(carerDoes)->showIf->item, hasCarer);
        QCOMPARE(built.findItem(carerDoes)->showIf->equals, QJsonValue(true));
        const Item &hours = built.sections.at(0).items.at(5);
        QCOMPARE(hours.min, std::optional<double>(0));
        QCOMPARE(hours.max, std::optional<double>(168));
        QCOMPARE(hours.unit, QStringLiteral("hours"));
        const Item &scale = built.sections.at(1).items.at(2);
        QCOMPARE(scale.options.size(), 3);
        QCOMPARE(scale.options.at(2).description, QStringLiteral("All my needs are met"));
        const Item &table = built.sections.at(1).items.at(3);
        QCOMPARE(table.columns.size(), 2);
        QCOMPARE(table.columns.at(0).label, QStringLiteral("By when"));
        QVERIFY(built.sections.at(1).items.at(1).requirements.contains(QStringLiteral("FR-NEEDS-CHANGE")));

        // Undo every step, through Edit > Undo, back to the empty form.
        const int steps = doc->undoStack()->count();
        QVERIFY2(steps > 40, qPrintable(QString::number(steps)));
        for (int i = 0; i < steps; ++i)
            trigger(&w, "actionUndo");
        QVERIFY(!doc->undoStack()->canUndo());
        QCOMPARE(doc->content(), empty);
        QCOMPARE(w.treeModel()->rowCount(), 0);

        // And redo every one, through Edit > Redo.
        for (int i = 0; i < steps; ++i)
            trigger(&w, "actionRedo");
        QVERIFY(!doc->undoStack()->canRedo());
        QCOMPARE(doc->content(), built);

        // Saved, it is a valid coform-template/1 file equal to what was built.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("our-care-review.json"));
        QVERIFY(w.saveTemplateFile(path));
        Problems problems;
        const std::optional<Template> read = readTemplateFile(path, &problems);
        QVERIFY2(read, qPrintable(formatProblems(problems)));
        QVERIFY2(problems.isEmpty(), qPrintable(formatProblems(problems)));
        QCOMPARE(*read, built);
        QVERIFY(!w.isWindowModified());
    }
};

QTEST_MAIN(TestBuildFromNothing)
#include "tst_buildfromnothing.moc"
