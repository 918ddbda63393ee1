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
#include <QtTest>

#include <unistd.h>

using namespace coform;

namespace {

QString corpus(const char *name)
{
    return QStringLiteral(COFORM_CORPUS_DIR "/pdf/") + QLatin1String(name);
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
        if (!QDir(QStringLiteral(COFORM_CORPUS_DIR)).exists())
            QSKIP("the shared corpus is not there");
        QVERIFY2(!qEnvironmentVariableIsEmpty("COFORM_CLI"), "COFORM_CLI must name the built coform-cli");
    }

    void everyFieldKindMapsToItsType()
    {
        const ImportResult r = importPdfForm(corpus("pdfjs__bug1675139.pdf"), options());
        QVERIFY2(r.tmpl, qPrintable(r.report.text()));
        const QMap<ItemType, int> counts = typeCounts(*r.tmpl);
        QCOMPARE(counts.value(ItemType::Text) + counts.value(ItemType::Textarea), 4);
        QCOMPARE(counts.value(ItemType::YesNo), 2);
        QCOMPARE(counts.value(ItemType::Choice) + counts.value(ItemType::MultiChoice), 4); // 2 radio, combo, list
        // The push button is reported and skipped.
        bool skipped = false;
        for (const ImportNote &n : r.report.notes)
            skipped = skipped || (n.kind == ImportNote::Kind::Skipped && n.place == QLatin1String("Button3"));
        QVERIFY(skipped);
        for (const Item *item : r.tmpl->allItems()) {
            if (itemTypeHasOptions(item->type))
                QVERIFY2(!item->options.isEmpty(), qPrintable(item->id));
        }
    }

    void multilineTextBecomesTextarea()
    {
        const ImportResult r = importPdfForm(corpus("pdfjs__textfields.pdf"), options());
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
        const ImportResult f1040 = importPdfForm(corpus("pdfjs__prefilled_f1040.pdf"), options());
        QVERIFY(f1040.tmpl);
        for (const Item *item : f1040.tmpl->allItems()) {
            QVERIFY2(!item->label.contains(QLatin1Char('[')), qPrintable(item->label)); // no "[0]" left in labels
            QVERIFY(!item->label.isEmpty());
        }
    }

    void onePageOneSection()
    {
        const ImportResult r = importPdfForm(corpus("pdfjs__prefilled_f1040.pdf"), options());
        QVERIFY(r.tmpl);
        QCOMPARE(r.tmpl->sections.size(), 2);
        QCOMPARE(r.tmpl->sections.at(0).title, QStringLiteral("Page 1"));
        QCOMPARE(r.tmpl->sections.at(1).title, QStringLiteral("Page 2"));
        QCOMPARE(r.report.itemCount, 236);
    }

    void radioLabelsComeFromOpt()
    {
        const ImportResult r = importPdfForm(corpus("pdfjs__opt_demo.pdf"), options());
        QVERIFY(r.tmpl);
        const Item *veg = r.tmpl->findItem(QStringLiteral("veg"));
        QVERIFY(veg);
        QCOMPARE(veg->type, ItemType::Choice);
        QCOMPARE(veg->options.size(), 2);
        QCOMPARE(veg->options.at(0).label, QStringLiteral("Carrot"));
        QCOMPARE(veg->options.at(1).label, QStringLiteral("Potato"));
    }

    void dateFormattedTextFieldsAreDates()
    {
        const ImportResult r = importPdfForm(corpus("pdfjs__dates.pdf"), options());
        QVERIFY(r.tmpl);
        // Two fields use AFDate_FormatEx; the third uses AFTime_Format (a time of day), which stays text.
        QCOMPARE(typeCounts(*r.tmpl).value(ItemType::Date), 2);
        QCOMPARE(typeCounts(*r.tmpl).value(ItemType::Text), 1);
    }

    void emptyUserPasswordOpens()
    {
        const ImportResult r = importPdfForm(corpus("pdfjs__secHandler.pdf"), options());
        QVERIFY2(r.tmpl, qPrintable(r.report.text()));
        QCOMPARE(r.report.itemCount, 1);
    }

    void userPasswordIsRefusedClearly()
    {
        QTemporaryDir dir;
        const QString locked = dir.filePath(QStringLiteral("locked.pdf"));
        {
            // qpdf keeps the file name pointers: the byte arrays must outlive the writer.
            const QByteArray in = QFile::encodeName(corpus("pdfjs__bug1675139.pdf"));
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
        const ImportResult r = importPdfForm(corpus("pdfjs__xfa_issue14315.pdf"), options());
        QVERIFY(!r.tmpl);
        QVERIFY2(r.report.reason.contains(QLatin1String("XFA")), qPrintable(r.report.reason));
    }

    void signatureAloneIsNothingToImport()
    {
        const ImportResult r = importPdfForm(corpus("pdfjs__bug854315.pdf"), options());
        QVERIFY(!r.tmpl);
        QVERIFY(r.report.refused);
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
        QVERIFY2(ms < 5000, qPrintable(QString::number(ms)));
        QVERIFY(!r.tmpl);
        QVERIFY2(!r.report.reason.isEmpty() && !r.report.reason.contains(QLatin1Char('\n')),
                 qPrintable(r.report.reason));
        QCOMPARE(childProcessCount(), childrenBefore);
        QVERIFY2(residentKiB() - rssBefore < 64 * 1024, "the parent's memory grew");
    }

    /// qpdf's view (the shared tool pdf_fields.py) as an oracle: every field it counts is a question or reported.
    void fieldCountsAgreeWithQpdf_data()
    {
        QTest::addColumn<QString>("file");
        for (const char *f : {"pdfjs__160F-2019.pdf", "pdfjs__bug1675139.pdf", "pdfjs__bug1883609.pdf",
                              "pdfjs__textfields.pdf", "pypdf__FormTestFromOo.pdf", "pypdf__libreoffice-form.pdf",
                              "qpdf__field-types.pdf", "qpdf__form-filled-by-acrobat.pdf", "pdfjs__secHandler.pdf"})
            QTest::newRow(f) << QString::fromLatin1(f);
    }

    void fieldCountsAgreeWithQpdf()
    {
        QFETCH(QString, file);
        const QString oracle = QStringLiteral(COFORM_SOURCE_DIR "/../shared/tools/pdf_fields.py");
        if (!QFile::exists(oracle) || QStandardPaths::findExecutable(QStringLiteral("qpdf")).isEmpty())
            QSKIP("pdf_fields.py or qpdf is not installed");
        QProcess p;
        p.start(QStringLiteral("python3"), {oracle, QStringLiteral(COFORM_CORPUS_DIR "/pdf/") + file});
        QVERIFY(p.waitForFinished(60000));
        const QJsonObject view = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
        const ImportResult r = importPdfForm(QStringLiteral(COFORM_CORPUS_DIR "/pdf/") + file, options());
        QVERIFY(r.tmpl);
        int skipped = 0;
        for (const ImportNote &n : r.report.notes)
            skipped += n.kind == ImportNote::Kind::Skipped ? 1 : 0;
        QCOMPARE(r.report.itemCount + skipped, view.value(QLatin1String("nfields")).toInt());
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
        QVERIFY(job.start(corpus("pdfjs__prefilled_f1040.pdf"), {qEnvironmentVariable("COFORM_CLI"), {}, 4000}));
        QVERIFY(job.isRunning());
        QVERIFY(!job.start(corpus("pdfjs__dates.pdf"), {})); // one at a time
        QVERIFY(done.wait(10000));
        QVERIFY(ticks > 0);
        QVERIFY(!job.isRunning());
        QVERIFY2(job.result().tmpl, qPrintable(job.result().report.text()));
        QCOMPARE(job.result().report.itemCount, 236);
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
