// Edits: apply, conflict, invert, JSON, replay, and the undo commands that merge typing.
#include "edit/edit.h"
#include "edit/editcommand.h"
#include "edit/editscript.h"
#include "edit/templatediff.h"
#include "edit/templatejson.h"
#include "format/templateformat.h"

#include <QJsonArray>
#include <QTest>
#include <QUndoStack>

using namespace coform;

class TestEdit : public QObject
{
    Q_OBJECT

private:
    Template bundled()
    {
        Problems problems;
        const auto t = readTemplateFile(QStringLiteral(":/coform/templates/chc-review.json"), &problems);
        if (!t)
            qFatal("the bundled template does not read");
        return *t;
    }

    Template small()
    {
        Template t;
        t.id = QStringLiteral("small");
        t.title = QStringLiteral("Small form");
        Section a{QStringLiteral("a"), QStringLiteral("First"), {}, {}, {}, {}, {}};
        Item q1;
        q1.id = QStringLiteral("q1");
        q1.type = ItemType::Choice;
        q1.label = QStringLiteral("How are things?");
        q1.options = {{QStringLiteral("good"), QStringLiteral("Good"), {}, {}},
                      {QStringLiteral("bad"), QStringLiteral("Bad"), {}, {}}};
        Item q2;
        q2.id = QStringLiteral("q2");
        q2.type = ItemType::Textarea;
        q2.label = QStringLiteral("Tell us more");
        a.items = {q1, q2};
        Section b{QStringLiteral("b"), QStringLiteral("Second"), {}, {}, {}, {}, {}};
        Item q3;
        q3.id = QStringLiteral("q3");
        q3.type = ItemType::YesNo;
        q3.label = QStringLiteral("Anything else?");
        b.items = {q3};
        t.sections = {a, b};
        return t;
    }

private slots:
    void jsonCodecRoundTripsTheBundledTemplate()
    {
        const Template t = bundled();
        QString error;
        const auto back = TemplateJson::toTemplate(TemplateJson::fromTemplate(t), &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(*back, t);
    }

    void setPropertyAppliesAndInverts()
    {
        Template t = small();
        const Template original = t;
        const Edit e = Edit::setItemProperty(t, QStringLiteral("q1"), QStringLiteral("label"),
                                             QStringLiteral("How is your care going?"));
        QCOMPARE(e.before.toString(), QStringLiteral("How are things?"));
        QVERIFY(e.apply(t).applied());
        QCOMPARE(t.findItem(QStringLiteral("q1"))->label, QStringLiteral("How is your care going?"));
        QVERIFY(e.inverted().apply(t).applied());
        QCOMPARE(t, original);
    }

    void staleEditIsAConflictAndChangesNothing()
    {
        Template t = small();
        const Edit mine =
            Edit::setItemProperty(t, QStringLiteral("q1"), QStringLiteral("label"), QStringLiteral("Mine"));
        const Edit theirs =
            Edit::setItemProperty(t, QStringLiteral("q1"), QStringLiteral("label"), QStringLiteral("Theirs"));
        QVERIFY(theirs.apply(t).applied());
        const Template afterTheirs = t;
        const EditOutcome outcome = mine.apply(t);
        QCOMPARE(outcome.status, EditOutcome::Status::Conflict);
        QCOMPARE(outcome.current.toString(), QStringLiteral("Theirs"));
        QCOMPARE(t, afterTheirs);
        // A different property of the same item does not conflict.
        const Edit help =
            Edit::setItemProperty(small(), QStringLiteral("q1"), QStringLiteral("help"), QStringLiteral("Why we ask"));
        QVERIFY(help.apply(t).applied());
    }

    void everyKindInvertsExactly_data()
    {
        QTest::addColumn<int>("which");
        for (int i = 0; i < 11; ++i)
            QTest::addRow("%d", i) << i;
    }

    void everyKindInvertsExactly()
    {
        QFETCH(int, which);
        Template t = small();
        const Template original = t;
        Item added;
        added.id = QStringLiteral("q4");
        added.type = ItemType::Date;
        added.label = QStringLiteral("Date of review");
        Section extra{QStringLiteral("c"), QStringLiteral("Third"), {}, {}, {added}, {}, {}};
        const QVector<Edit> edits = {
            Edit::setTemplateProperty(t, QStringLiteral("title"), QStringLiteral("A new title")),
            Edit::setSectionProperty(t, QStringLiteral("a"), QStringLiteral("help"), QStringLiteral("Some help")),
            Edit::setItemProperty(t, QStringLiteral("q1"), QStringLiteral("options"),
                                  QJsonArray{QJsonObject{{QStringLiteral("value"), QStringLiteral("good")},
                                                         {QStringLiteral("label"), QStringLiteral("Going well")}}}),
            Edit::setTranslation(t, {}, QStringLiteral("q1"), QStringLiteral("cy"), QStringLiteral("label"),
                                 QStringLiteral("Sut mae pethau?")),
            Edit::insertItem(t, QStringLiteral("a"), 1, added),
            Edit::removeItem(t, QStringLiteral("q2")),
            Edit::moveItem(t, QStringLiteral("q1"), QStringLiteral("b"), 1),
            Edit::insertSection(t, 1, extra),
            Edit::removeSection(t, QStringLiteral("b")),
            Edit::moveSection(t, QStringLiteral("b"), 0),
            Edit::macro(QStringLiteral("Reword and move"),
                        {Edit::setItemProperty(t, QStringLiteral("q3"), QStringLiteral("required"), true),
                         Edit::moveItem(t, QStringLiteral("q3"), QStringLiteral("a"), 0)}),
        };
        const Edit &e = edits.at(which);
        QVERIFY2(e.apply(t).applied(), qPrintable(e.summary()));
        QVERIFY(t != original);
        // Through JSON and back, as the change log stores it.
        QString error;
        const auto stored = Edit::fromJson(e.toJson(), &error);
        QVERIFY2(stored, qPrintable(error));
        QCOMPARE(*stored, e);
        QVERIFY(stored->inverted().apply(t).applied());
        QCOMPARE(t, original);
    }

    void moveLandsWhereAsked()
    {
        Template t = small();
        QVERIFY(Edit::moveItem(t, QStringLiteral("q1"), QStringLiteral("a"), 1).apply(t).applied());
        QCOMPARE(t.sections[0].items[0].id, QStringLiteral("q2"));
        QCOMPARE(t.sections[0].items[1].id, QStringLiteral("q1"));
        QVERIFY(Edit::moveItem(t, QStringLiteral("q1"), QStringLiteral("b"), 5).apply(t).applied());
        QCOMPARE(t.sections[1].items.last().id, QStringLiteral("q1"));
    }

    void insertElsewhereDoesNotShiftAMove()
    {
        Template t = small();
        const Edit move = Edit::moveItem(t, QStringLiteral("q3"), QStringLiteral("a"), 2); // after q2
        Item added;
        added.id = QStringLiteral("q0");
        added.label = QStringLiteral("New first question");
        QVERIFY(Edit::insertItem(t, QStringLiteral("a"), 0, added).apply(t).applied());
        QVERIFY(move.apply(t).applied());
        QCOMPARE(t.sections[0].items.last().id, QStringLiteral("q3"));
    }

    void removingAChangedItemConflicts()
    {
        Template t = small();
        const Edit remove = Edit::removeItem(t, QStringLiteral("q2"));
        QVERIFY(Edit::setItemProperty(t, QStringLiteral("q2"), QStringLiteral("label"), QStringLiteral("Reworded"))
                    .apply(t)
                    .applied());
        const Template before = t;
        QCOMPARE(remove.apply(t).status, EditOutcome::Status::Conflict);
        QCOMPARE(t, before);
        // Editing an item someone removed is a conflict too.
        Template u = small();
        const Edit relabel =
            Edit::setItemProperty(u, QStringLiteral("q2"), QStringLiteral("label"), QStringLiteral("x"));
        QVERIFY(Edit::removeItem(u, QStringLiteral("q2")).apply(u).applied());
        QCOMPARE(relabel.apply(u).status, EditOutcome::Status::Conflict);
    }

    void macroIsAllOrNothing()
    {
        Template t = small();
        const Edit good =
            Edit::setItemProperty(t, QStringLiteral("q1"), QStringLiteral("label"), QStringLiteral("New"));
        Edit stale = Edit::setItemProperty(t, QStringLiteral("q2"), QStringLiteral("label"), QStringLiteral("Newer"));
        stale.before = QStringLiteral("not what it says");
        const Template before = t;
        QCOMPARE(Edit::macro(QStringLiteral("both"), {good, stale}).apply(t).status, EditOutcome::Status::Conflict);
        QCOMPARE(t, before);
    }

    void unknownPropertyIsInvalid()
    {
        Template t = small();
        Edit e = Edit::setItemProperty(t, QStringLiteral("q1"), QStringLiteral("colour"), QStringLiteral("red"));
        QCOMPARE(e.apply(t).status, EditOutcome::Status::Invalid);
        e = Edit::setItemProperty(t, QStringLiteral("q1"), QStringLiteral("type"), QStringLiteral("not-a-type"));
        QCOMPARE(e.apply(t).status, EditOutcome::Status::Invalid);
        QCOMPARE(t, small());
    }

    void replayReproducesTheDraft()
    {
        const Template base = bundled();
        Template t = base;
        QVector<Edit> log;
        const Item *first = t.allItems().first();
        const QString firstId = first->id;
        const QString lastSection = t.sections.last().id;
        for (const Edit &e : {Edit::setItemProperty(t, firstId, QStringLiteral("label"), QStringLiteral("Reworded")),
                              Edit::moveItem(t, firstId, lastSection, 0)}) {
            QVERIFY(e.apply(t).applied());
            log.append(e);
        }
        const Edit undo = log.last().inverted();
        QVERIFY(undo.apply(t).applied());
        log.append(undo);
        QString error;
        const auto replayed = replayEdits(base, log, &error);
        QVERIFY2(replayed, qPrintable(error));
        QCOMPARE(*replayed, t);
    }

    void typingMergesIntoOneUndoStep()
    {
        TemplateEditTarget target(small());
        QUndoStack stack;
        QString text;
        for (const QChar c : QStringLiteral("Hello")) {
            text += c;
            stack.push(new EditCommand(
                &target, Edit::setItemProperty(target.content(), QStringLiteral("q2"), QStringLiteral("label"), text),
                EditCommand::Merge::Typing));
        }
        QCOMPARE(stack.count(), 1);
        QCOMPARE(target.content().findItem(QStringLiteral("q2"))->label, QStringLiteral("Hello"));
        // A different property starts a new step.
        stack.push(new EditCommand(
            &target,
            Edit::setItemProperty(target.content(), QStringLiteral("q2"), QStringLiteral("help"), QStringLiteral("h")),
            EditCommand::Merge::Typing));
        QCOMPARE(stack.count(), 2);
        stack.undo();
        stack.undo();
        QCOMPARE(target.content(), small());
        stack.redo();
        QCOMPARE(target.content().findItem(QStringLiteral("q2"))->label, QStringLiteral("Hello"));
    }

    void undoAfterSomeoneElseChangedItConflicts()
    {
        // The refused command marks itself obsolete and QUndoStack deletes it, so the outcome is read where the
        // application reads it: at the target that applied (or refused) the edit.
        struct RecordingTarget : TemplateEditTarget
        {
            using TemplateEditTarget::TemplateEditTarget;
            EditOutcome applyEdit(const Edit &edit) override
            {
                last = TemplateEditTarget::applyEdit(edit);
                return last;
            }
            EditOutcome last;
        };
        RecordingTarget target(small());
        QUndoStack stack;
        stack.push(new EditCommand(&target, Edit::setItemProperty(target.content(), QStringLiteral("q1"),
                                                                  QStringLiteral("label"), QStringLiteral("Mine"))));
        target.applyEdit(Edit::setItemProperty(target.content(), QStringLiteral("q1"), QStringLiteral("label"),
                                               QStringLiteral("Theirs")));
        stack.undo();
        QCOMPARE(target.last.status, EditOutcome::Status::Conflict);
        QCOMPARE(target.content().findItem(QStringLiteral("q1"))->label, QStringLiteral("Theirs"));
        // The refused step is gone: nothing is left to undo or to redo.
        QCOMPARE(stack.count(), 0);
        QVERIFY(!stack.canUndo());
        QVERIFY(!stack.canRedo());
    }

    void editsBetweenReproduceAnEditedTemplate()
    {
        const Template from = bundled();
        Template to = from;
        to.title = QStringLiteral("Your care review");
        to.sections.move(0, 1);
        Item moved = to.sections[1].items.takeAt(0);
        moved.label = QStringLiteral("Moved and reworded");
        moved.translations[QStringLiteral("cy")].label = QStringLiteral("Wedi symud");
        to.sections.last().items.append(moved);
        to.sections[2].items.removeLast();
        Section added{
            QStringLiteral("new-section"), QStringLiteral("Anything else"), QStringLiteral("Help"), {}, {}, {}, {}};
        Item question;
        question.id = QStringLiteral("anything-else");
        question.type = ItemType::Textarea;
        question.label = QStringLiteral("Is there anything else?");
        added.items.append(question);
        added.items.append(to.sections[0].items.takeLast());
        to.sections.insert(1, added);
        to.sections.removeLast();
        to.sections.last().items.append(moved);

        QString error;
        const auto edits = editsBetween(from, to, &error);
        QVERIFY2(edits, qPrintable(error));
        QVERIFY(!edits->isEmpty());
        Template t = from;
        QVERIFY(Edit::macro(QStringLiteral("update"), *edits).apply(t).applied());
        QCOMPARE(t, to);
        QVERIFY(editsBetween(to, to, &error)->isEmpty());
    }

    void diffNamesEachKindOfChange()
    {
        const Template a = small();
        Template b = a;
        b.version = 2;
        QVERIFY(
            Edit::setItemProperty(b, QStringLiteral("q1"), QStringLiteral("label"), QStringLiteral("How is your care?"))
                .apply(b)
                .applied());
        QVERIFY(Edit::setItemProperty(b, QStringLiteral("q3"), QStringLiteral("type"), QStringLiteral("textarea"))
                    .apply(b)
                    .applied());
        QVERIFY(Edit::moveItem(b, QStringLiteral("q2"), QStringLiteral("b"), 0).apply(b).applied());
        Item q5;
        q5.id = QStringLiteral("q5");
        q5.label = QStringLiteral("Your name");
        QVERIFY(Edit::insertItem(b, QStringLiteral("a"), 0, q5).apply(b).applied());
        QVERIFY(
            Edit::setItemProperty(b, QStringLiteral("q1"), QStringLiteral("options"),
                                  TemplateJson::fromOptions({{QStringLiteral("good"), QStringLiteral("Good"), {}, {}}}))
                .apply(b)
                .applied());
        const TemplateDiff d = diffTemplates(a, b);
        QCOMPARE(d.fromVersion, 1);
        QCOMPARE(d.toVersion, 2);
        QVERIFY(d.item(QStringLiteral("q1"))->has(ItemDiff::Change::Reworded));
        QVERIFY(d.item(QStringLiteral("q1"))->has(ItemDiff::Change::OptionsChanged));
        QVERIFY(d.item(QStringLiteral("q1"))->details.contains(QStringLiteral("Option removed: \u201cBad\u201d")));
        QVERIFY(d.item(QStringLiteral("q3"))->has(ItemDiff::Change::TypeChanged));
        QVERIFY(d.item(QStringLiteral("q2"))->has(ItemDiff::Change::Moved));
        QVERIFY(d.item(QStringLiteral("q5"))->has(ItemDiff::Change::Added));
        QVERIFY(!d.item(QStringLiteral("q3"))->has(ItemDiff::Change::Moved));
        QVERIFY(diffTemplates(a, a).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestEdit)
#include "tst_edit.moc"
