// Import reports a person can act on, held to the rule: anything of the source that changes what a person sees or
// may answer is either in the template or in the report. Checked for every corpus file (tests/data/corpus) by
// counting what the source has and what the template has; and the report's shape: a short summary in plain words
// first, detail grouped below, never raw JSON; PDF refusals that say what to do next.
#include "format/fhirvocabulary.h"
#include "format/importer.h"
#include "format/pdfimport.h"
#include "format/pdfprecheck.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace coform;

namespace {

const QString corpusDir = QStringLiteral(COFORM_TEST_DATA_DIR "/corpus");

ImportResult importPath(const QString &path)
{
    ImportOptions options;
    options.workerPath = qEnvironmentVariable("COFORM_CLI");
    return importFile(path, options);
}

/// Checks one FHIR source item against what the import made of it; each difference must have a note at its
/// linkId of the right topic. Adds what is wrong to `failures`.
class FhirAccounting
{
public:
    FhirAccounting(const ImportResult &r, QStringList *failures)
        : m_r(r)
        , m_failures(failures)
    {}

    void walk(const QJsonArray &items, bool underTable)
    {
        for (const QJsonValue &v : items)
            check(v.toObject(), underTable);
    }

private:
    static QString s(const QJsonObject &o, const char *key) { return o.value(QLatin1String(key)).toString(); }

    bool noted(const QString &place, std::optional<ImportNote::Topic> topic = std::nullopt) const
    {
        for (const ImportNote &n : m_r.report.notes) {
            if (n.place == place && (!topic || n.topic == *topic) && m_text.contains(n.message))
                return true;
        }
        return false;
    }

    void expect(bool kept, const QString &place, const QString &what, std::optional<ImportNote::Topic> topic)
    {
        if (!kept && !noted(place, topic))
            m_failures->append(QStringLiteral("%1: %2: %3 is neither in the template nor in the report")
                                   .arg(QFileInfo(m_r.report.file).fileName(), place, what));
    }

    static bool isHelp(const QJsonObject &item)
    {
        return s(item, "type") == QLatin1String("display")
               && (FhirVocabulary::itemControlCodes(item).contains(QLatin1String("help"))
                   || FhirVocabulary::itemControlCodes(item).contains(QLatin1String("flyover")));
    }

    static bool isHidden(const QJsonObject &item)
    {
        for (const QJsonObject &e : FhirVocabulary::extensions(item, QLatin1String(FhirVocabulary::hidden))) {
            if (e.value(QLatin1String("valueBoolean")).toBool())
                return true;
        }
        return false;
    }

    static bool hasExtension(const QJsonObject &item, const char *name)
    {
        for (const QJsonValue &e : item.value(QLatin1String("extension")).toArray()) {
            if (s(e.toObject(), "url").endsWith(QLatin1Char('/') + QLatin1String(name)))
                return true;
        }
        return false;
    }

    void check(const QJsonObject &item, bool underTable)
    {
        using Topic = ImportNote::Topic;
        const QString linkId = s(item, "linkId");
        const QString type = s(item, "type");
        if (isHelp(item))
            return; // checked with its parent
        if (isHidden(item)) {
            expect(false, linkId, QStringLiteral("a hidden item"), Topic::Structure);
            return;
        }
        const bool table = m_r.tmpl->findItem(m_r.placeToItem.value(linkId))
                           && m_r.tmpl->findItem(m_r.placeToItem.value(linkId))->type == ItemType::Table;
        if (underTable) {
            // A column: its type, list, condition and required mark live in the table's note.
            const bool plain = (type == QLatin1String("string") || type == QLatin1String("text"))
                               && !item.contains(QLatin1String("answerOption"))
                               && !item.contains(QLatin1String("enableWhen"))
                               && !item.value(QLatin1String("required")).toBool();
            expect(plain, m_table, QStringLiteral("the column %1 (%2)").arg(linkId, type), Topic::Structure);
            return;
        }
        const QString target = m_r.placeToItem.value(linkId);
        const Section *section =
            target.startsWith(QLatin1String("section:")) ? m_r.tmpl->findSection(target.mid(8)) : nullptr;
        const Item *made = section ? nullptr : m_r.tmpl->findItem(target);
        const bool group = type == QLatin1String("group");
        const QString text = s(item, "text");
        ++m_seen;
        // The item itself: a question, a heading, a section, or a note saying where it went.
        if (!group || !text.isEmpty())
            expect(made || section, linkId, QStringLiteral("the %1 item").arg(type), std::nullopt);
        if (!made && !section) {
            walk(item.value(QLatin1String("item")).toArray(), false);
            return;
        }
        // Texts and help.
        if (!text.isEmpty())
            expect(made ? !made->label.isEmpty() : !section->title.isEmpty(), linkId, QStringLiteral("its text"),
                   Topic::Texts);
        bool help = false;
        for (const QJsonValue &c : item.value(QLatin1String("item")).toArray())
            help = help || (isHelp(c.toObject()) && !s(c.toObject(), "text").isEmpty());
        // Kept as help, or as the label of a question that had no text of its own.
        if (help)
            expect(made ? !made->help.isEmpty() || (text.isEmpty() && !made->label.isEmpty())
                        : !section->help.isEmpty(),
                   linkId, QStringLiteral("its help text"), Topic::Texts);
        // Answer lists.
        const int listed = int(item.value(QLatin1String("answerOption")).toArray().size());
        if (listed > 0 || item.contains(QLatin1String("answerValueSet")))
            expect(made && made->options.size() >= std::max(listed, 1), linkId, QStringLiteral("its answer list"),
                   Topic::Answers);
        if (item.contains(QLatin1String("initial")))
            expect(false, linkId, QStringLiteral("its initial answer"), Topic::Answers);
        if (item.value(QLatin1String("repeats")).toBool() && !group)
            expect(made && made->type == ItemType::MultiChoice, linkId, QStringLiteral("several answers"),
                   Topic::Answers);
        // Limits.
        if (item.value(QLatin1String("required")).toBool())
            expect(made && made->required, linkId, QStringLiteral("required"), Topic::Limits);
        if (item.value(QLatin1String("readOnly")).toBool())
            expect(false, linkId, QStringLiteral("read-only"), Topic::Limits);
        if (item.contains(QLatin1String("maxLength")))
            expect(false, linkId, QStringLiteral("maxLength"), Topic::Limits);
        if (type == QLatin1String("integer"))
            expect(false, linkId, QStringLiteral("whole numbers only"), Topic::Limits);
        for (const char *limit : {"minValue", "maxValue"}) {
            if (hasExtension(item, limit))
                expect(made && made->type == ItemType::Number
                           && (QLatin1String(limit) == QLatin1String("minValue") ? made->min : made->max),
                       linkId, QLatin1String(limit), Topic::Limits);
        }
        for (const char *limit : {"minLength", "regex", "maxDecimalPlaces"}) {
            if (hasExtension(item, limit))
                expect(false, linkId, QLatin1String(limit), Topic::Limits);
        }
        // Conditions.
        if (item.contains(QLatin1String("enableWhen")))
            expect(made ? made->showIf.has_value() : section->showIf.has_value(), linkId,
                   QStringLiteral("its condition"), Topic::Conditions);
        // Kinds of question Coform has no type for.
        for (const char *kind : {"time", "url", "reference", "attachment", "dateTime"}) {
            if (type == QLatin1String(kind))
                expect(false, linkId, QStringLiteral("the kind '%1'").arg(type), Topic::Kinds);
        }
        if (table) {
            const QString outer = m_table;
            m_table = linkId;
            walk(item.value(QLatin1String("item")).toArray(), true);
            m_table = outer;
        } else {
            walk(item.value(QLatin1String("item")).toArray(), false);
        }
    }

    const ImportResult &m_r;
    QStringList *m_failures;
    const QString m_text = m_r.report.text();
    QString m_table; ///< the linkId of the table being walked
    int m_seen = 0;
};

} // namespace

class TestImportReport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(QDir(corpusDir + QStringLiteral("/fhir")).exists(), "tests/data/corpus/fhir is missing");
        QVERIFY2(!qEnvironmentVariable("COFORM_CLI").isEmpty(), "COFORM_CLI (the PDF worker) is not set");
    }

    /// The rule, for every corpus Questionnaire that imports: what the source has (questions, answer lists, help,
    /// displays, required, read-only, lengths, limits, conditions, initial answers, kinds) is in the template or
    /// has a line in the report.
    void everyFhirDifferenceHasALine_data()
    {
        QTest::addColumn<QString>("path");
        const QStringList files = QDir(corpusDir + QStringLiteral("/fhir")).entryList({"*.json"}, QDir::Files);
        QVERIFY(files.size() >= 20);
        for (const QString &f : files)
            QTest::newRow(qPrintable(f)) << corpusDir + QStringLiteral("/fhir/") + f;
    }

    void everyFhirDifferenceHasALine()
    {
        QFETCH(QString, path);
        const ImportResult r = importPath(path);
        if (!r.tmpl) {
            QVERIFY2(r.report.refused && !r.report.reason.isEmpty(), qPrintable(path));
            return; // refused in one line: nothing was made to compare
        }
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
        QStringList failures;
        FhirAccounting accounting(r, &failures);
        accounting.walk(root.value(QLatin1String("item")).toArray(), false);
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join('\n')));
        // The questions a person sees: as many came over as the source has (no silent drop).
        QCOMPARE(r.report.questionCount, r.report.sourceQuestionCount);
    }

    /// The same rule for the corpus PDFs: every field is a question or has a line; read-only, required and
    /// longest-answer marks (as qpdf reads them) are kept or have a line.
    void everyPdfDifferenceHasALine_data()
    {
        QTest::addColumn<QString>("path");
        const QStringList files = QDir(corpusDir + QStringLiteral("/pdf")).entryList({"*.pdf"}, QDir::Files);
        QVERIFY(files.size() >= 5);
        for (const QString &f : files)
            QTest::newRow(qPrintable(f)) << corpusDir + QStringLiteral("/pdf/") + f;
    }

    void everyPdfDifferenceHasALine()
    {
        QFETCH(QString, path);
        const ImportResult r = importPath(path);
        if (!r.tmpl) {
            QVERIFY2(r.report.refused && !r.report.reason.isEmpty(), qPrintable(path));
            return;
        }
        PdfImportOptions options;
        options.workerPath = qEnvironmentVariable("COFORM_CLI");
        PdfPrecheck precheck;
        QString error;
        const QByteArray json = readPdfFormFields(path, options, &precheck, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QString text = r.report.text();
        auto noted = [&](const QString &place, const QString &words) {
            for (const ImportNote &n : r.report.notes) {
                if (n.place == place && n.message.contains(words) && text.contains(n.message))
                    return true;
            }
            return false;
        };
        QStringList failures;
        for (const QJsonValue &v : QJsonDocument::fromJson(json).object().value(QLatin1String("fields")).toArray()) {
            const QJsonObject f = v.toObject();
            const QString name = f.value(QLatin1String("name")).toString();
            const Item *item = r.tmpl->findItem(r.placeToItem.value(name));
            if (!item) {
                bool skipped = false;
                for (const ImportNote &n : r.report.notes)
                    skipped = skipped || (n.place == name && n.kind == ImportNote::Kind::Skipped);
                if (!skipped)
                    failures << QStringLiteral("%1: neither a question nor in the report").arg(name);
                continue;
            }
            if (f.value(QLatin1String("readOnly")).toBool() && !noted(name, QStringLiteral("read-only")))
                failures << QStringLiteral("%1: read-only, not said").arg(name);
            const PdfFieldHint hint = precheck.hints.value(name);
            if (hint.required && !item->required)
                failures << QStringLiteral("%1: required, not kept").arg(name);
            if (hint.maxLength > 0 && !noted(name, QStringLiteral("characters")))
                failures << QStringLiteral("%1: longest answer, not said").arg(name);
            if ((item->type == ItemType::Choice || item->type == ItemType::MultiChoice) && item->options.isEmpty())
                failures << QStringLiteral("%1: a choice without answers").arg(name);
        }
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join('\n')));
    }

    /// Must show: the report of the largest corpus Questionnaire starts with a summary that fits on one screen,
    /// with the detail below; no line is raw JSON.
    void largestQuestionnaireReportFitsAScreen()
    {
        QFileInfoList files =
            QDir(corpusDir + QStringLiteral("/fhir")).entryInfoList({"*.json"}, QDir::Files, QDir::Size);
        QString largest;
        for (const QFileInfo &f : files) {
            if (!f.fileName().contains(QLatin1String("response"))) {
                largest = f.filePath();
                break;
            }
        }
        const ImportResult r = importPath(largest);
        QVERIFY2(r.tmpl, qPrintable(r.report.text()));
        const QStringList summary = r.report.summaryLines();
        const QStringList all = r.report.lines();
        qInfo().noquote() << "The report of" << QFileInfo(largest).fileName() << ":\n" << all.join('\n');
        QVERIFY2(summary.size() <= 12, qPrintable(summary.join('\n'))); // a screen of text, with room to spare
        QCOMPARE(all.mid(0, summary.size()), summary);                  // summary first
        QVERIFY(summary.first().contains(QLatin1String("questions came over")));
        QVERIFY(all.size() > summary.size()); // the detail follows
        QVERIFY(all.contains(QStringLiteral("Details for template authors (%1 notes):").arg(r.report.notes.size())));
        for (const QString &line : all)
            QVERIFY2(!line.contains(QLatin1String("{\"")) && !line.contains(QLatin1String("[{")), qPrintable(line));
    }

    /// No report of any corpus file prints raw JSON; technical notes are folded into one counted line a kind.
    void reportsHoldNoRawJson()
    {
        const QStringList files = QDir(corpusDir + QStringLiteral("/fhir")).entryList({"*.json"}, QDir::Files);
        for (const QString &f : files) {
            const ImportResult r = importPath(corpusDir + QStringLiteral("/fhir/") + f);
            const QStringList lines = r.report.lines();
            for (const QString &line : lines)
                QVERIFY2(!line.contains(QLatin1String("{\"")) && !line.contains(QLatin1String("[{")),
                         qPrintable(f + QStringLiteral(": ") + line));
        }
        // phq9 has LOINC codes on 11 items: one line, counted, not eleven.
        const ImportResult phq9 = importPath(corpusDir + QStringLiteral("/fhir/lforms__R4_phq9.json"));
        const QStringList codes = phq9.report.lines().filter(QStringLiteral("codes from LOINC"));
        QCOMPARE(codes.size(), 1);
        QVERIFY2(codes.first().contains(QLatin1String("11 times")), qPrintable(codes.first()));
    }

    /// PDF refusals say what to do next.
    void pdfRefusalsSayWhatToDo()
    {
        const QString data = QStringLiteral(COFORM_TEST_DATA_DIR "/import/");
        const ImportResult damaged = importPath(data + QStringLiteral("damaged-no-root.pdf"));
        QVERIFY(!damaged.tmpl);
        QCOMPARE(damaged.report.reason,
                 QStringLiteral("This PDF is damaged. Open it in a PDF reader, save a copy, and import the copy"));
        const ImportResult empty = importPath(data + QStringLiteral("no-form-fields.pdf"));
        QVERIFY(!empty.tmpl);
        QCOMPARE(empty.report.reason,
                 QStringLiteral("This PDF has no boxes to fill in: Coform can only import fillable forms"));
        // The command line says the same, in one line.
        QProcess cli;
        cli.start(qEnvironmentVariable("COFORM_CLI"),
                  {QStringLiteral("import"), data + QStringLiteral("no-form-fields.pdf")});
        QVERIFY(cli.waitForFinished(20000));
        QCOMPARE(cli.exitCode(), 2);
        QVERIFY(QString::fromUtf8(cli.readAllStandardError()).contains(QLatin1String("no boxes to fill in")));
    }

    /// A PDF qpdf cannot open is given to poppler in the worker (same limits) before it is refused; what poppler
    /// reads is imported, with a plain warning in the summary. The worker here stands in for poppler repairing a
    /// file: it prints what the real worker read from the undamaged original.
    void damagedPdfIsTriedWithPopplerInTheWorker()
    {
        const QString data = QStringLiteral(COFORM_TEST_DATA_DIR "/import/");
        QProcess real;
        real.start(qEnvironmentVariable("COFORM_CLI"), {QStringLiteral("import"), QStringLiteral("--pdf-worker"),
                                                        data + QStringLiteral("one-text-field.pdf")});
        QVERIFY(real.waitForFinished(20000));
        const QByteArray fields = real.readAllStandardOutput();
        QVERIFY2(fields.contains("FamilyName"), fields.constData());
        QTemporaryDir dir;
        QFile out(dir.filePath(QStringLiteral("fields.json")));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(fields);
        out.close();
        QFile worker(dir.filePath(QStringLiteral("worker")));
        QVERIFY(worker.open(QIODevice::WriteOnly));
        worker.write("#!/bin/sh\ncat '" + QFile::encodeName(out.fileName()) + "'\n");
        worker.close();
        worker.setPermissions(worker.permissions() | QFileDevice::ExeOwner);

        ImportOptions options;
        options.workerPath = worker.fileName();
        const ImportResult r = importFile(data + QStringLiteral("damaged-no-root.pdf"), options);
        QVERIFY2(r.tmpl, qPrintable(r.report.text()));
        QCOMPARE(r.tmpl->allItems().first()->label, QStringLiteral("Family name"));
        QVERIFY2(
            r.report.summaryLines().join('\n').contains(QLatin1String("check every question against the original")),
            qPrintable(r.report.text()));
        // Without a worker poppler would run unguarded in this process: refused instead.
        options.workerPath.clear();
        QVERIFY(!importFile(data + QStringLiteral("damaged-no-root.pdf"), options).tmpl);
    }
};

QTEST_MAIN(TestImportReport)
#include "tst_importreport.moc"
