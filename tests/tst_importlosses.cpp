// Imports that lose nothing silently: one small FHIR file of our own a case (tests/data/import/README.md), each
// once lost or changed without the report saying so. What a person would notice: the questions, their answer
// lists, help, headings, conditions, and the report's summary in plain words.
#include "check/plainlanguage.h"
#include "format/fhirimport.h"
#include "format/importer.h"
#include "format/templateformat.h"

#include <QFile>
#include <QProcess>
#include <QtTest>

using namespace coform;

namespace {

QString dataPath(const QString &name)
{
    return QStringLiteral(COFORM_TEST_DATA_DIR "/import/") + name;
}

ImportResult importData(const QString &name, const QString &valueSets = {})
{
    ImportOptions options;
    options.workerPath = qEnvironmentVariable("COFORM_CLI");
    options.valueSetFolder = valueSets;
    return importFile(dataPath(name), options);
}

QStringList optionLabels(const Item *item)
{
    QStringList out;
    for (const Option &o : item->options)
        out << o.label;
    return out;
}

/// The notes of the report at a source place.
QStringList notesAt(const ImportReport &report, const QString &place)
{
    QStringList out;
    for (const ImportNote &n : report.notes) {
        if (n.place == place)
            out << n.message;
    }
    return out;
}

} // namespace

class TestImportLosses : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY2(QFile::exists(dataPath("README.md")), "tests/data/import is missing"); }

    /// Case 1: answerValueSet by canonical URL (and url|version) of a contained ValueSet, and in the same Bundle.
    void case1ValueSetsByCanonicalUrl()
    {
        const ImportResult r = importData(QStringLiteral("case1-valueset-by-url.json"));
        QVERIFY2(r.tmpl, qPrintable(r.report.text()));
        QCOMPARE(r.tmpl->findItem("mobility")->type, ItemType::Choice);
        QCOMPARE(optionLabels(r.tmpl->findItem("mobility")), (QStringList{"Independently", "With help", "Not at all"}));
        QCOMPARE(optionLabels(r.tmpl->findItem("aids")), (QStringList{"A stick", "A frame"})); // url|version, expansion
        QVERIFY2(!r.report.text().contains(QLatin1String("not in the file")), qPrintable(r.report.text()));

        const ImportResult bundle = importData(QStringLiteral("case1-bundle.json"));
        QVERIFY2(bundle.tmpl, qPrintable(bundle.report.text()));
        QCOMPARE(bundle.tmpl->title, QStringLiteral("Mood"));
        QCOMPARE(optionLabels(bundle.tmpl->findItem("mood")), (QStringList{"Good", "Low"}));
    }

    /// Case 1, continued: value sets outside the file are said plainly, and read from a folder a person has.
    void case1ValueSetsFromAFolder()
    {
        const ImportResult without = importData(QStringLiteral("case1-external.json"));
        QVERIFY(without.tmpl);
        QCOMPARE(without.tmpl->findItem("sleep")->type, ItemType::Text);
        const QStringList summary = without.report.summaryLines();
        QVERIFY2(summary.join('\n').contains(QLatin1String("2 questions lost their list of answers")),
                 qPrintable(summary.join('\n')));
        QVERIFY(summary.join('\n').contains(QLatin1String("--valuesets")));

        const ImportResult with = importData(QStringLiteral("case1-external.json"), dataPath("valuesets"));
        QVERIFY(with.tmpl);
        QCOMPARE(optionLabels(with.tmpl->findItem("sleep")), (QStringList{"Well", "Badly"}));
        QCOMPARE(with.tmpl->findItem("diet")->type, ItemType::Text); // no file for it: still said
        const QString text = with.report.text();
        QVERIFY2(text.contains(QLatin1String("1 question lost its list of answers")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("notes.json: not JSON")), qPrintable(text)); // a bad file is named

        // The same from the command line.
        QProcess cli;
        cli.start(qEnvironmentVariable("COFORM_CLI"), {QStringLiteral("import"), dataPath("case1-external.json"),
                                                       QStringLiteral("--valuesets"), dataPath("valuesets")});
        QVERIFY(cli.waitForFinished(20000));
        QCOMPARE(cli.exitCode(), 0);
        const QString json = QString::fromUtf8(cli.readAllStandardOutput());
        QVERIFY2(json.contains(QLatin1String("\"Badly\"")), qPrintable(json));
        cli.start(qEnvironmentVariable("COFORM_CLI"), {QStringLiteral("import"), dataPath("case1-external.json"),
                                                       QStringLiteral("--valuesets"), dataPath("no-such-folder")});
        QVERIFY(cli.waitForFinished(20000));
        QVERIFY(cli.exitCode() != 0);
        QVERIFY(QString::fromUtf8(cli.readAllStandardError()).contains(QLatin1String("no such folder")));
    }

    /// Case 2: answer lists on string and open-choice items stay lists, with "Other" and a question for the typed
    /// answer, so that conditions on those answers keep working.
    void case2ListsOnTextQuestionsKeepTheirConditions()
    {
        const ImportResult r = importData(QStringLiteral("case2-string-options.json"));
        QVERIFY2(r.tmpl, qPrintable(r.report.text()));
        const Template &t = *r.tmpl;
        const Item *kind = t.findItem("name-kind");
        QCOMPARE(kind->type, ItemType::Choice);
        QCOMPARE(optionLabels(kind), (QStringList{"Legal name", "Preferred Name", "Other"}));
        const Item *other = t.findItem("name-kind-other");
        QVERIFY(other);
        QCOMPARE(other->showIf->item, QStringLiteral("name-kind"));
        QCOMPARE(other->showIf->equals.toString(), QStringLiteral("other"));
        // The follow-up is shown for the chosen answer, not for someone typing "Preferred Name".
        const Item *preferred = t.findItem("preferred");
        QVERIFY(preferred->showIf);
        QCOMPARE(preferred->showIf->item, QStringLiteral("name-kind"));
        QCOMPARE(preferred->showIf->equals.toString(), kind->options[1].value);
        // open-choice the same way; nothing lost, so nothing in the summary.
        QCOMPARE(optionLabels(t.findItem("contact")), (QStringList{"By phone", "By letter", "Other"}));
        QCOMPARE(t.findItem("phone")->showIf->equals.toString(), QStringLiteral("phone"));
        QVERIFY(t.findItem("contact-other"));
        QVERIFY2(r.report.important().isEmpty(), qPrintable(r.report.text()));
        QVERIFY(
            r.report.summaryLines().first().contains(QLatin1String("4 of its 4 questions came over, with 2 added")));
    }

    /// Case 3: help texts and prefixes of groups made into a section or a heading are kept.
    void case3GroupHelpAndPrefixAreKept()
    {
        const ImportResult r = importData(QStringLiteral("case3-group-help.json"));
        QVERIFY2(r.tmpl, qPrintable(r.report.text()));
        const Section &section = r.tmpl->sections.first();
        QCOMPARE(section.title, QStringLiteral("Part A About you"));
        QCOMPARE(section.help, QStringLiteral("Tell us about yourself."));
        const Item *heading = r.tmpl->findItem("home");
        QVERIFY(heading);
        QCOMPARE(heading->type, ItemType::Info);
        QCOMPARE(heading->label, QStringLiteral("A1 Your home"));
        QCOMPARE(heading->help, QStringLiteral("Where you live most of the week."));
        QVERIFY2(r.report.notes.isEmpty(), qPrintable(r.report.text()));
    }

    /// Case 4: a display item under a display item is kept, after it.
    void case4NestedDisplayIsKept()
    {
        const ImportResult r = importData(QStringLiteral("case4-nested-display.json"));
        QVERIFY2(r.tmpl, qPrintable(r.report.text()));
        QStringList labels;
        for (const Item *item : r.tmpl->allItems())
            labels << item->label;
        QCOMPARE(labels, (QStringList{"Bring your medicines with you.", "Include creams, inhalers and eye drops.",
                                      "How many medicines do you take?"}));
        QCOMPARE(r.tmpl->findItem("intro-more")->type, ItemType::Info);
    }

    /// Case 5: markup in texts becomes plain text; pictures are reported; check warns about markup in a label.
    void case5MarkupBecomesPlainText()
    {
        const ImportResult r = importData(QStringLiteral("case5-markup.json"));
        QVERIFY2(r.tmpl, qPrintable(r.report.text()));
        QCOMPARE(r.tmpl->findItem("pain")->label, QStringLiteral("Do you have pain?\nThink of the last week."));
        QCOMPARE(r.tmpl->findItem("where")->label, QStringLiteral("Where does it hurt & how much?"));
        for (const Item *item : r.tmpl->allItems())
            QVERIFY2(!item->label.contains(QLatin1Char('<')), qPrintable(item->label));
        QVERIFY2(r.report.summaryLines().join('\n').contains(QLatin1String("lost a picture")),
                 qPrintable(r.report.text()));
        QVERIFY(r.report.text().contains(QLatin1String("Body map")));

        Template t = *r.tmpl;
        t.findItem("pain")->label = QStringLiteral("Do you have <b>pain</b>?");
        bool warned = false;
        for (const Problem &p : plainLanguageProblems(t, QStringLiteral("t.json")))
            warned = warned || p.message.contains(QLatin1String("markup"));
        QVERIFY(warned);
        t.findItem("pain")->label = QStringLiteral("Is a score <5 and >2 usual?"); // not markup
        for (const Problem &p : plainLanguageProblems(t, QStringLiteral("t.json")))
            QVERIFY2(!p.message.contains(QLatin1String("markup")), qPrintable(p.message));
    }

    /// Case 6: a required repeating group that becomes a table stays required (at least one row); one that cannot
    /// be a table is reported.
    void case6RequiredRepeatingGroups()
    {
        const ImportResult r = importData(QStringLiteral("case6-required-table.json"));
        QVERIFY2(r.tmpl, qPrintable(r.report.text()));
        const Item *visits = r.tmpl->findItem("visits");
        QCOMPARE(visits->type, ItemType::Table);
        QVERIFY(visits->required);
        QVERIFY(notesAt(r.report, "visits").isEmpty());
        QVERIFY2(notesAt(r.report, "carers").join('\n').contains(QLatin1String("required")),
                 qPrintable(r.report.text()));
        QVERIFY(r.report.summaryLines().join('\n').contains(QLatin1String("group is no longer required: carers")));
    }

    /// Case 7: the title from a file name keeps the whole base name; untitled groups are named after their first
    /// question, and that is reported.
    void case7TitlesFromFileNamesAndUntitledGroups()
    {
        const ImportResult r = importData(QStringLiteral("CHC review.v2.json"));
        QVERIFY2(r.tmpl, qPrintable(r.report.text()));
        QCOMPARE(r.tmpl->title, QStringLiteral("CHC review.v2"));
        QCOMPARE(r.tmpl->sections.size(), 2);
        QCOMPARE(r.tmpl->sections[0].title, QStringLiteral("What matters most to you?"));
        QCOMPARE(r.tmpl->sections[1].title, QStringLiteral("Do you live alone?"));
        for (const Section &s : r.tmpl->sections) {
            QVERIFY(s.title != QLatin1String("G1") && s.title != QLatin1String("1"));
        }
        QVERIFY(notesAt(r.report, "g1").join('\n').contains(QLatin1String("no title")));
    }

    /// Case 8: limits on answers are carried over (number limits) or listed as lost, in plain words.
    void case8LimitsAreKeptOrListed()
    {
        const ImportResult r = importData(QStringLiteral("case8-constraints.json"));
        QVERIFY2(r.tmpl, qPrintable(r.report.text()));
        QCOMPARE(r.tmpl->findItem("age")->min, std::optional<double>(18));
        QCOMPARE(r.tmpl->findItem("age")->max, std::optional<double>(120));
        QVERIFY(notesAt(r.report, "age").join('\n').contains(QLatin1String("whole numbers")));
        const QString initials = notesAt(r.report, "initials").join('\n');
        for (const char *lost : {"3 characters", "minLength 2", "regex"})
            QVERIFY2(initials.contains(QLatin1String(lost)), qPrintable(initials));
        QVERIFY(notesAt(r.report, "ref").join('\n').contains(QLatin1String("read-only")));
        QVERIFY(notesAt(r.report, "visit").join('\n').contains(QLatin1String("minValue 2020-01-01")));
        const QString summary = r.report.summaryLines().join('\n');
        for (const char *said : {"takes any number now: 1", "has no longest answer now: 2", "can now be answered: 3",
                                 "lost a limit on their answer: 2, 4"})
            QVERIFY2(summary.contains(QLatin1String(said)), qPrintable(summary));
        // Every loss is on its item, where template authors look.
        QVERIFY(r.tmpl->findItem("initials")->note.contains(QLatin1String("3 characters")));
    }
};

QTEST_MAIN(TestImportLosses)
#include "tst_importlosses.moc"
