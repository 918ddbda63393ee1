// Tagged PDF files: what the catalogue, the metadata and checking tools (qpdf, pdfinfo) say about the PDFs Coform
// writes, read back with libqpdf and poppler; the errors of the tagging pass.
#define POINTERHOLDER_TRANSITION 4

#include "taggedpdf.h"

#include "edit/templatediff.h"
#include "pdf/pdftagger.h"
#include "pdf/pdfwriter.h"
#include "pdf/whatchangedpdf.h"

#include <qpdf/Buffer.hh>

#include <QGuiApplication>
#include <QTemporaryDir>
#include <QtTest>

using namespace coform;
using namespace coform::test;

/// Tagged PDFs as files: catalogue and metadata, text extraction, what checking tools say, the what-changed PDF, and
/// the errors of the tagging pass.
class TestPdfTagFile : public PdfTagsFixture
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
    }

    /// The catalogue says the PDF is tagged, in which language, and to show the title; pages tab in structure
    /// order; /Info and the XMP metadata have the title.
    void catalogueAndMetadata()
    {
        const QByteArray pdf = render(&m_answers, optionsFor(int(PrintProfile::Standard), {"en"}));
        const Tagged t = readTagged(pdf);
        QVERIFY2(t.error.isEmpty(), qPrintable(t.error));
        QVERIFY(t.catalogue.getKey("/MarkInfo").getKey("/Marked").isBool());
        QVERIFY(t.catalogue.getKey("/MarkInfo").getKey("/Marked").getBoolValue());
        QCOMPARE(str(t.catalogue.getKey("/Lang")), QStringLiteral("en-GB"));
        QVERIFY(t.catalogue.getKey("/ViewerPreferences").getKey("/DisplayDocTitle").getBoolValue());
        const QString title = localizedTitle(m_template, QStringLiteral("en"));
        QCOMPARE(str(t.info.getKey("/Title")), title);
        QPDFObjectHandle meta = t.catalogue.getKey("/Metadata");
        QVERIFY(meta.isStream());
        const std::shared_ptr<Buffer> xmp = meta.getStreamData();
        const QString xml =
            QString::fromUtf8(reinterpret_cast<const char *>(xmp->getBuffer()), qsizetype(xmp->getSize()));
        QVERIFY2(xml.contains(QStringLiteral("<dc:title>")) && xml.contains(title), qPrintable(xml));
        for (int p = 0; p < t.pages.size(); ++p) {
            QCOMPARE(t.tabs.at(p), QStringLiteral("/S"));
            QCOMPARE(t.structParents.at(p), p);
        }
        QCOMPARE(t.catalogue.getKey("/StructTreeRoot").getKey("/ParentTreeNextKey").getIntValueAsInt(),
                 int(t.pages.size()));
        std::unique_ptr<Poppler::Document> doc = Poppler::Document::loadFromData(pdf);
        QVERIFY(doc);
        QCOMPARE(doc->title(), title);
    }

    /// Poppler (copy, search, pdftotext) still reads the labels with their spaces.
    void textExtractionKeepsSpaces()
    {
        for (const QStringList &langs : {QStringList{"en"}, QStringList{"en", "cy"}}) {
            const QByteArray pdf = render(nullptr, optionsFor(int(PrintProfile::Standard), langs));
            const QString text = simplified(popplerText(pdf));
            for (const auto &q : expectedQuestions(nullptr, langs, false)) {
                for (const QString &label : q.second)
                    QVERIFY2(text.contains(simplified(label)), qPrintable(label));
            }
            QVERIFY(text.contains(QStringLiteral("Page 1 of")));
        }
    }

    /// qpdf finds nothing wrong and pdfinfo calls each PDF tagged; PDF/A keeps Qt's metadata, with the title.
    void checkingToolsAgree()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        struct Case
        {
            const char *name;
            bool filled;
            int profile;
            QStringList langs;
            bool pdfA;
        };
        const Case cases[] = {{"blank", false, 0, {"en"}, false},          {"filled", true, 0, {"en"}, false},
                              {"large", true, 1, {"en"}, false},           {"easy", true, 2, {"en"}, false},
                              {"bilingual", true, 0, {"en", "cy"}, false}, {"pdfa", true, 0, {"en"}, true}};
        for (const Case &c : cases) {
            RenderOptions options = optionsFor(c.profile, c.langs);
            options.pdfA = c.pdfA;
            const QByteArray pdf = render(c.filled ? &m_answers : nullptr, options);
            const QString path = dir.filePath(QString::fromLatin1(c.name) + QStringLiteral(".pdf"));
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(pdf);
            f.close();
            QString out;
            const int check = runTool(QStringLiteral("qpdf"), {QStringLiteral("--check"), path}, &out);
            QVERIFY2(check != -2, "qpdf is not installed: run scripts/deps.sh");
            QVERIFY2(check == 0 && !out.contains(QStringLiteral("WARNING")), qPrintable(c.name + out));
            const int info = runTool(QStringLiteral("pdfinfo"), {path}, &out);
            QVERIFY2(info != -2, "pdfinfo is not installed: run scripts/deps.sh (it installs poppler-utils)");
            QVERIFY2(info == 0 && out.contains(QRegularExpression(QStringLiteral("Tagged:\\s+yes"))),
                     qPrintable(c.name + out));
            QVERIFY(pdf.startsWith(c.pdfA ? "%PDF-1.4" : "%PDF-1.5")); // marked content with /ActualText: 1.5
            if (c.pdfA) {
                const Tagged t = readTagged(pdf);
                const std::shared_ptr<Buffer> xmp = t.catalogue.getKey("/Metadata").getStreamData();
                const QString xml =
                    QString::fromUtf8(reinterpret_cast<const char *>(xmp->getBuffer()), qsizetype(xmp->getSize()));
                QVERIFY(xml.contains(QStringLiteral("pdfaid:part=\"1\"")));
                QVERIFY(xml.contains(QStringLiteral("<dc:title>")));
                QVERIFY(xml.contains(str(t.info.getKey("/Title"))));
                QVERIFY(!t.catalogue.getKey("/Metadata").getDict().hasKey("/Filter")); // PDF/A-1: not filtered
            }
        }
    }

    /// The What changed PDF is tagged too: its title, a heading for each change, the footer an artifact.
    void whatChangedTagged()
    {
        TemplateDiff d;
        d.templateId = QStringLiteral("chc-review");
        d.title = QStringLiteral("NHS Continuing Healthcare review");
        d.fromVersion = 1;
        d.toVersion = 2;
        for (int i = 0; i < 12; ++i) {
            ItemDiff item;
            item.itemId = QStringLiteral("q-%1").arg(i);
            item.labelAfter = QStringLiteral("What is going well with your care, part %1?").arg(i);
            item.changes = {ItemDiff::Change::Reworded};
            item.details = {QStringLiteral("Label: \u201cOld words\u201d became \u201cWhat is going well with your "
                                           "care?\u201d, which is long enough a line to wrap onto a second line")};
            item.authors = {QStringLiteral("Colin")};
            item.notes = {{DiffNote::Kind::Comment, QStringLiteral("Rita"),
                           QDateTime(QDate(2026, 11, 19), QTime(10, 0)),
                           QStringLiteral("People told us this sounded like a test.")}};
            d.items.append(item);
        }
        QByteArray pdf;
        QString error;
        QVERIFY2(writeWhatChangedPdf(d, {QDate(2026, 11, 26)}, &pdf, &error), qPrintable(error));
        const Tagged t = readTagged(pdf);
        QVERIFY2(t.error.isEmpty(), qPrintable(t.error));
        QVERIFY(t.pages.size() >= 2);
        QCOMPARE(str(t.catalogue.getKey("/Lang")), QStringLiteral("en-GB"));
        QCOMPARE(t.withRole(QStringLiteral("H1")).size(), 1);
        QCOMPARE(t.withRole(QStringLiteral("H1")).first()->text(), QStringLiteral("What changed"));
        const QVector<const Node *> h2 = t.withRole(QStringLiteral("H2"));
        QCOMPARE(h2.size(), 12);
        for (int i = 0; i < 12; ++i)
            QCOMPARE(h2.at(i)->text(), QStringLiteral("What is going well with your care, part %1?").arg(i));
        // A wrapped paragraph is one P, its lines in order.
        bool wrapped = false;
        for (const Node &n : t.nodes)
            wrapped = wrapped
                      || (n.role == QLatin1String("P") && n.texts.size() >= 2
                          && n.text().startsWith(QStringLiteral("Label: \u201cOld words\u201d")));
        QVERIFY(wrapped);
        const QString structText = simplified(t.allText());
        QVERIFY(structText.contains(QStringLiteral("People told us this sounded like a test.")));
        QVERIFY(!structText.contains(QStringLiteral("Page 1 of")));
        QVERIFY(simplified(popplerText(pdf)).contains(QStringLiteral("Page 1 of")));
        for (int p = 0; p < t.pages.size(); ++p)
            QCOMPARE(t.textOutside.at(p), 0);
    }

    /// What cannot be tagged is an error in words naming the document, never a crash.
    void errorsNameTheDocument()
    {
        QByteArray notPdf("this is not a PDF");
        QString error;
        QVERIFY(!runPdfPasses(&notPdf, {}, QStringLiteral("the test file"), &error));
        QVERIFY2(error.startsWith(QStringLiteral("the test file: ")), qPrintable(error));

        const RenderOptions options = optionsFor(int(PrintProfile::Standard), {"en"});
        const Layout layout = layoutForm(m_template, nullptr, options);
        const PrintStyle style(options.profile, options.paper);
        QByteArray pdf;
        QVERIFY(PdfWriter(style).write(layout, &pdf, &error));
        const QVector<PageDrawLog> tooShort(1);
        const TagOptions tags{layout.title, layout.language, false};
        error.clear();
        QVERIFY(!runPdfPasses(&pdf, {[&](QPDF &q, QString *e) { return tagPdf(q, tooShort, tags, e); }},
                              QStringLiteral("the test form"), &error));
        QVERIFY2(error.contains(QStringLiteral("the test form")) && error.contains(QStringLiteral("pages")),
                 qPrintable(error));

        // Content that cannot be read: an unclosed text object.
        QPDF q;
        q.emptyPDF();
        QPDFObjectHandle page = QPDFObjectHandle::parse("<< /Type /Page /MediaBox [0 0 200 200] >>");
        page.replaceKey("/Contents", q.newStream("BT /F1 12 Tf 10 10 Td (x) Tj"));
        page.replaceKey("/Resources", QPDFObjectHandle::newDictionary());
        QPDFPageDocumentHelper(q).addPage(QPDFPageObjectHelper(q.makeIndirectObject(page)), false);
        QVERIFY(!tagPdf(q, QVector<PageDrawLog>(1), tags, &error));
        QVERIFY2(error.startsWith(QStringLiteral("page 1: ")), qPrintable(error));
    }
};

// Rendering needs fonts, so Qt Gui (offscreen; no display).
int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    TestPdfTagFile test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_pdftagfile.moc"
