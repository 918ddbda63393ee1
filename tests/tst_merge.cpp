// Taking an update (issue #20): the three-way merge of the origin's newer version into a team's adapted draft.
#include "edit/edit.h"
#include "edit/threewaymerge.h"
#include "format/templateformat.h"

#include <QRandomGenerator>
#include <QTest>

using namespace coform;

namespace {

Template bundled()
{
    Problems problems;
    const auto t = readTemplateFile(QStringLiteral(":/coform/templates/chc-review.json"), &problems);
    if (!t)
        qFatal("the bundled template does not read");
    return *t;
}

/// The id of question `number` of the bundled form.
QString question(const Template &t, int number)
{
    const QMap<QString, int> numbers = t.questionNumbers();
    for (auto it = numbers.cbegin(); it != numbers.cend(); ++it) {
        if (it.value() == number)
            return it.key();
    }
    qFatal("no question %d", number);
}

/// Applies an edit that must apply.
void change(Template &t, const Edit &edit)
{
    const EditOutcome outcome = edit.apply(t);
    if (!outcome.applied())
        qFatal("the test's edit does not apply: %s", qPrintable(outcome.message));
}

void relabel(Template &t, const QString &itemId, const QString &label)
{
    change(t, Edit::setItemProperty(t, itemId, QStringLiteral("label"), label));
}

MergePlan plan(const Template &base, const Template &theirs, const Template &mine)
{
    QString error;
    const auto p = planMerge(base, theirs, mine, &error);
    if (!p)
        qFatal("no plan: %s", qPrintable(error));
    return *p;
}

/// The draft once the plan is applied and each conflict answered.
Template merged(const Template &mine, const MergePlan &p, bool takeTheirs)
{
    QString error;
    auto result = replayEdits(mine, p.apply, &error);
    if (!result)
        qFatal("the plan does not apply: %s", qPrintable(error));
    for (const MergeConflict &c : p.conflicts) {
        if (takeTheirs)
            change(*result, rebasedEdit(c.takeTheirs, *result));
    }
    return *result;
}

int indexIn(const Section &s, const QString &itemId)
{
    for (int i = 0; i < s.items.size(); ++i) {
        if (s.items[i].id == itemId)
            return i;
    }
    return -1;
}

} // namespace

class TestMerge : public QObject
{
    Q_OBJECT

private slots:
    /// Must show 2: team B changes questions 3 and 10; the origin changes 10 and 20: 20 applies, 10 is asked about
    /// with both values, 3 is kept.
    void theIssuesScenario()
    {
        const Template base = bundled();
        const QString q3 = question(base, 3), q10 = question(base, 10), q20 = question(base, 20);
        Template mine = base;
        relabel(mine, q3, QStringLiteral("On what day is this review?"));
        relabel(mine, q10, QStringLiteral("Who is here today?"));
        Template theirs = base;
        theirs.version = 2;
        relabel(theirs, q10, QStringLiteral("Who is taking part?"));
        relabel(theirs, q20, QStringLiteral("Their registration number, if they have one"));

        const MergePlan p = plan(base, theirs, mine);
        QCOMPARE(p.apply.size(), 1);
        QCOMPARE(p.apply.first().item, q20);
        QCOMPARE(p.conflicts.size(), 1);
        const MergeConflict &c = p.conflicts.first();
        QCOMPARE(c.itemId, q10);
        QVERIFY2(c.what.contains(QLatin1String("words of question 10")), qPrintable(c.what));
        QCOMPARE(c.mine, QStringLiteral("Who is here today?"));
        QCOMPARE(c.theirs, QStringLiteral("Who is taking part?"));
        QVERIFY(c.isText);
        QCOMPARE(p.alreadyThere, 0);
        QCOMPARE(p.keptLocal.size(), 1);
        QVERIFY2(p.keptLocal.first().contains(QLatin1String("question 3 (On what day is this review?)")),
                 qPrintable(p.keptLocal.first()));

        const Template keepMine = merged(mine, p, false);
        QCOMPARE(keepMine.findItem(q3)->label, QStringLiteral("On what day is this review?"));
        QCOMPARE(keepMine.findItem(q10)->label, QStringLiteral("Who is here today?"));
        QCOMPARE(keepMine.findItem(q20)->label, QStringLiteral("Their registration number, if they have one"));
        const Template takeTheirs = merged(mine, p, true);
        QCOMPARE(takeTheirs.findItem(q3)->label, QStringLiteral("On what day is this review?"));
        QCOMPARE(takeTheirs.findItem(q10)->label, QStringLiteral("Who is taking part?"));
        QCOMPARE(takeTheirs.findItem(q20)->label, QStringLiteral("Their registration number, if they have one"));

        // Taking the same update again comes to nothing.
        const MergePlan again = plan(base, theirs, takeTheirs);
        QVERIFY(again.isEmpty());
        QCOMPARE(again.alreadyThere, 2);
    }

    void theSameChangeOnBothSidesIsAlreadyThere()
    {
        const Template base = bundled();
        const QString q5 = question(base, 5);
        Template mine = base, theirs = base;
        relabel(mine, q5, QStringLiteral("Your full name"));
        relabel(theirs, q5, QStringLiteral("Your full name"));
        const MergePlan p = plan(base, theirs, mine);
        QVERIFY(p.isEmpty());
        QCOMPARE(p.alreadyThere, 1);
        QVERIFY(p.keptLocal.isEmpty());
    }

    void anUnchangedDraftBecomesTheOriginsVersion()
    {
        const Template base = bundled();
        Template theirs = base;
        relabel(theirs, question(base, 7), QStringLiteral("Your date of birth"));
        change(theirs, Edit::removeItem(theirs, question(base, 2)));
        change(theirs, Edit::moveItem(theirs, question(base, 30), QStringLiteral("about"), 0));
        const MergePlan p = plan(base, theirs, base);
        QVERIFY(p.conflicts.isEmpty());
        QVERIFY(p.keptLocal.isEmpty());
        Template result = merged(base, p, false);
        result.version = theirs.version;
        QCOMPARE(result, theirs);
    }

    /// The origin adds a question after one this team removed: it goes after the nearest question before it that
    /// the draft still has.
    void anInsertAfterAQuestionThisTeamRemoved()
    {
        const Template base = bundled();
        const QString q12 = question(base, 12), q13 = question(base, 13);
        Template mine = base;
        change(mine, Edit::removeItem(mine, q13));
        Template theirs = base;
        Item added;
        added.id = QStringLiteral("supporter-relationship");
        added.type = ItemType::Text;
        added.label = QStringLiteral("How do they know you?");
        const Section &people = *theirs.sectionOfItem(q13);
        change(theirs, Edit::insertItem(theirs, people.id, indexIn(people, q13) + 1, added));

        const MergePlan p = plan(base, theirs, mine);
        QVERIFY(p.conflicts.isEmpty());
        QCOMPARE(p.apply.size(), 1);
        const Template result = merged(mine, p, false);
        QVERIFY(!result.findItem(q13));
        const Section &s = *result.sectionOfItem(added.id);
        QCOMPARE(s.items.at(indexIn(s, added.id) - 1).id, q12);
        QCOMPARE(p.keptLocal.size(), 1);
        QVERIFY2(p.keptLocal.first().startsWith(QLatin1String("You removed question 13")),
                 qPrintable(p.keptLocal.first()));
    }

    void theOriginRemovedAQuestionThisTeamChanged()
    {
        const Template base = bundled();
        const QString q8 = question(base, 8);
        Template mine = base;
        relabel(mine, q8, QStringLiteral("Who pays for your care?"));
        Template theirs = base;
        change(theirs, Edit::removeItem(theirs, q8));
        const MergePlan p = plan(base, theirs, mine);
        QVERIFY(p.apply.isEmpty());
        QCOMPARE(p.conflicts.size(), 1);
        const MergeConflict &c = p.conflicts.first();
        QCOMPARE(c.itemId, q8);
        QCOMPARE(c.what, QStringLiteral("question 8 (Who pays for your care?)"));
        QCOMPARE(c.mine, QStringLiteral("Kept, with your changes to its words"));
        QCOMPARE(c.theirs, QStringLiteral("Removed from the form"));
        QVERIFY(!c.isText);
        QVERIFY(p.keptLocal.isEmpty()); // the change is asked about, not "kept"
        QVERIFY(merged(mine, p, false).findItem(q8));
        QVERIFY(!merged(mine, p, true).findItem(q8));
    }

    void thisTeamRemovedAQuestionTheOriginChanged()
    {
        const Template base = bundled();
        const QString q8 = question(base, 8), q7 = question(base, 7);
        Template mine = base;
        change(mine, Edit::removeItem(mine, q8));
        Template theirs = base;
        relabel(theirs, q8, QStringLiteral("Who pays for your care?"));
        const MergePlan p = plan(base, theirs, mine);
        QVERIFY(p.apply.isEmpty());
        QCOMPARE(p.conflicts.size(), 1);
        QCOMPARE(p.conflicts.first().mine, QStringLiteral("Removed from the form by you"));
        QCOMPARE(p.conflicts.first().theirs, QStringLiteral("Kept, with the origin's changes to its words"));
        QVERIFY(!merged(mine, p, false).findItem(q8));
        const Template back = merged(mine, p, true);
        QCOMPARE(back.findItem(q8)->label, QStringLiteral("Who pays for your care?"));
        QCOMPARE(back.questionNumbers().value(q8), base.questionNumbers().value(q8));
        QCOMPARE(back.sectionOfItem(q8)->items.at(indexIn(*back.sectionOfItem(q8), q8) - 1).id, q7);
    }

    void bothSidesMovedTheSameQuestion()
    {
        const Template base = bundled();
        const QString q4 = question(base, 4), q9 = question(base, 9);
        Template mine = base, theirs = base;
        change(mine, Edit::moveItem(mine, q4, QStringLiteral("about"), 1));
        change(theirs, Edit::moveItem(theirs, q4, QStringLiteral("people"), 0));
        MergePlan p = plan(base, theirs, mine);
        QVERIFY(p.apply.isEmpty());
        QCOMPARE(p.conflicts.size(), 1);
        QVERIFY2(p.conflicts.first().what.startsWith(QLatin1String("the place of question")),
                 qPrintable(p.conflicts.first().what));
        QVERIFY2(p.conflicts.first().mine.startsWith(QLatin1String("in section 1 (")),
                 qPrintable(p.conflicts.first().mine));
        QVERIFY2(p.conflicts.first().theirs.startsWith(QLatin1String("at the start of section 2 (")),
                 qPrintable(p.conflicts.first().theirs));
        QCOMPARE(merged(mine, p, false).sectionOfItem(q4)->id, QStringLiteral("about"));
        const Template taken = merged(mine, p, true);
        QCOMPARE(taken.sectionOfItem(q4)->items.first().id, q4);
        QCOMPARE(taken.sectionOfItem(q4)->id, QStringLiteral("people"));

        // Both moved it to the same place: already there.
        p = plan(base, theirs, theirs);
        QVERIFY(p.isEmpty());
        QCOMPARE(p.alreadyThere, 1);

        // Each moved another question: both moves hold.
        Template other = base;
        change(other, Edit::moveItem(other, q9, QStringLiteral("about"), 1));
        p = plan(base, theirs, other);
        QVERIFY(p.conflicts.isEmpty());
        const Template both = merged(other, p, false);
        QCOMPARE(both.sectionOfItem(q4)->id, QStringLiteral("people"));
        QCOMPARE(both.sectionOfItem(q4)->items.first().id, q4);
        QCOMPARE(both.findSection(QStringLiteral("about"))->items.at(1).id, q9);
        QCOMPARE(p.keptLocal.size(), 1);
        QVERIFY2(p.keptLocal.first().startsWith(QLatin1String("You moved question"))
                     && p.keptLocal.first().endsWith(QLatin1String("(Do you have a personal health budget?)")),
                 qPrintable(p.keptLocal.first()));
    }

    /// A macro of the origin is merged child by child: what this team did not touch applies, the rest is asked.
    void aMacroIsSplitIntoItsChildren()
    {
        const Template base = bundled();
        const QString q5 = question(base, 5);
        Template theirs = base;
        change(theirs,
               Edit::macro(QStringLiteral("Reword question 5 in English and Welsh"),
                           {Edit::setItemProperty(base, q5, QStringLiteral("label"), QStringLiteral("Your name")),
                            Edit::setTranslation(base, {}, q5, QStringLiteral("cy"), QStringLiteral("label"),
                                                 QStringLiteral("Eich enw"))}));
        Template mine = base;
        change(mine, Edit::setTranslation(mine, {}, q5, QStringLiteral("cy"), QStringLiteral("label"),
                                          QStringLiteral("Beth yw eich enw?")));
        const MergePlan p = plan(base, theirs, mine);
        QCOMPARE(p.apply.size(), 1);
        QCOMPARE(p.apply.first().property, QStringLiteral("label"));
        QCOMPARE(p.apply.first().kind, Edit::Kind::SetItemProperty);
        QCOMPARE(p.conflicts.size(), 1);
        QVERIFY2(p.conflicts.first().what.contains(QLatin1String("in Welsh")), qPrintable(p.conflicts.first().what));
        QCOMPARE(p.conflicts.first().mine, QStringLiteral("Beth yw eich enw?"));
        QCOMPARE(p.conflicts.first().theirs, QStringLiteral("Eich enw"));
    }

    /// Translations of the same question in different languages are different things.
    void translationsInDifferentLanguagesBothApply()
    {
        const Template base = bundled();
        const QString q6 = question(base, 6);
        Template theirs = base, mine = base;
        change(theirs, Edit::setTranslation(theirs, {}, q6, QStringLiteral("cy"), QStringLiteral("label"),
                                            QStringLiteral("Beth yw eich rhif GIG?")));
        change(mine, Edit::setTranslation(mine, {}, q6, QStringLiteral("en-x-easy"), QStringLiteral("label"),
                                          QStringLiteral("Your NHS number")));
        const MergePlan p = plan(base, theirs, mine);
        QVERIFY(p.conflicts.isEmpty());
        const Template result = merged(mine, p, false);
        QCOMPARE(result.findItem(q6)->translations.value(QStringLiteral("cy")).label,
                 QStringLiteral("Beth yw eich rhif GIG?"));
        QCOMPARE(result.findItem(q6)->translations.value(QStringLiteral("en-x-easy")).label,
                 QStringLiteral("Your NHS number"));
        QCOMPARE(p.keptLocal.size(), 1);
        QVERIFY2(p.keptLocal.first().contains(QLatin1String("easy read")), qPrintable(p.keptLocal.first()));
    }

    /// For random changes on different questions, one on each side, the plan applies them all without asking, and
    /// the result has both sides' changes; merged into an unchanged draft, the origin's version comes out exactly.
    void randomChangesToDifferentQuestionsAllApply()
    {
        const Template base = bundled();
        const QVector<const Item *> items = base.allItems();
        QRandomGenerator random(20);
        for (int round = 0; round < 150; ++round) {
            const QString a = items.at(random.bounded(int(items.size())))->id;
            QString b;
            do {
                b = items.at(random.bounded(int(items.size())))->id;
            } while (b == a);
            Template theirs = base, mine = base;
            const int kindA = random.bounded(7), kindB = random.bounded(7);
            const QString addedA = randomChange(theirs, a, kindA, random, QStringLiteral("a"));
            const QString addedB = randomChange(mine, b, kindB, random, QStringLiteral("b"));

            const MergePlan p = plan(base, theirs, mine);
            QVERIFY2(p.conflicts.isEmpty(),
                     qPrintable(QStringLiteral("round %1: %2").arg(round).arg(p.conflicts.value(0).what)));
            const Template result = merged(mine, p, false);
            checkHas(result, theirs, a, kindA, addedA, round);
            checkHas(result, mine, b, kindB, addedB, round);

            Template fromBase = merged(base, plan(base, theirs, base), false);
            fromBase.version = theirs.version;
            QVERIFY2(fromBase == theirs, qPrintable(QStringLiteral("round %1").arg(round)));
        }
    }

private:
    /// One change of `kind` to `itemId`; returns the id of a question it adds.
    static QString randomChange(Template &t, const QString &itemId, int kind, QRandomGenerator &random,
                                const QString &side)
    {
        switch (kind) {
        case 0:
            relabel(t, itemId, t.findItem(itemId)->label + QStringLiteral(" (") + side + QLatin1Char(')'));
            return {};
        case 1:
            change(t, Edit::setItemProperty(t, itemId, QStringLiteral("help"), QStringLiteral("Help from ") + side));
            return {};
        case 2:
            change(t, Edit::setTranslation(t, {}, itemId, QStringLiteral("cy"), QStringLiteral("label"),
                                           QStringLiteral("Cymraeg ") + side));
            return {};
        case 3:
            change(t, Edit::removeItem(t, itemId));
            return {};
        case 4: {
            const Section &s = t.sections.at(random.bounded(int(t.sections.size())));
            change(t, Edit::moveItem(t, itemId, s.id, random.bounded(int(s.items.size()) + 1)));
            return {};
        }
        case 5:
            change(t, Edit::setItemProperty(t, itemId, QStringLiteral("note"), QStringLiteral("Note from ") + side));
            return {};
        default: {
            Item added;
            added.id = QStringLiteral("added-by-") + side;
            added.type = ItemType::Text;
            added.label = QStringLiteral("A new question from ") + side;
            const Section &s = *t.sectionOfItem(itemId);
            change(t, Edit::insertItem(t, s.id, indexIn(s, itemId) + 1, added));
            return added.id;
        }
        }
    }

    static void checkHas(const Template &result, const Template &side, const QString &itemId, int kind,
                         const QString &added, int round)
    {
        const QString where = QStringLiteral("round %1, change %2 to %3").arg(round).arg(kind).arg(itemId);
        if (kind == 3) {
            QVERIFY2(!result.findItem(itemId), qPrintable(where));
        } else if (kind == 4) {
            QVERIFY2(result.sectionOfItem(itemId), qPrintable(where));
            QCOMPARE(result.sectionOfItem(itemId)->id, side.sectionOfItem(itemId)->id);
        } else if (kind == 6) {
            QVERIFY2(result.findItem(added), qPrintable(where));
            QCOMPARE(*result.findItem(added), *side.findItem(added));
        } else {
            QVERIFY2(result.findItem(itemId), qPrintable(where));
            QCOMPARE(*result.findItem(itemId), *side.findItem(itemId));
        }
    }
};

QTEST_GUILESS_MAIN(TestMerge)
#include "tst_merge.moc"
