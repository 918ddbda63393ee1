// Every file of the corpus (tests/data/corpus: real forms of public projects) and of our own PDFs (tests/data/pdf-own)
// is imported with a report or refused with a one-line reason, within 5 seconds, as tests/data/corpus-expected.tsv says
// (and why).
#include "format/importer.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QtTest>

using namespace coform;

namespace {

struct Expected
{
    QString outcome;
    int items = 0;
    QString reason;
};

QMap<QString, Expected> readExpectations()
{
    QMap<QString, Expected> out;
    QFile file(QStringLiteral(COFORM_TEST_DATA_DIR "/corpus-expected.tsv"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("tests/data/corpus-expected.tsv cannot be read");
    for (const QByteArray &raw : file.readAll().split('\n')) {
        const QString line = QString::fromUtf8(raw);
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const QStringList cols = line.split(QLatin1Char('\t'));
        if (cols.size() < 5)
            continue;
        out.insert(cols[0], {cols[1], cols[2].toInt(), cols[3]});
    }
    return out;
}

/// Corpus files as "fhir/NAME" and "pdf/NAME" (in tests/data/corpus), and our own PDFs as "pdf-own/NAME".
QStringList corpusFiles()
{
    QStringList out;
    const QDir corpus(QStringLiteral(COFORM_CORPUS_DIR));
    for (const QString &sub : {QStringLiteral("fhir"), QStringLiteral("pdf")}) {
        for (const QString &name : QDir(corpus.filePath(sub)).entryList(QDir::Files, QDir::Name))
            out << sub + QLatin1Char('/') + name;
    }
    for (const QString &name : QDir(QStringLiteral(COFORM_TEST_DATA_DIR "/pdf-own"))
                                   .entryList({QStringLiteral("*.pdf")}, QDir::Files, QDir::Name))
        out << QStringLiteral("pdf-own/") + name;
    return out;
}

QString pathOf(const QString &file)
{
    return file.startsWith(QLatin1String("pdf-own/")) ? QStringLiteral(COFORM_TEST_DATA_DIR "/") + file
                                                      : QStringLiteral(COFORM_CORPUS_DIR "/") + file;
}

} // namespace

class TestCorpus : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(QDir(QStringLiteral(COFORM_CORPUS_DIR "/fhir")).exists(), "tests/data/corpus/fhir is missing");
        QVERIFY2(!qEnvironmentVariableIsEmpty("COFORM_CLI"), "COFORM_CLI must name the built coform-cli");
    }

    void everyFileHasAnExpectation()
    {
        const QMap<QString, Expected> expected = readExpectations();
        const QStringList files = corpusFiles();
        // 24 FHIR and 7 PDF files of public projects, 12 PDFs of our own (see the READMEs beside them).
        QCOMPARE(files.size(), 43);
        for (const QString &f : files)
            QVERIFY2(expected.contains(f), qPrintable(f + QStringLiteral(" is not in corpus-expected.tsv")));
        for (auto it = expected.cbegin(); it != expected.cend(); ++it)
            QVERIFY2(files.contains(it.key()), qPrintable(it.key() + QStringLiteral(" is no longer in the corpus")));
    }

    void importsAsExpected_data()
    {
        QTest::addColumn<QString>("file");
        for (const QString &f : corpusFiles())
            QTest::newRow(qPrintable(f)) << f;
    }

    void importsAsExpected()
    {
        QFETCH(QString, file);
        const Expected expected = readExpectations().value(file);
        ImportOptions options;
        options.workerPath = qEnvironmentVariable("COFORM_CLI");
        QElapsedTimer timer;
        timer.start();
        const ImportResult result = importFile(pathOf(file), options);
        const qint64 ms = timer.elapsed();
        // The time-out is a promise to the person waiting, not a speed target: every file answers, at the latest
        // when the reader is stopped (its time-out counts processor time, with four times it on the clock as the
        // ceiling, so a busy machine does not refuse good files).
        QVERIFY2(ms < 4 * options.timeoutMs + 2000, qPrintable(QStringLiteral("%1 took %2 ms").arg(file).arg(ms)));
        const QStringList lines = result.report.lines();
        QVERIFY(!lines.isEmpty());
        QVERIFY2(lines.first().contains(file), qPrintable(lines.first()));
        if (expected.outcome == QLatin1String("refused")) {
            QVERIFY2(!result.tmpl, qPrintable(file + QStringLiteral(" was imported")));
            QVERIFY(result.report.refused);
            QCOMPARE(lines.size(), 1);
            QVERIFY(!lines.first().contains(QLatin1Char('\n')));
            QVERIFY2(result.report.reason.contains(expected.reason, Qt::CaseInsensitive),
                     qPrintable(result.report.reason));
        } else {
            QVERIFY2(result.tmpl, qPrintable(lines.first()));
            QCOMPARE(result.report.itemCount, expected.items);
            QCOMPARE(int(result.tmpl->allItems().size()), expected.items);
            // Every loss tied to an item is also kept as that item's note.
            for (const ImportNote &n : result.report.notes) {
                if (n.kind != ImportNote::Kind::Lost || n.itemId.isEmpty())
                    continue;
                const Item *item = result.tmpl->findItem(n.itemId);
                QVERIFY2(item, qPrintable(n.toString()));
                QVERIFY2(!item->note.isEmpty(), qPrintable(n.toString()));
            }
        }
    }

    void cliRefusesWithOneLineAndExitTwo()
    {
        QProcess cli;
        cli.start(qEnvironmentVariable("COFORM_CLI"),
                  {QStringLiteral("import"), QStringLiteral(COFORM_CORPUS_DIR "/pdf/qpdf__shared-unnamed-field.pdf")});
        QVERIFY(cli.waitForFinished(10000));
        QCOMPARE(cli.exitCode(), 2);
        const QString err = QString::fromUtf8(cli.readAllStandardError()).trimmed();
        QVERIFY2(!err.contains(QLatin1Char('\n')) && err.contains(QLatin1String("refused")), qPrintable(err));
        QVERIFY(cli.readAllStandardOutput().isEmpty());
    }

    void cliWritesTemplateAndPrintsReport()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("t.json"));
        QProcess cli;
        cli.start(qEnvironmentVariable("COFORM_CLI"),
                  {QStringLiteral("import"), QStringLiteral(COFORM_TEST_DATA_DIR "/pdf-own/all-kinds.pdf"),
                   QStringLiteral("-o"), out});
        QVERIFY(cli.waitForFinished(10000));
        QCOMPARE(cli.exitCode(), 0);
        QVERIFY(QFile::exists(out));
        const QString report = QString::fromUtf8(cli.readAllStandardOutput());
        QVERIFY2(report.contains(QLatin1String("Button3: skipped")), qPrintable(report));
        Problems problems;
        QVERIFY(readTemplateFile(out, &problems));
    }
};

QTEST_GUILESS_MAIN(TestCorpus)
#include "tst_corpus.moc"
