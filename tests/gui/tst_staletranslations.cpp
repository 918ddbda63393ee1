// Translations that the English has moved on from. A form whose Welsh question is stamped: changing the question's
// English wording (typed) marks its Welsh out of date in the model, in the details panel's translation table (with
// "Welsh still right" under it), in the coverage panel's count, in `coform-cli check` and in the draft's bilingual
// PDF (read back with Poppler). "Welsh still right" clears it as one step to undo.
#include "coveragepanel.h"
#include "mainwindow.h"

#include "format/templateformat.h"
#include "model/translationstamps.h"

#include <QAction>
#include <QFile>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTextEdit>
#include <QtTest>

#include <poppler-qt6.h>

using namespace coform;

namespace {

const QString kSmall = QStringLiteral(COFORM_TEST_DATA_DIR "/gui/small-review.json");

std::pair<int, QString> runCli(const QStringList &args)
{
    QProcess cli;
    cli.start(qEnvironmentVariable("COFORM_CLI"), args);
    cli.waitForFinished(60000);
    return {cli.exitCode(), QString::fromUtf8(cli.readAllStandardOutput() + cli.readAllStandardError())};
}

/// The text of every page of the bilingual blank form of the file, as Poppler reads it.
QString bilingualPdfText(const QString &file, const QString &pdfPath)
{
    const auto rendered = runCli({QStringLiteral("render"), file, QStringLiteral("--lang"), QStringLiteral("en+cy"),
                                  QStringLiteral("-o"), pdfPath});
    if (rendered.first != 0)
        return QStringLiteral("render failed: ") + rendered.second;
    std::unique_ptr<Poppler::Document> doc = Poppler::Document::load(pdfPath);
    if (!doc)
        return QStringLiteral("the PDF does not load");
    QString text;
    for (int i = 0; i < doc->numPages(); ++i)
        text += std::unique_ptr<Poppler::Page>(doc->page(i))->text(QRectF()) + QLatin1Char('\n');
    return text.simplified();
}

QByteArray fileText(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QTableWidgetItem *welshOf(QTableWidget *table, const QString &rowName)
{
    for (int row = 0; row < table->rowCount(); ++row) {
        if (table->item(row, 0)->text() == rowName)
            return table->item(row, 2);
    }
    return nullptr;
}

} // namespace

class TestStaleTranslations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    }

    void changedEnglishMarksTheWelshOutOfDateUntilConfirmed()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("small-review.json"));
        QVERIFY(QFile::copy(kSmall, file));
        QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner);
        {
            // The Welsh of the question was made from its English as it is (a stamp, as typing it would give).
            Problems problems;
            std::optional<Template> t = readTemplateFile(file, &problems);
            QVERIFY(t);
            Item *item = t->findItem(QStringLiteral("review-type"));
            item->translations[QStringLiteral("cy")].madeFrom.insert(QStringLiteral("label"),
                                                                     TranslationStamps::stamp(item->label));
            QString error;
            QVERIFY2(writeTemplateFile(*t, file, &error), qPrintable(error));
        }
        const QString pdf = dir.filePath(QStringLiteral("form.pdf"));
        // Before: nothing is out of date, and the bilingual PDF has no mark.
        QVERIFY(!runCli({QStringLiteral("check"), file}).second.contains(QStringLiteral("out of date")));
        QVERIFY(!bilingualPdfText(file, pdf).contains(QStringLiteral("[Welsh out of date]")));

        MainWindow w;
        w.resize(1366, 740);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openTemplateFile(file));
        QVERIFY(w.selectId(QStringLiteral("review-type")));
        auto *table = w.findChild<QTableWidget *>(QStringLiteral("propertyTranslations"));
        auto *bar = w.findChild<QWidget *>(QStringLiteral("staleTranslations"));
        auto *stillRight = w.findChild<QPushButton *>(QStringLiteral("translationStillRight"));
        auto *counts = w.coveragePanel()->findChild<QLabel *>(QStringLiteral("coverageTranslations"));
        QVERIFY(table && bar && stillRight && counts);
        QCOMPARE(welshOf(table, QStringLiteral("Question"))->text(), QStringLiteral("Pa fath o adolygiad yw hwn?"));
        QVERIFY(!bar->isVisible());
        QVERIFY(!counts->text().contains(QStringLiteral("out of date")));

        // The English wording changes, typed at the end of the question.
        auto *question = w.findChild<QTextEdit *>(QStringLiteral("propertyText"));
        QTest::mouseClick(question->viewport(), Qt::LeftButton);
        QTest::keyClick(question, Qt::Key_End, Qt::ControlModifier);
        QTest::keyClicks(question, QStringLiteral(" Tick one."));
        QCOMPARE(w.document()->tmpl().findItem(QStringLiteral("review-type"))->label,
                 QStringLiteral("What kind of review is this? Tick one."));

        // The model.
        const QVector<TranslationStamps::OutOfDate> stale = TranslationStamps::outOfDate(w.document()->tmpl());
        QCOMPARE(stale.size(), 1);
        QCOMPARE(stale.first().itemId, QStringLiteral("review-type"));
        QCOMPARE(stale.first().language, QStringLiteral("cy"));
        QCOMPARE(stale.first().property, QStringLiteral("label"));
        // The panel: the cell, "Welsh still right", the coverage panel's count.
        QTRY_VERIFY(welshOf(table, QStringLiteral("Question"))->text().startsWith(QStringLiteral("(out of date")));
        QVERIFY(welshOf(table, QStringLiteral("Question"))->text().contains(QStringLiteral("Pa fath")));
        QCOMPARE(welshOf(table, QStringLiteral("Answer: Yearly review"))->text(),
                 QStringLiteral("Adolygiad blynyddol")); // the answers' English did not change
        QVERIFY(bar->isVisible());
        QCOMPARE(stillRight->text(), QStringLiteral("Welsh still right"));
        QTRY_VERIFY2(counts->text().contains(QStringLiteral("1 text out of date")), qPrintable(counts->text()));

        // `check` and the draft's bilingual PDF.
        QTest::keyClick(&w, Qt::Key_S, Qt::ControlModifier);
        QTRY_VERIFY(!w.document()->isModified());
        QVERIFY(fileText(file).contains("\"madeFrom\""));
        const auto checked = runCli({QStringLiteral("check"), file});
        QVERIFY2(checked.second.contains(QStringLiteral("Translation \"cy\": 1 text(s) out of date")),
                 qPrintable(checked.second));
        QVERIFY2(checked.second.contains(QStringLiteral("/sections/0/items/1/translations/cy/label")),
                 qPrintable(checked.second));
        const QString marked = bilingualPdfText(file, pdf);
        QVERIFY2(marked.contains(QStringLiteral("Pa fath o adolygiad yw hwn? [Welsh out of date]")),
                 qPrintable(marked));

        // "Welsh still right": one step, which undo takes back.
        QTest::mouseClick(stillRight, Qt::LeftButton);
        QVERIFY(TranslationStamps::outOfDate(w.document()->tmpl()).isEmpty());
        QTRY_COMPARE(welshOf(table, QStringLiteral("Question"))->text(), QStringLiteral("Pa fath o adolygiad yw hwn?"));
        QVERIFY(!bar->isVisible());
        QTRY_VERIFY(!counts->text().contains(QStringLiteral("out of date")));
        QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(TranslationStamps::outOfDate(w.document()->tmpl()).size(), 1);
        w.findChild<QAction *>(QStringLiteral("actionRedo"))->trigger(); // Edit > Redo
        QVERIFY(TranslationStamps::outOfDate(w.document()->tmpl()).isEmpty());
        QTest::keyClick(&w, Qt::Key_S, Qt::ControlModifier);
        QTRY_VERIFY(!w.document()->isModified());
        QVERIFY(!runCli({QStringLiteral("check"), file}).second.contains(QStringLiteral("out of date")));
        QVERIFY(!bilingualPdfText(file, pdf).contains(QStringLiteral("[Welsh out of date]")));
    }

    void theFormatKeepsStampsAndOldFilesReadUnchanged()
    {
        Problems problems;
        const std::optional<Template> old = readTemplateFile(kSmall, &problems);
        QVERIFY(old);
        QVERIFY(
            old->findItem(QStringLiteral("review-type"))->translations.value(QStringLiteral("cy")).madeFrom.isEmpty());
        QTemporaryDir dir;
        Template stamped = *old;
        Translation &cy = stamped.findItem(QStringLiteral("review-type"))->translations[QStringLiteral("cy")];
        cy.madeFrom.insert(QStringLiteral("label"), TranslationStamps::stamp(QStringLiteral("An older wording")));
        cy.madeFrom.insert(QStringLiteral("option:annual"), TranslationStamps::stamp(QStringLiteral("Yearly review")));
        const QString path = dir.filePath(QStringLiteral("stamped.json"));
        QString error;
        QVERIFY2(writeTemplateFile(stamped, path, &error), qPrintable(error));
        const std::optional<Template> back = readTemplateFile(path, &problems);
        QVERIFY(back);
        QCOMPARE(*back, stamped);
        QCOMPARE(TranslationStamps::outOfDate(*back).size(), 1); // the label; the answer's English is the same
        // A stamp of something a translation cannot have, or not a stamp, is an error at its place.
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray json = f.readAll();
        f.close();
        json.replace("\"option:annual\"", "\"colour\"");
        const QString bad = dir.filePath(QStringLiteral("bad.json"));
        QFile b(bad);
        QVERIFY(b.open(QIODevice::WriteOnly));
        b.write(json);
        b.close();
        Problems badProblems;
        QVERIFY(!readTemplateFile(bad, &badProblems));
        bool named = false;
        for (const Problem &p : badProblems)
            named = named || p.pointer.endsWith(QStringLiteral("/translations/cy/madeFrom/colour"));
        QVERIFY(named);
    }
};

QTEST_MAIN(TestStaleTranslations)
#include "tst_staletranslations.moc"
