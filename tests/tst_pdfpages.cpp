#include "pdfreadback.h"

#include "pdf/layout.h"
#include "pdf/pdfwriter.h"
#include "pdf/printstyle.h"

#include <QGuiApplication>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace coform;
using namespace coform::test;

/// The pages of the PDFs Coform writes, read back with poppler: text that flows across pages, paper sizes and PDF/A,
/// what qpdf says of the file, and the draw log the tagging pass reads.
class TestPdfPages : public PdfRenderFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        Problems problems;
        const std::optional<Template> t = readTemplateFile(bundledPath(), &problems);
        QVERIFY2(t, problems.isEmpty() ? "" : qPrintable(problems.first().toString()));
        m_template = *t;
        const std::optional<Answers> a = readAnswersFile(longAnswersPath(), &problems);
        QVERIFY2(a, problems.isEmpty() ? "" : qPrintable(problems.first().toString()));
        m_answers = *a;
        QVERIFY(!hasErrors(validateAnswers(m_template, m_answers, longAnswersPath())));
    }

    /// A 200-paragraph answer flows across pages, marked "continued", with nothing lost.
    void longAnswerFlowsAcrossPages()
    {
        Item story;
        story.id = QStringLiteral("story");
        story.type = ItemType::Textarea;
        story.label = QStringLiteral("Tell us your story");
        const Template t = smallTemplate({story});
        QStringList paragraphs;
        for (int i = 1; i <= 200; ++i)
            paragraphs << QStringLiteral("Paragraph %1 begins here. The carers came on time and we talked about the "
                                         "garden, the weather and the grandchildren; paragraph %1 ends here.")
                              .arg(i);
        Answers a;
        a.templateId = t.id;
        a.person.name = QStringLiteral("Alex Example");
        a.person.nhsNumber = QStringLiteral("9434765919");
        a.values.insert(story.id, paragraphs.join(QStringLiteral("\n\n")));
        for (const PrintProfile profile : {PrintProfile::Standard, PrintProfile::Large}) {
            RenderOptions options;
            options.profile = profile;
            QByteArray pdf;
            QString error;
            QVERIFY2(renderPdf(t, &a, options, &pdf, &error), qPrintable(error));
            const ReadBack r = readBack(pdf);
            QVERIFY(r.pages() >= 8);
            QCOMPARE(firstOutOfOrder(r.all(), paragraphs), QString());
            for (int i = 1; i < r.pages(); ++i)
                QVERIFY2(r.pageTexts.at(i).contains(QStringLiteral("Tell us your story (continued)")),
                         qPrintable(QString::number(i + 1)));
            QVERIFY(!r.pageTexts.first().contains(QStringLiteral("(continued)")));
        }
    }

    /// Even a question label longer than a page is printed whole, over several pages, and never off the page.
    void labelLongerThanAPage()
    {
        Item huge;
        huge.id = QStringLiteral("huge");
        huge.type = ItemType::Textarea;
        QStringList words;
        for (int i = 0; i < 2000; ++i)
            words << QStringLiteral("w%1").arg(i);
        huge.label = words.join(QLatin1Char(' '));
        const Template t = smallTemplate({huge});
        QByteArray pdf;
        QString error;
        QVERIFY2(renderPdf(t, nullptr, RenderOptions{}, &pdf, &error), qPrintable(error));
        const ReadBack r = readBack(pdf);
        QVERIFY(r.pages() >= 3);
        QCOMPARE(firstOutOfOrder(r.all(), words), QString());
        for (int i = 0; i < r.pages(); ++i) {
            for (const auto &[text, box] : r.words.at(i))
                QVERIFY2(QRectF(QPointF(0, 0), r.pageSizes.at(i)).contains(box), qPrintable(text));
        }
    }

    /// A table answer of 60 rows repeats its header row on every page it reaches.
    void tableRepeatsHeaderRow()
    {
        Item table;
        table.id = QStringLiteral("visits");
        table.type = ItemType::Table;
        table.label = QStringLiteral("Visits this year");
        table.columns = {{QStringLiteral("when"), QStringLiteral("Visit date")},
                         {QStringLiteral("who"), QStringLiteral("Visitor name")},
                         {QStringLiteral("why"), QStringLiteral("Purpose")}};
        const Template t = smallTemplate({table});
        QJsonArray rows;
        QStringList cells;
        for (int i = 1; i <= 60; ++i) {
            rows.append(QJsonObject{{QStringLiteral("when"), QStringLiteral("Day %1").arg(i)},
                                    {QStringLiteral("who"), QStringLiteral("Visitor %1").arg(i)},
                                    {QStringLiteral("why"), QStringLiteral("Check number %1").arg(i)}});
            cells << QStringLiteral("Day %1").arg(i) << QStringLiteral("Visitor %1").arg(i)
                  << QStringLiteral("Check number %1").arg(i);
        }
        Answers a;
        a.templateId = t.id;
        a.values.insert(table.id, rows);
        RenderOptions options;
        QByteArray pdf;
        QString error;
        QVERIFY2(renderPdf(t, &a, options, &pdf, &error), qPrintable(error));
        const ReadBack r = readBack(pdf);
        QVERIFY(r.pages() >= 2);
        QCOMPARE(firstOutOfOrder(r.all(), cells), QString());
        for (int i = 0; i < r.pages(); ++i) {
            const QString page = r.pageTexts.at(i);
            if (!page.contains(QStringLiteral("Visitor ")))
                continue;
            QCOMPARE(firstOutOfOrder(page, {QStringLiteral("Visit date"), QStringLiteral("Visitor name"),
                                            QStringLiteral("Purpose"), QStringLiteral("Visitor ")}),
                     QString());
        }
    }

    void paperAndPdfA()
    {
        RenderOptions options;
        options.paper = PaperSize::Letter;
        options.pdfA = true;
        const QByteArray pdf = render(&m_answers, options);
        QVERIFY(pdf.contains("pdfaid:part"));
        QVERIFY(pdf.contains("/Lang (en-GB)"));
        const ReadBack r = readBack(pdf);
        QVERIFY(r.doc);
        std::unique_ptr<Poppler::Page> page = r.doc->page(0);
        QCOMPARE(page->pageSizeF().toSize(), QSize(612, 792));

        options = {};
        options.languages = {QStringLiteral("cy")};
        const QByteArray welsh = render(nullptr, options);
        QVERIFY(welsh.contains("/Lang (cy)"));
        QVERIFY(readBack(welsh).all().contains(QStringLiteral("Tudalen 1 o")));
    }

    /// qpdf finds nothing wrong in any of the forms.
    void qpdfCheck()
    {
        const QString qpdf = QStandardPaths::findExecutable(QStringLiteral("qpdf"));
        QVERIFY2(!qpdf.isEmpty(), "qpdf is not installed: run scripts/deps.sh");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        struct Case
        {
            bool filled;
            PrintProfile profile;
            bool bilingual;
            bool pdfA;
        };
        const Case cases[] = {{false, PrintProfile::Standard, true, true}, {false, PrintProfile::Large, false, false},
                              {false, PrintProfile::Easy, false, true},    {true, PrintProfile::Standard, false, true},
                              {true, PrintProfile::Large, true, false},    {true, PrintProfile::Easy, true, true}};
        int n = 0;
        for (const Case &c : cases) {
            RenderOptions options;
            options.profile = c.profile;
            options.pdfA = c.pdfA;
            if (c.bilingual)
                options.languages = {QStringLiteral("en"), QStringLiteral("cy")};
            const QString path = dir.filePath(QStringLiteral("form%1.pdf").arg(n++));
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(render(c.filled ? &m_answers : nullptr, options));
            f.close();
            QProcess p;
            p.start(qpdf, {QStringLiteral("--check"), path});
            QVERIFY(p.waitForFinished(60000));
            const QString out = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
            QVERIFY2(p.exitCode() == 0, qPrintable(out));
            QVERIFY2(out.contains(QStringLiteral("No syntax or stream encoding errors")), qPrintable(out));
            QVERIFY2(!out.contains(QStringLiteral("WARNING")), qPrintable(out));
        }
    }

    /// The writer reports, page by page, what it drew where; header and footer on every page.
    void drawLog()
    {
        RenderOptions options;
        const Layout layout = layoutForm(m_template, &m_answers, options);
        const PrintStyle style(options.profile, options.paper);
        PdfWriter writer(style);
        QVector<PageDrawLog> log;
        writer.setDrawLog(&log);
        QByteArray pdf;
        QString error;
        QVERIFY2(writer.write(layout, &pdf, &error), qPrintable(error));
        QCOMPARE(log.size(), layout.pages.size());
        QCOMPARE(readBack(pdf).pages(), int(log.size()));
        for (const PageDrawLog &page : log) {
            bool header = false, footer = false;
            for (const DrawnBox &b : page) {
                header = header || b.role == BoxRole::Header;
                footer = footer || b.role == BoxRole::Footer;
                QVERIFY2(QRectF(QPointF(0, 0), layout.pageSize).contains(b.rect),
                         qPrintable(QStringLiteral("%1 %2 %3,%4 %5x%6")
                                        .arg(boxRoleName(b.role), b.itemId)
                                        .arg(b.rect.x())
                                        .arg(b.rect.y())
                                        .arg(b.rect.width())
                                        .arg(b.rect.height())));
            }
            QVERIFY(header && footer);
        }
        bool sawAnswer = false;
        for (const DrawnBox &b : log.first())
            sawAnswer = sawAnswer || (b.role == BoxRole::Answer && b.itemId == QLatin1String("funding-agreed-date"));
        QVERIFY(sawAnswer);
    }
};

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    TestPdfPages test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_pdfpages.moc"
