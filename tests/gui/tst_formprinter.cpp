// File > Print: the blank form printed on paper is the same laid-out pages as the PDF. Printed here to a PDF file
// through QPrinter and read back with poppler: every page, on the right paper, with the words where a person reads
// them.
#include "preview/formprinter.h"

#include "format/templateformat.h"
#include "pdf/layout.h"

#include <QPrinter>
#include <QTemporaryDir>
#include <QtTest>

#include <poppler-qt6.h>

using namespace coform;

class TestFormPrinter : public QObject
{
    Q_OBJECT

private slots:
    void printsEveryPageOnTheChosenPaper_data()
    {
        QTest::addColumn<int>("paper");
        QTest::addColumn<QSizeF>("points");
        QTest::newRow("A4") << int(PaperSize::A4) << QSizeF(595, 842);
        QTest::newRow("Letter") << int(PaperSize::Letter) << QSizeF(612, 792);
    }

    void printsEveryPageOnTheChosenPaper()
    {
        QFETCH(int, paper);
        QFETCH(QSizeF, points);
        Problems problems;
        const std::optional<Template> t =
            readTemplateFile(QStringLiteral(":/coform/templates/chc-review.json"), &problems);
        QVERIFY(t);
        RenderOptions options;
        options.profile = PrintProfile::Large;
        options.paper = PaperSize(paper);
        const int expectedPages = int(layoutForm(*t, nullptr, options).pages.size());

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("printed.pdf"));
        QPrinter printer(QPrinter::HighResolution);
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setOutputFileName(path);
        QString error;
        QVERIFY2(FormPrinter::print(*t, options, &printer, &error), qPrintable(error));

        std::unique_ptr<Poppler::Document> doc = Poppler::Document::load(path);
        QVERIFY(doc);
        QCOMPARE(doc->numPages(), expectedPages);
        std::unique_ptr<Poppler::Page> first = doc->page(0);
        QCOMPARE(first->pageSizeF().toSize(), points.toSize());
        const QString text = first->text(QRectF());
        QVERIFY2(text.contains(QStringLiteral("NHS Continuing Healthcare review")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("What kind of review is this?")), qPrintable(text));
        // The title is where the layout put it (large print: near the top-left margin, not shifted by the printer).
        bool found = false;
        for (const std::unique_ptr<Poppler::TextBox> &box : first->textList()) {
            if (box->text() == QLatin1String("Continuing")) {
                found = true;
                QVERIFY(box->boundingBox().left() < 150);
                QVERIFY(box->boundingBox().top() < 200);
                break;
            }
        }
        QVERIFY(found);
        const std::unique_ptr<Poppler::Page> last = doc->page(doc->numPages() - 1);
        QVERIFY(last->text(QRectF()).contains(QStringLiteral("Page %1 of %1").arg(expectedPages)));
    }
};

QTEST_MAIN(TestFormPrinter)
#include "tst_formprinter.moc"
