// Fillable PDFs (AcroForm) become templates: field kinds, labels, pages, encryption, XFA, and hostile field trees.
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFWriter.hh>

#include "format/importer.h"
#include "format/importjob.h"
#include "format/pdfimport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QtTest>

#include <unistd.h>

using namespace coform;

namespace {

/// A PDF of public projects (tests/data/corpus/pdf).
QString corpus(const char *name)
{
    return QStringLiteral(COFORM_CORPUS_DIR "/pdf/") + QLatin1String(name);
}

/// A PDF of our own (tests/data/pdf-own, made by make-pdfs.py there).
QString own(const char *name)
{
    return QStringLiteral(COFORM_TEST_DATA_DIR "/pdf-own/") + QLatin1String(name);
}

/// Debian's python3 (the oracle needs only its standard library), else the first on PATH.
QString python3()
{
    return QFile::exists(QStringLiteral("/usr/bin/python3"))
               ? QStringLiteral("/usr/bin/python3")
               : QStandardPaths::findExecutable(QStringLiteral("python3"));
}

PdfImportOptions options()
{
    PdfImportOptions o;
    o.workerPath = qEnvironmentVariable("COFORM_CLI");
    return o;
}

QMap<ItemType, int> typeCounts(const Template &t)
{
    QMap<ItemType, int> counts;
    for (const Item *item : t.allItems())
        ++counts[item->type];
    return counts;
}

/// Processes whose parent is this test: a worker left running would show up here.
int childProcessCount()
{
    int count = 0;
    const QString self = QString::number(getpid());
    for (const QString &pid : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QString line = QString::fromLatin1(stat.readAll());
        const QStringList after = line.mid(line.lastIndexOf(QLatin1Char(')')) + 2).split(QLatin1Char(' '));
        if (after.size() > 1 && after.at(1) == self)
            ++count;
    }
    return count;
}

qint64 residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return 0;
}

} // namespace

class TestPdfImport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(QDir(QStringLiteral(COFORM_CORPUS_DIR "/pdf")).exists(), "tests/data/corpus/pdf is missing");
        QVERIFY2(!qEnvironmentVariableIsEmpty("COFORM_CLI"), "COFORM_CLI must name the built coform-cli");
    }

    void everyFieldKindMapsToItsType()
    {
        const ImportResult r = importPdfForm(own("all-kinds.pdf"), options());
        QVERIFY2(r.tmpl, qPrintable(r.report.text()));
        const QMap<ItemType, int> counts = typeCounts(*r.tmpl);
        QCOMPARE(counts.value(ItemType::Text) + counts.value(ItemType::Textarea), 4);
        QCOMPARE(counts.value(ItemType::YesNo), 2);
        QCOMPARE(counts.value(ItemType::Choice) + counts.value(ItemType::MultiChoice), 4); // 2 radio, combo, list
        // The push button and the hidden calculation field are reported and skipped.
        QStringList skipped;
        for (const ImportNote &n : r.report.notes) {
            if (n.kind == ImportNote::Kind::Skipped)
                skipped << n.place;
        }
        QCOMPARE(skipped, QStringList({QStringLiteral("Button3"), QStringLiteral("Total")}));
        for (const Item *item : r.tmpl->allItems()) {
            if (itemTypeHasOptions(item->type))
                QVERIFY2(!item->options.isEmpty(), qPrintable(item->id));
        }
    }

    void multilineTextBecomesTextarea()
    {
        // Comb fields, centred and right-aligned text, maximum lengths: still text.
        const ImportResult r = importPdfForm(own("text-fields.pdf"), options());
        QVERIFY(r.tmpl);
        QCOMPARE(typeCounts(*r.tmpl).value(ItemType::Textarea), 3);
        QCOMPARE(typeCounts(*r.tmpl).value(ItemType::Text), 6);
    }

    void tooltipIsTheLabelElseTheNameMadeReadable()
    {
        const ImportResult r = importPdfForm(corpus("pypdf__FormTestFromOo.pdf"), options());
        QVERIFY(r.tmpl);
        QStringList labels;
        for (const Item *item : r.tmpl->allItems())
            labels << item->label;
        QVERIFY2(labels.contains(QLatin1String("help for Combo")), qPrintable(labels.join(", ")));
        const ImportResult prefilled = importPdfForm(own("prefilled.pdf"), options());
        QVERIFY(prefilled.tmpl);
        QCOMPARE(prefilled.tmpl->findItem(QStringLiteral("family-name"))->label, QStringLiteral("Family name"));
        for (const Item *item : prefilled.tmpl->allItems()) {
            QVERIFY2(!item->label.contains(QLatin1Char('[')), qPrintable(item->label)); // no "[0]" left in labels
            QVERIFY(!item->label.isEmpty());
        }
    }

    void onePageOneSection()
    {
        const ImportResult r = importPdfForm(own("prefilled.pdf"), options());
        QVERIFY(r.tmpl);
        QCOMPARE(r.tmpl->sections.size(), 2);
        QCOMPARE(r.tmpl->sections.at(0).title, QStringLiteral("Page 1"));
        QCOMPARE(r.tmpl->sections.at(0).items.size(), 8);
        QCOMPARE(r.tmpl->sections.at(1).title, QStringLiteral("Page 2"));
        QCOMPARE(r.tmpl->sections.at(1).items.size(), 6);
        QCOMPARE(r.report.itemCount, 14);
        // The answers already in the PDF are not part of a template, and the report says they were left out.
        QVERIFY2(r.report.text().contains(QLatin1String("12 fields were filled in")), qPrintable(r.report.text()));
    }

    void radioLabelsComeFromOpt()
    {
        const ImportResult r = importPdfForm(own("opt-export-values.pdf"), options());
        QVERIFY(r.tmpl);
        const Item *veg = r.tmpl->findItem(QStringLiteral("veg"));
        QVERIFY(veg);
        QCOMPARE(veg->type, ItemType::Choice);
        QCOMPARE(veg->options.size(), 2);
        QCOMPARE(veg->options.at(0).label, QStringLiteral("Carrot"));
        QCOMPARE(veg->options.at(1).label, QStringLiteral("Potato"));
        // A label in UTF-16 (Welsh w-circumflex) comes through whole.
        const Item *drink = r.tmpl->findItem(QStringLiteral("drink"));
        QVERIFY(drink);
        QCOMPARE(drink->options.size(), 3);
        QCOMPARE(drink->options.at(2).label, QStringLiteral("D\u0175r"));
        QCOMPARE(r.tmpl->findItem(QStringLiteral("agree"))->type, ItemType::YesNo);
    }

    void dateFormattedTextFieldsAreDates()
    {
        const ImportResult r = importPdfForm(own("dates.pdf"), options());
        QVERIFY(r.tmpl);
        // Two fields use AFDate_FormatEx; the third uses AFTime_Format (a time of day), which stays text.
        QCOMPARE(typeCounts(*r.tmpl).value(ItemType::Date), 2);
        QCOMPARE(typeCounts(*r.tmpl).value(ItemType::Text), 1);
        QCOMPARE(r.tmpl->findItem(QStringLiteral("time1-af-time"))->type, ItemType::Text);
    }

    void checkBoxesWithoutAppearancesAreCheckBoxes()
    {
        const ImportResult r = importPdfForm(own("checkbox-no-appearance.pdf"), options());
        QVERIFY2(r.tmpl, qPrintable(r.report.text()));
        QCOMPARE(typeCounts(*r.tmpl).value(ItemType::YesNo), 2);
    }

    void comboAndListBoxesKeepTheirChoices()
    {
        const ImportResult r = importPdfForm(own("choice-boxes.pdf"), options());
        QVERIFY2(r.tmpl, qPrintable(r.report.text()));
        const Item *setting = r.tmpl->findItem(QStringLiteral("setting"));
        QVERIFY(setting);
        QCOMPARE(setting->type, ItemType::Choice);
        QStringList labels;
        for (const Option &o : setting->options)
            labels << o.label;
        // The display text, not the export values ("home", "care", "hosp").
        QCOMPARE(labels,
                 QStringList({QStringLiteral("Own home"), QStringLiteral("Care home"), QStringLiteral("Hospital")}));
        QCOMPARE(r.tmpl->findItem(QStringLiteral("needs"))->type, ItemType::MultiChoice);
        QCOMPARE(r.tmpl->findItem(QStringLiteral("needs"))->options.size(), 4);
        QCOMPARE(r.tmpl->findItem(QStringLiteral("day"))->type, ItemType::Choice);
        // What could not come over is said: typed-in answers, a list with nothing in it; the XFA beside is a remark.
        const QString report = r.report.text();
        for (const char *said : {"typed in", "without choices", "XFA"})
            QVERIFY2(report.contains(QLatin1String(said)), qPrintable(report));
    }

    void damagedBeyondRepairIsRefused()
    {
        const ImportResult r = importPdfForm(own("damaged-no-xref.pdf"), options());
        QVERIFY(!r.tmpl);
        QVERIFY2(r.report.reason.contains(QLatin1String("damaged")), qPrintable(r.report.reason));
        QCOMPARE(r.report.lines().size(), 1);
    }

    void wrongCrossReferencesAreRebuilt()
    {
        const ImportResult r = importPdfForm(own("xref-wrong-offsets.pdf"), options());
        QVERIFY2(r.tmpl, qPrintable(r.report.text()));
        QCOMPARE(r.report.itemCount, 2);
    }

    void emptyUserPasswordOpens()
    {
        const ImportResult r = importPdfForm(own("aes256-empty-password.pdf"), options());
        QVERIFY2(r.tmpl, qPrintable(r.report.text()));
        QCOMPARE(r.report.itemCount, 1);
        QVERIFY2(r.report.text().contains(QLatin1String("encrypted")), qPrintable(r.report.text()));
    }

    void userPasswordIsRefusedClearly()
    {
        QTemporaryDir dir;
        const QString locked = dir.filePath(QStringLiteral("locked.pdf"));
        {
            // qpdf keeps the file name pointers: the byte arrays must outlive the writer.
            const QByteArray in = QFile::encodeName(own("all-kinds.pdf"));
            const QByteArray out = QFile::encodeName(locked);
            QPDF pdf;
            pdf.processFile(in.constData());
            QPDFWriter w(pdf, out.constData());
            w.setR6EncryptionParameters("secret", "owner", true, true, true, true, true, true, qpdf_r3p_full, true);
            w.write();
        }
        const ImportResult r = importPdfForm(locked, options());
        QVERIFY(!r.tmpl);
        QVERIFY2(r.report.reason.contains(QLatin1String("password")), qPrintable(r.report.reason));
    }

    void xfaOnlyIsRefusedClearly()
    {
        const ImportResult r = importPdfForm(own("xfa-only.pdf"), options());
        QVERIFY(!r.tmpl);
        QVERIFY2(r.report.reason.contains(QLatin1String("XFA")), qPrintable(r.report.reason));
    }

    void signatureAloneIsNothingToImport()
    {
        const ImportResult r = importPdfForm(own("signature-only.pdf"), options());
        QVERIFY(!r.tmpl);
        QVERIFY(r.report.refused);
        QCOMPARE(r.report.lines().size(), 1);
    }

    void notAPdfIsRefused()
    {
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("fake.pdf")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("%PDF-1.7\nthis is not a PDF at all\n%%EOF\n");
        f.close();
        const ImportResult r = importFile(f.fileName(), {qEnvironmentVariable("COFORM_CLI"), {}, 4000});
        QVERIFY(!r.tmpl);
        QVERIFY(!r.report.reason.isEmpty());
    }

    void hostileFieldTreeIsRefusedByThePrecheck()
    {
        QElapsedTimer timer;
        timer.start();
        const ImportResult r = importPdfForm(corpus("qpdf__shared-unnamed-field.pdf"), options());
        QVERIFY(timer.elapsed() < 5000);
        QVERIFY(!r.tmpl);
        QVERIFY2(r.report.reason.contains(QLatin1String("field tree")), qPrintable(r.report.reason));
    }

    /// Without the pre-check poppler itself walks the tree for minutes: the worker is killed at the time-out, and
    /// nothing of it stays behind (no child process, no memory in this process).
    void hostileFieldTreeWithoutPrecheckIsKilledAtTheTimeout()
    {
        PdfImportOptions o = options();
        o.precheck = false;
        o.timeoutMs = 3000;
        const int childrenBefore = childProcessCount();
        const qint64 rssBefore = residentKiB();
        QElapsedTimer timer;
        timer.start();
        const ImportResult r = importPdfForm(corpus("qpdf__shared-unnamed-field.pdf"), o);
        const qint64 ms = timer.elapsed();
        // The time-out counts the worker's processor time (a busy machine does not refuse good files), with four
        // times the time-out on the clock as the ceiling: never a hang.
        QVERIFY2(ms < 4 * 3000 + 2000, qPrintable(QString::number(ms)));
        QVERIFY(!r.tmpl);
        QVERIFY2(!r.report.reason.isEmpty() && !r.report.reason.contains(QLatin1Char('\n')),
                 qPrintable(r.report.reason));
        QVERIFY2(r.report.reason.contains(QLatin1String("longer than 3 seconds of work")), qPrintable(r.report.reason));
        QCOMPARE(childProcessCount(), childrenBefore);
        QVERIFY2(residentKiB() - rssBefore < 64 * 1024, "the parent's memory grew");
    }

    /// qpdf's view (tests/tools/pdf-fields.py over `qpdf --json`) as an oracle: every field it counts is a question
    /// or reported as skipped; the pages and the encryption agree.
    void fieldCountsAgreeWithQpdf_data()
    {
        QTest::addColumn<QString>("file");
        for (const char *f : {"pypdf__FormTestFromOo.pdf", "pypdf__libreoffice-form.pdf", "pypdf__pdflatex-forms.pdf",
                              "qpdf__field-types.pdf", "qpdf__form-errors.pdf", "qpdf__form-filled-by-acrobat.pdf"})
            QTest::newRow(f) << corpus(f);
        for (const char *f : {"all-kinds.pdf", "aes256-empty-password.pdf", "text-fields.pdf", "dates.pdf",
                              "checkbox-no-appearance.pdf", "opt-export-values.pdf", "choice-boxes.pdf",
                              "prefilled.pdf", "xref-wrong-offsets.pdf"})
            QTest::newRow(f) << own(f);
    }

    void fieldCountsAgreeWithQpdf()
    {
        QFETCH(QString, file);
        const QString python = python3();
        QVERIFY2(!python.isEmpty(), "python3 is not installed: run scripts/deps.sh");
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("qpdf")).isEmpty(),
                 "qpdf is not installed: run scripts/deps.sh");
        QProcess p;
        p.start(python, {QStringLiteral(COFORM_SOURCE_DIR "/tests/tools/pdf-fields.py"), file});
        QVERIFY(p.waitForFinished(60000));
        QVERIFY2(p.exitCode() == 0, qPrintable(QString::fromUtf8(p.readAllStandardError())));
        const QJsonObject view = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
        QVERIFY2(!view.value(QLatin1String("damaged")).toBool(true), "qpdf could not read the file");
        const int fields = view.value(QLatin1String("nfields")).toInt();
        QVERIFY(fields > 0);
        const ImportResult r = importPdfForm(file, options());
        QVERIFY2(r.tmpl, qPrintable(r.report.text()));
        int skipped = 0;
        for (const ImportNote &n : r.report.notes)
            skipped += n.kind == ImportNote::Kind::Skipped ? 1 : 0;
        QCOMPARE(r.report.itemCount + skipped, fields);
        // One section a page with fields on it, never more sections than pages.
        QVERIFY(r.tmpl->sections.size() <= view.value(QLatin1String("pages")).toInt());
        // An encrypted file that opened says so.
        QCOMPARE(r.report.text().contains(QLatin1String("encrypted")), view.value(QLatin1String("encrypted")).toBool());
    }

    /// The oracle itself counts what it should (a check of the checker, on files whose contents we wrote).
    void qpdfOracleCountsFieldKinds()
    {
        const QString python = python3();
        QVERIFY2(!python.isEmpty(), "python3 is not installed: run scripts/deps.sh");
        QProcess p;
        p.start(python, {QStringLiteral(COFORM_SOURCE_DIR "/tests/tools/pdf-fields.py"), own("all-kinds.pdf"),
                         own("aes256-empty-password.pdf"), own("damaged-no-xref.pdf")});
        QVERIFY(p.waitForFinished(60000));
        QVERIFY2(p.exitCode() == 0, qPrintable(QString::fromUtf8(p.readAllStandardError())));
        const QList<QByteArray> lines = p.readAllStandardOutput().trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        const QJsonObject all = QJsonDocument::fromJson(lines[0]).object();
        QCOMPARE(all.value(QLatin1String("nfields")).toInt(), 12);
        const QJsonObject types = all.value(QLatin1String("types")).toObject();
        QCOMPARE(types.value(QLatin1String("text")).toInt(), 4);
        QCOMPARE(types.value(QLatin1String("text-multiline")).toInt(), 1);
        QCOMPARE(types.value(QLatin1String("checkbox")).toInt(), 2);
        QCOMPARE(types.value(QLatin1String("radio")).toInt(), 2);
        QCOMPARE(types.value(QLatin1String("combo")).toInt(), 1);
        QCOMPARE(types.value(QLatin1String("list")).toInt(), 1);
        QCOMPARE(types.value(QLatin1String("pushbutton")).toInt(), 1);
        QCOMPARE(all.value(QLatin1String("hidden")).toInt(), 1);
        QCOMPARE(all.value(QLatin1String("encrypted")).toBool(true), false);
        QCOMPARE(QJsonDocument::fromJson(lines[1]).object().value(QLatin1String("encrypted")).toBool(), true);
        QCOMPARE(QJsonDocument::fromJson(lines[2]).object().value(QLatin1String("damaged")).toBool(), true);
    }

    /// The app imports through an ImportJob: its event loop keeps running while a PDF is read.
    void importJobKeepsTheEventLoopRunning()
    {
        ImportJob job;
        QSignalSpy done(&job, &ImportJob::finished);
        int ticks = 0;
        QTimer timer;
        connect(&timer, &QTimer::timeout, this, [&ticks] { ++ticks; });
        timer.start(10);
        QVERIFY(job.start(own("prefilled.pdf"), {qEnvironmentVariable("COFORM_CLI"), {}, 4000}));
        QVERIFY(job.isRunning());
        QVERIFY(!job.start(own("dates.pdf"), {})); // one at a time
        QVERIFY(done.wait(10000));
        QVERIFY(ticks > 0);
        QVERIFY(!job.isRunning());
        QVERIFY2(job.result().tmpl, qPrintable(job.result().report.text()));
        QCOMPARE(job.result().report.itemCount, 14);
    }

    void garbageWorkerOutputIsRefused()
    {
        for (const QByteArray &junk : {QByteArray(), QByteArray("[]"), QByteArray("{\"fields\": 3}"),
                                       QByteArray("{\"fields\": [{\"kind\": \"radio\"}, 7, null]}")}) {
            const ImportResult r = templateFromPdfFields(junk, {}, QStringLiteral("x.pdf"));
            QVERIFY(r.report.refused || r.tmpl);
            QVERIFY(!r.report.lines().isEmpty());
        }
    }
};

QTEST_GUILESS_MAIN(TestPdfImport)
#include "tst_pdfimport.moc"
