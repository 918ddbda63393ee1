// The tree of sections and questions: structure a view can rely on, and what a person reads in it.
#include "document/templatedocument.h"
#include "editor/templatetreemodel.h"
#include "format/templateformat.h"

#include <QAbstractItemModelTester>
#include <QMimeData>
#include <QSignalSpy>
#include <QUndoStack>
#include <QtTest>

using namespace coform;

class TestTemplateTreeModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void emptyDocumentHasNoRows();
    void sectionsAndItemsOfATemplate();
    void findsEverySectionAndItemById();
    void reopeningResetsTheModel();
    void dragAndDropMovesThroughTheUndoStack();
    void insertsRemovesAndMovesPassTheModelTester();
    void bundledTemplatesPassTheModelTester();

private:
    Template smallTemplate();
};

void TestTemplateTreeModel::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
}

Template TestTemplateTreeModel::smallTemplate()
{
    Problems problems;
    std::optional<Template> t =
        readTemplateFile(QStringLiteral(COFORM_TEST_DATA_DIR "/gui/small-review.json"), &problems);
    if (!t) {
        for (const Problem &p : problems)
            qWarning("%s", qPrintable(p.toString()));
    }
    return t.value_or(Template{});
}

void TestTemplateTreeModel::emptyDocumentHasNoRows()
{
    TemplateDocument document;
    TemplateTreeModel model(&document);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.indexForId(QStringLiteral("anything")).isValid());
}

void TestTemplateTreeModel::sectionsAndItemsOfATemplate()
{
    TemplateDocument document;
    TemplateTreeModel model(&document);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    document.open(smallTemplate(), TemplateDocument::Origin::File, QStringLiteral("small-review.json"));

    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), 1);
    const QModelIndex about = model.index(0, 0);
    QCOMPARE(about.data().toString(), QStringLiteral("About this review"));
    QCOMPARE(TemplateTreeModel::kind(about), TemplateTreeModel::Kind::Section);
    QCOMPARE(model.rowCount(about), 3);

    // Information texts get no number; questions are numbered through the whole form.
    const QModelIndex info = model.index(0, 0, about);
    QVERIFY(info.data().toString().startsWith(QStringLiteral("Information: This review checks")));
    QCOMPARE(info.data(TemplateTreeModel::QuestionNumberRole).toInt(), 0);
    const QModelIndex reviewType = model.index(1, 0, about);
    QCOMPARE(reviewType.data().toString(), QStringLiteral("1. What kind of review is this?"));
    QCOMPARE(reviewType.data(TemplateTreeModel::IdRole).toString(), QStringLiteral("review-type"));
    QCOMPARE(reviewType.data(TemplateTreeModel::ItemTypeRole).toString(), QStringLiteral("choice"));
    QCOMPARE(reviewType.parent(), about);
    QVERIFY(reviewType.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Pick one answer")));
    QCOMPARE(model.rowCount(reviewType), 0);

    const QModelIndex needs = model.index(1, 0);
    QCOMPARE(model.index(1, 0, needs).data().toString(), QStringLiteral("4. Do you have a personal health budget?"));
    QVERIFY(!(model.flags(reviewType) & Qt::ItemIsEditable)); // read-only until edits go through the undo stack
}

void TestTemplateTreeModel::findsEverySectionAndItemById()
{
    TemplateDocument document;
    TemplateTreeModel model(&document);
    const Template t = smallTemplate();
    document.open(t, TemplateDocument::Origin::File, QStringLiteral("small-review.json"));
    for (const Section &section : t.sections) {
        QCOMPARE(model.indexForId(section.id).data(TemplateTreeModel::IdRole).toString(), section.id);
        for (const Item &item : section.items) {
            const QModelIndex index = model.indexForId(item.id);
            QCOMPARE(index.data(TemplateTreeModel::IdRole).toString(), item.id);
            QCOMPARE(index.parent().data(TemplateTreeModel::IdRole).toString(), section.id);
        }
    }
    QVERIFY(!model.indexForId(QStringLiteral("no-such-item")).isValid());
}

void TestTemplateTreeModel::reopeningResetsTheModel()
{
    TemplateDocument document;
    TemplateTreeModel model(&document);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    document.open(smallTemplate(), TemplateDocument::Origin::File, QStringLiteral("a.json"));
    Template other;
    other.id = QStringLiteral("other");
    other.title = QStringLiteral("Other");
    other.sections.append(Section{QStringLiteral("only"), QStringLiteral("Only section"), {}, {}, {}, {}, {}});
    document.open(other, TemplateDocument::Origin::File, QStringLiteral("b.json"));
    QCOMPARE(resets.count(), 2);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.rowCount(model.index(0, 0)), 0);
    document.close();
    QCOMPARE(model.rowCount(), 0);
}

void TestTemplateTreeModel::dragAndDropMovesThroughTheUndoStack()
{
    TemplateDocument document;
    TemplateTreeModel model(&document);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    document.open(smallTemplate(), TemplateDocument::Origin::File, QStringLiteral("small-review.json"));
    auto ids = [&document](int section) {
        QStringList list;
        for (const Item &item : document.content().sections.at(section).items)
            list.append(item.id);
        return list;
    };
    auto drag = [&model](const QString &id) {
        return std::unique_ptr<QMimeData>(model.mimeData({model.indexForId(id)}));
    };
    const QModelIndex about = model.indexForId(QStringLiteral("about"));

    // Down within its section: dropped after nhs-number (row 3, before the rows are taken out).
    auto data = drag(QStringLiteral("review-type"));
    QVERIFY(model.canDropMimeData(data.get(), Qt::MoveAction, 3, 0, about));
    QVERIFY(!model.dropMimeData(data.get(), Qt::MoveAction, 3, 0, about)); // the document moved it, not the view
    QCOMPARE(ids(0), QStringList({"about-info", "nhs-number", "review-type"}));

    // Into another section.
    data = drag(QStringLiteral("review-type"));
    model.dropMimeData(data.get(), Qt::MoveAction, 1, 0, model.indexForId(QStringLiteral("needs")));
    QCOMPARE(ids(1).at(1), QStringLiteral("review-type"));
    QCOMPARE(ids(0), QStringList({"about-info", "nhs-number"}));

    // Items go into sections, sections between sections.
    data = drag(QStringLiteral("hours"));
    QVERIFY(!model.canDropMimeData(data.get(), Qt::MoveAction, 0, 0, QModelIndex()));
    data = drag(QStringLiteral("outcome"));
    QVERIFY(!model.canDropMimeData(data.get(), Qt::MoveAction, 0, 0, about));
    QVERIFY(model.canDropMimeData(data.get(), Qt::MoveAction, 0, 0, QModelIndex()));
    model.dropMimeData(data.get(), Qt::MoveAction, 0, 0, QModelIndex());
    QCOMPARE(document.content().sections.at(0).id, QStringLiteral("outcome"));
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("Outcome"));

    QCOMPARE(document.undoStack()->count(), 3);
    while (document.undoStack()->canUndo())
        document.undoStack()->undo();
    QCOMPARE(document.content(), smallTemplate());
}

void TestTemplateTreeModel::insertsRemovesAndMovesPassTheModelTester()
{
    TemplateDocument document;
    TemplateTreeModel model(&document);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    document.open(smallTemplate(), TemplateDocument::Origin::File, QStringLiteral("small-review.json"));
    const Template start = document.content();
    const int sections = model.rowCount();

    Section added;
    added.id = QStringLiteral("added-section");
    added.title = QStringLiteral("Added");
    QVERIFY(document.push(Edit::insertSection(document.content(), 1, added)));
    QCOMPARE(model.rowCount(), sections + 1);
    Item item;
    item.id = QStringLiteral("added-item");
    item.label = QStringLiteral("Added question");
    QVERIFY(document.push(Edit::insertItem(document.content(), added.id, 0, item)));
    QCOMPARE(model.rowCount(model.indexForId(added.id)), 1);
    const QString first = start.sections.first().items.first().id;
    QVERIFY(document.push(Edit::moveItem(document.content(), first, added.id, 1)));
    QCOMPARE(model.indexForId(first).parent(), model.indexForId(added.id));
    QVERIFY(document.push(Edit::moveSection(document.content(), added.id, 0)));
    QCOMPARE(model.indexForId(added.id).row(), 0);
    QVERIFY(document.push(Edit::removeItem(document.content(), item.id)));
    QVERIFY(!model.indexForId(item.id).isValid());
    // Presence and comment counts change rows' words, not the structure.
    model.setPresence({{first, {QStringLiteral("Priya")}}});
    QVERIFY(model.indexForId(first).data().toString().endsWith(QStringLiteral("[Priya is here]")));
    model.setOpenComments({{added.id, 2}});
    QVERIFY(model.indexForId(added.id).data().toString().endsWith(QStringLiteral("[2 open comments]")));
    QVERIFY(document.push(Edit::removeSection(document.content(), added.id)));
    QCOMPARE(model.rowCount(), sections);

    // Undo every step, then redo them, with the tester watching.
    while (document.undoStack()->canUndo())
        document.undoStack()->undo();
    QCOMPARE(document.content(), start);
    while (document.undoStack()->canRedo())
        document.undoStack()->redo();
    QCOMPARE(model.rowCount(), sections);
}

void TestTemplateTreeModel::bundledTemplatesPassTheModelTester()
{
    const QStringList paths = bundledTemplatePaths();
    QVERIFY2(!paths.isEmpty(), "no bundled templates found");
    for (const QString &path : paths) {
        Problems problems;
        const std::optional<Template> t = readTemplateFile(path, &problems);
        QVERIFY2(t, qPrintable(path));
        TemplateDocument document;
        TemplateTreeModel model(&document);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        document.open(*t, TemplateDocument::Origin::Bundled, path);
        int items = 0;
        for (int s = 0; s < model.rowCount(); ++s)
            items += model.rowCount(model.index(s, 0));
        QCOMPARE(items, int(t->allItems().size()));
    }
}

QTEST_MAIN(TestTemplateTreeModel)
#include "tst_templatetreemodel.moc"
