// FHIR R4: Questionnaire in (mapping, refusals, limits), Questionnaire and QuestionnaireResponse out (valid R4,
// checked with the project's validator tests/tools/validate-fhir.js, installed by scripts/deps.sh), and round trips.
#include "check/answervalidation.h"
#include "format/fhirexport.h"
#include "format/fhirimport.h"
#include "format/templateformat.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QtTest>

using namespace coform;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

ImportResult importData(const char *name)
{
    const QString path = QStringLiteral(COFORM_TEST_DATA_DIR "/fhir/") + QLatin1String(name);
    return importFhirQuestionnaire(readAll(path), path);
}

ImportResult importJson(const QJsonObject &o)
{
    return importFhirQuestionnaire(QJsonDocument(o).toJson(), QStringLiteral("test.json"));
}

/// Debian's node (/usr/bin/node) when it is there, else the first on PATH; empty when there is none.
QString nodeProgram()
{
    return QFile::exists(QStringLiteral("/usr/bin/node")) ? QStringLiteral("/usr/bin/node")
                                                          : QStandardPaths::findExecutable(QStringLiteral("node"));
}

/// Runs the project's R4 validator over the resources, each written to NAME.json. True when every one is valid;
/// `output` gets what the validator said (one line a file, with its problems), `failure` why it could not run (what
/// to install), in which case it returns false too.
bool runValidator(const QMap<QString, QJsonObject> &resources, QString *output, QString *failure)
{
    const QString node = nodeProgram();
    if (node.isEmpty()) {
        *failure = QStringLiteral("node is not installed: run scripts/deps.sh");
        return false;
    }
    QTemporaryDir dir;
    QStringList args{QStringLiteral(COFORM_SOURCE_DIR "/tests/tools/validate-fhir.js")};
    for (auto it = resources.cbegin(); it != resources.cend(); ++it) {
        QFile f(dir.filePath(it.key() + QStringLiteral(".json")));
        if (!f.open(QIODevice::WriteOnly)) {
            *failure = QStringLiteral("cannot write %1").arg(f.fileName());
            return false;
        }
        f.write(fhirJson(it.value()));
        args << f.fileName();
    }
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(node, args);
    if (!p.waitForStarted(60000)) {
        *failure = QStringLiteral("%1 could not be started (%2): run scripts/deps.sh").arg(node, p.errorString());
        return false;
    }
    if (!p.waitForFinished(300000)) {
        *failure = QStringLiteral("the FHIR validator did not finish: %1").arg(p.errorString());
        return false;
    }
    *output = QString::fromUtf8(p.readAll()).replace(dir.path() + QLatin1Char('/'), QString());
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() > 1) {
        *failure = QStringLiteral("the FHIR validator could not run: ") + *output;
        return false;
    }
    return p.exitCode() == 0;
}

/// Empty when the resource is valid R4; else what the validator said, or why it could not run.
QString validateFhir(const QJsonObject &resource)
{
    QString output;
    QString failure;
    if (runValidator({{QStringLiteral("resource"), resource}}, &output, &failure))
        return {};
    return failure.isEmpty() ? output : failure;
}

/// What tst_corpus expects of each corpus file: "imported" or "refused", by "fhir/NAME".
QMap<QString, QString> expectedOutcomes()
{
    QMap<QString, QString> out;
    for (const QByteArray &line : readAll(QStringLiteral(COFORM_TEST_DATA_DIR "/corpus-expected.tsv")).split('\n')) {
        const QList<QByteArray> cols = line.split('\t');
        if (cols.size() >= 2 && !line.startsWith('#'))
            out.insert(QString::fromUtf8(cols[0]), QString::fromUtf8(cols[1]));
    }
    return out;
}

/// The corpus Questionnaires that import (as corpus-expected.tsv says), by file name.
QStringList importableCorpusFiles()
{
    const QMap<QString, QString> expected = expectedOutcomes();
    QStringList out;
    for (const QString &f : QDir(QStringLiteral(COFORM_CORPUS_DIR "/fhir")).entryList(QDir::Files, QDir::Name)) {
        if (expected.value(QStringLiteral("fhir/") + f) == QLatin1String("imported"))
            out << f;
    }
    return out;
}

/// The first line where two templates differ, as JSON, for a readable failure.
QString firstDifference(const Template &a, const Template &b)
{
    const QStringList la = QString::fromUtf8(writeTemplate(a)).split(QLatin1Char('\n'));
    const QStringList lb = QString::fromUtf8(writeTemplate(b)).split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < std::min(la.size(), lb.size()); ++i) {
        if (la[i] != lb[i])
            return QStringLiteral("line %1:\n  %2\n  %3").arg(i + 1).arg(la[i], lb[i]);
    }
    return la.size() == lb.size() ? QString() : QStringLiteral("lengths differ");
}

Template bundledTemplate()
{
    Problems problems;
    const std::optional<Template> t = readTemplateFile(QStringLiteral(":/coform/templates/chc-review.json"), &problems);
    return t.value_or(Template{});
}

/// Questions and display items of a Questionnaire (groups left out), as comparable strings.
void flattenQuestions(const QJsonArray &items, QStringList *out)
{
    for (const QJsonValue &v : items) {
        const QJsonObject item = v.toObject();
        const QString type = item.value(QLatin1String("type")).toString();
        if (type != QLatin1String("group"))
            *out << QStringLiteral("%1|%2|%3|%4")
                        .arg(item.value(QLatin1String("linkId")).toString(), type,
                             item.value(QLatin1String("text")).toString())
                        .arg(item.value(QLatin1String("required")).toBool());
        flattenQuestions(item.value(QLatin1String("item")).toArray(), out);
    }
}

} // namespace

class TestFhir : public QObject
{
    Q_OBJECT

private slots:
    void mapsEveryCoveredConstruct()
    {
        const ImportResult r = importData("mapping.json");
        QVERIFY2(r.tmpl, qPrintable(r.report.text()));
        const Template &t = *r.tmpl;
        QCOMPARE(t.id, QStringLiteral("care-review"));
        QCOMPARE(t.languages, QStringList({QStringLiteral("en"), QStringLiteral("cy")}));
        QCOMPARE(t.translations.value(QStringLiteral("cy")).title, QStringLiteral("Adolygiad gofal"));
        QCOMPARE(t.sections.size(), 3);
        QCOMPARE(t.sections[0].title, QStringLiteral("About you"));

        QCOMPARE(t.findItem(QStringLiteral("about-intro"))->type, ItemType::Info);
        const Item *name = t.findItem(QStringLiteral("item-1-1"));
        QVERIFY(name);
        QCOMPARE(name->type, ItemType::Text);
        QVERIFY(name->required);
        QCOMPARE(name->help, QStringLiteral("As you like to be called."));
        QCOMPARE(name->translations.value(QStringLiteral("cy")).label, QStringLiteral("Enw llawn"));
        QVERIFY(name->note.contains(QLatin1String("FHIR linkId: 1.1")));
        QCOMPARE(t.findItem(QStringLiteral("notes"))->type, ItemType::Textarea);
        QCOMPARE(t.findItem(QStringLiteral("phb"))->type, ItemType::YesNo);

        const Item *how = t.findItem(QStringLiteral("phb-how"));
        QCOMPARE(how->type, ItemType::Choice);
        QCOMPARE(how->options.size(), 2);
        QCOMPARE(how->options[0].value, QStringLiteral("dp"));
        QCOMPARE(how->translations.value(QStringLiteral("cy")).options.value(QStringLiteral("dp")),
                 QStringLiteral("Taliad uniongyrchol"));
        QVERIFY(how->showIf);
        QCOMPARE(how->showIf->item, QStringLiteral("phb"));
        QCOMPARE(how->showIf->equals, QJsonValue(true));
        const Item *dpDate = t.findItem(QStringLiteral("phb-dp-date"));
        QCOMPARE(dpDate->type, ItemType::Date);
        QVERIFY(dpDate->showIf);
        QCOMPARE(dpDate->showIf->equals, QJsonValue(QStringLiteral("dp")));
        QCOMPARE(t.findItem(QStringLiteral("seen"))->type, ItemType::MultiChoice);
        const Item *where = t.findItem(QStringLiteral("where"));
        QCOMPARE(where->type, ItemType::Choice);
        QVERIFY(where->note.contains(QLatin1String("open-choice")));

        // A group's condition (!= true on a yes/no) is the section's showIf (= false).
        QVERIFY(t.sections[1].showIf);
        QCOMPARE(t.sections[1].showIf->equals, QJsonValue(false));
        QCOMPARE(t.findItem(QStringLiteral("falls"))->type, ItemType::Number);
        QCOMPARE(t.findItem(QStringLiteral("weight"))->unit, QStringLiteral("kg"));
        QCOMPARE(t.findItem(QStringLiteral("height"))->unit, QStringLiteral("cm"));
        QVERIFY(t.findItem(QStringLiteral("when"))->note.contains(QLatin1String("time of day")));
        const Item *bmi = t.findItem(QStringLiteral("bmi"));
        QVERIFY(bmi->note.contains(QLatin1String("calculation")));
        QVERIFY(bmi->note.contains(QLatin1String("read-only")));
        // A deeper group keeps its title as a heading.
        const Item *heading = t.findItem(QStringLiteral("inner"));
        QVERIFY(heading);
        QCOMPARE(heading->type, ItemType::Info);
        QCOMPARE(heading->label, QStringLiteral("Contacts"));
        QVERIFY(t.findItem(QStringLiteral("gp"))->note.contains(QLatin1String("initial value")));
        const Item *both = t.findItem(QStringLiteral("both"));
        QVERIFY(!both->showIf);
        QVERIFY(both->note.contains(QLatin1String("condition")));

        const Item *people = t.findItem(QStringLiteral("people"));
        QCOMPARE(people->type, ItemType::Table);
        QCOMPARE(people->columns.size(), 2);
        QCOMPARE(people->columns[0].label, QStringLiteral("Name"));

        // The report lists every loss, each naming the file.
        const QString report = r.report.text();
        for (const char *lost : {"open-choice", "calculation", "initial value", "time of day", "condition"})
            QVERIFY2(report.contains(QLatin1String(lost)), lost);
        // What the import made is a valid template.
        Problems problems;
        QVERIFY2(readTemplate(writeTemplate(t), QStringLiteral("made.json"), &problems),
                 qPrintable(problems.value(0).toString()));
    }

    void missingStatusIsAccepted()
    {
        const ImportResult r = importJson(
            QJsonObject{{"resourceType", "Questionnaire"},
                        {"item", QJsonArray{QJsonObject{{"linkId", "a"}, {"type", "string"}, {"text", "A"}}}}});
        QVERIFY(r.tmpl);
    }

    void otherVersionsAndResourcesAreRefusedSayingWhich_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("says");
        QTest::newRow("STU3 corpus file")
            << readAll(QStringLiteral(COFORM_CORPUS_DIR "/fhir/lforms__STU3_questionnaire-initialx.json")) << "STU3";
        QTest::newRow("STU3 option") << QByteArray(
            "{\"resourceType\":\"Questionnaire\",\"status\":\"draft\",\"item\":[ "
            "{\"linkId\":\"a\",\"type\":\"choice\",\"option\":[{\"valueString\":\"x\"}]}]}")
                                     << "STU3";
        QTest::newRow("R5 answerConstraint")
            << QByteArray("{\"resourceType\":\"Questionnaire\",\"status\":\"draft\", "
                          "\"item\":[{\"linkId\":\"a\",\"type\":\"coding\",\"answerConstraint\":\"optionsOnly\"}]}")
            << "R5";
        QTest::newRow("R5 profile") << QByteArray(
            "{\"resourceType\":\"Questionnaire\",\"meta\":{\"profile\":[ "
            "\"http://hl7.org/fhir/5.0/StructureDefinition/Questionnaire\"]},\"item\":[]}")
                                    << "R5";
        QTest::newRow("response") << QByteArray("{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\"}")
                                  << "QuestionnaireResponse";
        QTest::newRow("patient") << QByteArray("{\"resourceType\":\"Patient\"}") << "Patient";
        QTest::newRow("not json") << QByteArray("{\"resourceType\": ") << "not valid JSON";
        QTest::newRow("array") << QByteArray("[1,2]") << "not an object";
        QTest::newRow("no items") << QByteArray("{\"resourceType\":\"Questionnaire\"}") << "no items";
    }

    void otherVersionsAndResourcesAreRefusedSayingWhich()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, says);
        const ImportResult r = importFhirQuestionnaire(json, QStringLiteral("in.json"));
        QVERIFY(!r.tmpl);
        QVERIFY2(r.report.reason.contains(says), qPrintable(r.report.reason));
        QCOMPARE(r.report.lines().size(), 1);
    }

    void limitsAreEnforced()
    {
        // Nesting deeper than the limit.
        QJsonObject item{{"linkId", "leaf"}, {"type", "string"}, {"text", "Leaf"}};
        for (int i = 0; i < 100; ++i)
            item = QJsonObject{
                {"linkId", QStringLiteral("g%1").arg(i)}, {"type", "group"}, {"text", "G"}, {"item", QJsonArray{item}}};
        ImportResult r = importJson(QJsonObject{{"resourceType", "Questionnaire"}, {"item", QJsonArray{item}}});
        QVERIFY(!r.tmpl);
        QVERIFY2(r.report.reason.contains(QLatin1String("nested")), qPrintable(r.report.reason));
        // More items than the limit.
        QJsonArray many;
        for (int i = 0; i < 200; ++i)
            many.append(QJsonObject{{"linkId", QStringLiteral("q%1").arg(i)}, {"type", "string"}, {"text", "Q"}});
        ReadLimits limits;
        limits.maxItems = 100;
        r = importFhirQuestionnaire(
            QJsonDocument(QJsonObject{{"resourceType", "Questionnaire"}, {"item", many}}).toJson(), "many.json",
            limits);
        QVERIFY(!r.tmpl);
        QVERIFY2(r.report.reason.contains(QLatin1String("more than 100 items")), qPrintable(r.report.reason));
        // Larger than the size limit.
        limits = {};
        limits.maxBytes = 1000;
        r = importFhirQuestionnaire(QByteArray(2000, ' '), "big.json", limits);
        QVERIFY(!r.tmpl);
        QVERIFY(r.report.reason.contains(QLatin1String("larger")));
    }

    void exportedQuestionnaireIsValidR4()
    {
        const Template t = bundledTemplate();
        QVERIFY(!t.sections.isEmpty());
        const QString problems = validateFhir(questionnaireFromTemplate(t));
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
    }

    void exportedResponseIsValidR4()
    {
        const Template t = bundledTemplate();
        Problems problems;
        const std::optional<Answers> answers =
            readAnswersFile(QStringLiteral(COFORM_TEST_DATA_DIR "/fhir/chc-review-answers.json"), &problems);
        QVERIFY2(answers, qPrintable(problems.value(0).toString()));
        QVERIFY2(!hasErrors(validateAnswers(t, *answers, QStringLiteral("answers"))),
                 qPrintable(validateAnswers(t, *answers, QStringLiteral("answers")).value(0).toString()));
        const QJsonObject qr = questionnaireResponseFromAnswers(t, *answers, QStringLiteral("2026-11-20T10:00:00Z"));
        QCOMPARE(qr.value(QLatin1String("questionnaire")).toString(), questionnaireUrl(t) + QStringLiteral("|1"));
        const QString text = QString::fromUtf8(fhirJson(qr));
        QVERIFY(text.contains(QLatin1String("9434765919")));
        QVERIFY(text.contains(QLatin1String("\"valueCoding\"")));
        QVERIFY(text.contains(QLatin1String("Agree a fixed evening visit time")));
        const QString invalid = validateFhir(qr);
        QVERIFY2(invalid.isEmpty(), qPrintable(invalid));
    }

    /// Template -> FHIR -> template keeps every item, type, option, showIf and translation (the whole template).
    void bundledTemplateSurvivesARoundTrip()
    {
        const Template t = bundledTemplate();
        const QByteArray json = fhirJson(questionnaireFromTemplate(t));
        const ImportResult back = importFhirQuestionnaire(json, QStringLiteral("chc-review.fhir.json"));
        QVERIFY2(back.tmpl, qPrintable(back.report.text()));
        QVERIFY2(*back.tmpl == t, qPrintable(firstDifference(t, *back.tmpl)));
        QVERIFY2(back.report.notes.isEmpty(), qPrintable(back.report.text()));
    }

    /// The validator finds what is wrong, and keeps quiet about the one false alarm of the package it uses (an
    /// answerBoolean or valueBoolean of false reported missing), so that a pass means something.
    void theValidatorTellsValidFromInvalid()
    {
        const QJsonObject falseAnswers{
            {"resourceType", "Questionnaire"},
            {"status", "draft"},
            {"item", QJsonArray{QJsonObject{{"linkId", "a"},
                                            {"type", "boolean"},
                                            {"text", "A"},
                                            {"initial", QJsonArray{QJsonObject{{"valueBoolean", false}}}}},
                                QJsonObject{{"linkId", "b"},
                                            {"type", "string"},
                                            {"text", "B"},
                                            {"enableWhen",
                                             QJsonArray{QJsonObject{
                                                 {"question", "a"}, {"operator", "="}, {"answerBoolean", false}}}}}}}};
        const QJsonObject response{
            {"resourceType", "QuestionnaireResponse"},
            {"status", "completed"},
            {"item",
             QJsonArray{QJsonObject{{"linkId", "a"}, {"answer", QJsonArray{QJsonObject{{"valueBoolean", false}}}}}}}};
        QJsonObject badStatus = falseAnswers;
        badStatus.insert(QLatin1String("status"), QLatin1String("finished"));
        const QJsonObject emptyInitial{
            {"resourceType", "Questionnaire"},
            {"status", "draft"},
            {"item",
             QJsonArray{QJsonObject{{"linkId", "a"}, {"type", "boolean"}, {"initial", QJsonArray{QJsonObject{}}}}}}};
        const QJsonObject badType{{"resourceType", "Questionnaire"},
                                  {"status", "draft"},
                                  {"item", QJsonArray{QJsonObject{{"linkId", "a"}, {"type", "yes-no"}}}}};
        QString output;
        QString failure;
        QVERIFY(!runValidator({{QStringLiteral("false-answers"), falseAnswers},
                               {QStringLiteral("false-response"), response},
                               {QStringLiteral("bad-status"), badStatus},
                               {QStringLiteral("empty-initial"), emptyInitial},
                               {QStringLiteral("bad-type"), badType}},
                              &output, &failure));
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QVERIFY2(output.contains(QLatin1String("false-answers.json: valid R4")), qPrintable(output));
        QVERIFY2(output.contains(QLatin1String("false-response.json: valid R4")), qPrintable(output));
        for (const char *bad : {"bad-status.json: ", "empty-initial.json: ", "bad-type.json: "}) {
            QVERIFY2(output.contains(QLatin1String(bad)), qPrintable(output));
            QVERIFY2(!output.contains(QLatin1String(bad) + QLatin1String("valid R4")), qPrintable(output));
        }
        QVERIFY2(output.contains(QLatin1String("Questionnaire.status")), qPrintable(output));
        QVERIFY2(output.contains(QLatin1String("item[0].initial[0].value[x] Missing property")), qPrintable(output));
        QVERIFY2(output.contains(QLatin1String("yes-no")), qPrintable(output));
    }

    /// Every corpus Questionnaire that imports comes back the same through FHIR (template -> FHIR -> template).
    void corpusTemplatesSurviveARoundTrip_data()
    {
        QTest::addColumn<QString>("file");
        for (const QString &f : importableCorpusFiles())
            QTest::newRow(qPrintable(f)) << f;
    }

    void corpusTemplatesSurviveARoundTrip()
    {
        QFETCH(QString, file);
        const QString path = QStringLiteral(COFORM_CORPUS_DIR "/fhir/") + file;
        const ImportResult first = importFhirQuestionnaire(readAll(path), path);
        QVERIFY2(first.tmpl, qPrintable(first.report.text()));
        const QJsonObject q = questionnaireFromTemplate(*first.tmpl);
        const ImportResult second = importFhirQuestionnaire(fhirJson(q), QStringLiteral("again.json"));
        QVERIFY2(second.tmpl, qPrintable(second.report.text()));
        QVERIFY2(*second.tmpl == *first.tmpl, qPrintable(firstDifference(*first.tmpl, *second.tmpl)));
    }

    /// The Questionnaire exported from every corpus file that imports is valid R4 (one validator run for all).
    void corpusExportsAreValidR4()
    {
        const QStringList files = importableCorpusFiles();
        QCOMPARE(files.size(), 20); // 24 files, of which 3 responses and 1 STU3 Questionnaire are refused
        QMap<QString, QJsonObject> exported;
        for (const QString &file : files) {
            const QString path = QStringLiteral(COFORM_CORPUS_DIR "/fhir/") + file;
            const ImportResult r = importFhirQuestionnaire(readAll(path), path);
            QVERIFY2(r.tmpl, qPrintable(r.report.text()));
            exported.insert(QFileInfo(file).completeBaseName(), questionnaireFromTemplate(*r.tmpl));
        }
        QString output;
        QString failure;
        const bool valid = runValidator(exported, &output, &failure);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QVERIFY2(valid, qPrintable(output));
        QCOMPARE(output.count(QLatin1String(": valid R4")), files.size());
    }

    /// FHIR -> template -> FHIR for corpus files that use only what the mapping covers: the same questions come
    /// back with their linkIds, types, texts and required marks.
    void coveredCorpusQuestionnairesComeBack_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("f201") << QStringLiteral(COFORM_CORPUS_DIR
                                                "/fhir/fhirspec__questionnaire-example-f201-lifelines.json");
        QTest::newRow("mapping subset") << QStringLiteral(COFORM_TEST_DATA_DIR "/fhir/covered.json");
    }

    void coveredCorpusQuestionnairesComeBack()
    {
        QFETCH(QString, file);
        const QJsonObject original = QJsonDocument::fromJson(readAll(file)).object();
        const ImportResult r = importFhirQuestionnaire(readAll(file), file);
        QVERIFY2(r.tmpl, qPrintable(r.report.text()));
        int lost = 0;
        for (const ImportNote &n : r.report.notes)
            lost += n.kind == ImportNote::Kind::Remark ? 0 : 1;
        QVERIFY2(lost == 0, qPrintable(r.report.text()));
        const QJsonObject again = questionnaireFromTemplate(*r.tmpl);
        QStringList before;
        QStringList after;
        flattenQuestions(original.value(QLatin1String("item")).toArray(), &before);
        flattenQuestions(again.value(QLatin1String("item")).toArray(), &after);
        QCOMPARE(after, before);
    }

    void cliExportsQuestionnaireAndResponse()
    {
        const QString cli = qEnvironmentVariable("COFORM_CLI");
        QVERIFY2(!cli.isEmpty(), "COFORM_CLI must name the built coform-cli (ctest sets it)");
        QTemporaryDir dir;
        const QString templ = dir.filePath(QStringLiteral("t.json"));
        QString error;
        QVERIFY(writeTemplateFile(bundledTemplate(), templ, &error));
        QProcess p;
        p.start(cli,
                {QStringLiteral("export-fhir"), templ, QStringLiteral("-o"), dir.filePath(QStringLiteral("q.json"))});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        QCOMPARE(QJsonDocument::fromJson(readAll(dir.filePath(QStringLiteral("q.json"))))
                     .object()
                     .value(QLatin1String("resourceType"))
                     .toString(),
                 QStringLiteral("Questionnaire"));
        p.start(cli, {QStringLiteral("export-fhir"), templ, QStringLiteral("--answers"),
                      QStringLiteral(COFORM_TEST_DATA_DIR "/fhir/chc-review-answers.json"), QStringLiteral("-o"),
                      dir.filePath(QStringLiteral("qr.json"))});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        QCOMPARE(QJsonDocument::fromJson(readAll(dir.filePath(QStringLiteral("qr.json"))))
                     .object()
                     .value(QLatin1String("resourceType"))
                     .toString(),
                 QStringLiteral("QuestionnaireResponse"));
        p.start(cli, {QStringLiteral("export-fhir"), dir.filePath(QStringLiteral("missing.json")), QStringLiteral("-o"),
                      dir.filePath(QStringLiteral("x.json"))});
        QVERIFY(p.waitForFinished(30000));
        QVERIFY(p.exitCode() != 0);
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("x.json"))));
    }
};

QTEST_GUILESS_MAIN(TestFhir)
#include "tst_fhir.moc"
