#define POINTERHOLDER_TRANSITION 4
#include "pdfreadback.h"

#include "pdf/layout.h"
#include "pdf/pdfobjects.h"
#include "pdf/pdfwriter.h"
#include "pdf/printstyle.h"
#include "pdf/qtglyphruns.h"
#include "pdf/qtprintfonts.h"

#include <qpdf/QPDF.hh>

#include <QGuiApplication>
#include <QRandomGenerator>
#include <QRawFont>
#include <QTextLayout>
#include <QtTest>

#include <zlib.h>

using namespace coform;
using namespace coform::test;

namespace {

/// One line of text as the layout shapes it (pdf/layouttext.cpp), in a box at (x, y).
LayoutBox shapedBox(const QFont &font, const QString &text, qreal x, qreal y)
{
    QTextLayout layout(text, font);
    layout.beginLayout();
    QTextLine line = layout.createLine();
    line.setLineWidth(1e6);
    layout.endLayout();
    LayoutBox b;
    b.role = BoxRole::Label;
    b.kind = BoxKind::Text;
    b.style = TextStyle::Label;
    b.text = text;
    b.rect = QRectF(x, y, line.naturalTextWidth(), line.height());
    b.baseline = line.ascent();
    const QPointF origin(line.x(), line.y() + line.ascent());
    for (const QGlyphRun &run : line.glyphRuns()) {
        b.glyphs.append(fromQt(run));
        for (QPointF &p : b.glyphs.last().positions)
            p -= origin;
    }
    return b;
}

QString infoValue(const QByteArray &pdf, const char *key)
{
    QPDF q;
    q.processMemoryFile("test", pdf.constData(), size_t(pdf.size()));
    QPDFObjectHandle v = q.getTrailer().getKey("/Info").getKey(key);
    return v.isString() ? QString::fromStdString(v.getUTF8Value()) : QString();
}

} // namespace

/// Coform writes the PDF itself (pdf/documentwriter.h): what it writes must read as QPdfWriter's did, glyph for glyph.
class TestPdfDocumentWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    /// Kerned text lands where the layout put each glyph (within 0.05 pt), not where the fonts' advances alone would.
    void glyphsWhereTheLayoutPutThem()
    {
        const PrintStyle style(PrintProfile::Standard, PaperSize::A4);
        QFont font = printFont(style, TextStyle::Label);
        font.setPixelSize(40);
        const QString word = QStringLiteral("AVAVAWAYToTeaWAVY");
        Layout layout;
        layout.pageSize = style.pageSize();
        layout.title = QStringLiteral("Kerning");
        layout.language = QStringLiteral("en");
        layout.pages.append(LayoutPage{{shapedBox(font, word, 60, 100)}});
        const LayoutBox &box = layout.pages.first().boxes.first();
        QCOMPARE(box.glyphs.size(), 1);
        const GlyphRun &run = box.glyphs.first();
        const QList<quint32> ids = run.glyphs;
        const QList<QPointF> positions = run.positions;
        const QList<QPointF> plain = runRawFont(run.font).advancesForGlyphIndexes(ids);
        const qreal start = box.rect.left() + positions.first().x();
        const qreal end = box.rect.left() + positions.last().x() + plain.last().x();
        qreal unkerned = 0;
        for (const QPointF &a : plain)
            unkerned += a.x();
        QVERIFY2(unkerned - (end - start) > 3, "the test's text must be kerned, or it proves nothing");

        QByteArray pdf;
        QString error;
        QVERIFY2(PdfWriter(style).write(layout, &pdf, &error), qPrintable(error));
        QCOMPARE(infoValue(pdf, "/Producer"), QStringLiteral("Coform")); // Coform's writer, not QPdfWriter
        const ReadBack r = readBack(pdf);
        QCOMPARE(r.pages(), 1);
        QCOMPARE(r.words.first().size(), 1);
        const QRectF found = r.words.first().first().second;
        QCOMPARE(r.words.first().first().first, word);
        QVERIFY2(qAbs(found.left() - start) < 0.05,
                 qPrintable(QStringLiteral("starts at %1, not %2").arg(found.left()).arg(start)));
        QVERIFY2(qAbs(found.right() - end) < 0.05,
                 qPrintable(QStringLiteral("ends at %1, not %2").arg(found.right()).arg(end)));
    }

    /// The bundled form: the print fonts embedded as subsets with their characters, spaces between words for text
    /// extraction, and a Welsh line read back as written.
    void fontsAndWords()
    {
        const std::optional<Template> t = readTemplateFile(bundledPath(), nullptr);
        QVERIFY(t);
        RenderOptions options;
        options.languages = {QStringLiteral("en"), QStringLiteral("cy")};
        QByteArray pdf;
        QString error;
        QVERIFY2(renderPdf(*t, nullptr, options, &pdf, &error), qPrintable(error));
        QCOMPARE(infoValue(pdf, "/Producer"), QStringLiteral("Coform"));
        const ReadBack r = readBack(pdf);
        QVERIFY(r.doc);
        const QList<Poppler::FontInfo> fonts = r.doc->fonts();
        QVERIFY(fonts.size() >= 2); // regular and bold; a blank form has no tick
        for (const Poppler::FontInfo &f : fonts) {
            QVERIFY2(f.isEmbedded() && f.isSubset(), qPrintable(f.name()));
            QCOMPARE(f.type(), Poppler::FontInfo::CIDTrueType);
            QVERIFY(f.name().contains(QLatin1String("+Coform")));
        }
        std::unique_ptr<Poppler::Page> first = r.doc->page(0);
        const QString text = first->text(QRectF());
        QVERIFY2(text.contains(QStringLiteral("NHS Continuing Healthcare review")), qPrintable(text.left(200)));
        const QString all = r.all();
        QVERIFY2(all.contains(QStringLiteral("\u0175")) || all.contains(QStringLiteral("\u0177")),
                 "the Welsh text keeps its w and y with circumflex");
    }

    /// A line with a character the print fonts lack (Arabic here) is shaped partly in a fallback font that Coform did
    /// not load: the whole document is then written by QPdfWriter, and the text is all there.
    void otherFontsGoThroughQt()
    {
        const PrintStyle style(PrintProfile::Standard, PaperSize::A4);
        const QString arabic = QStringLiteral("\u0633\u0644\u0627\u0645");
        Layout layout;
        layout.pageSize = style.pageSize();
        layout.title = QStringLiteral("Fallback");
        const LayoutBox plain = shapedBox(printFont(style, TextStyle::Label), QStringLiteral("Coform"), 60, 100);
        const LayoutBox mixed =
            shapedBox(printFont(style, TextStyle::Label), QStringLiteral("Name ") + arabic, 60, 200);
        QVERIFY2(mixed.glyphs.size() >= 2, "the Arabic is drawn in a fallback font (Debian package fonts-dejavu-core)");
        layout.pages.append(LayoutPage{{plain, mixed}});
        QByteArray pdf;
        QString error;
        QVERIFY2(PdfWriter(style).write(layout, &pdf, &error), qPrintable(error));
        QVERIFY(infoValue(pdf, "/Producer").startsWith(QLatin1String("Qt")));
        const ReadBack r = readBack(pdf);
        QVERIFY2(r.all().contains(QLatin1String("Coform")) && r.all().contains(QLatin1String("Name")),
                 qPrintable(r.all()));
        QVERIFY2(r.all().contains(arabic.front()) || r.all().contains(arabic.back()), qPrintable(r.all()));

        // Without the Arabic line, the same page is Coform's own.
        layout.pages.first().boxes.removeLast();
        QVERIFY2(PdfWriter(style).write(layout, &pdf, &error), qPrintable(error));
        QCOMPARE(infoValue(pdf, "/Producer"), QStringLiteral("Coform"));
    }

    /// PDF/A-1b: the XMP says what /Info says (creator, producer, dates to the second, title) and names the part;
    /// the output intent's profile is an ICC version 2 profile.
    void pdfAInfoAndMetadataAgree()
    {
        const std::optional<Template> t = readTemplateFile(bundledPath(), nullptr);
        QVERIFY(t);
        RenderOptions options;
        options.pdfA = true;
        QByteArray pdf;
        QString error;
        QVERIFY2(renderPdf(*t, nullptr, options, &pdf, &error), qPrintable(error));
        QVERIFY(pdf.startsWith("%PDF-1.4"));
        QPDF q;
        q.processMemoryFile("pdfa", pdf.constData(), size_t(pdf.size()));
        QPDFObjectHandle root = q.getRoot();
        const std::shared_ptr<Buffer> xmpData = root.getKey("/Metadata").getStreamData(qpdf_dl_generalized);
        const QString xmp =
            QString::fromUtf8(reinterpret_cast<const char *>(xmpData->getBuffer()), qsizetype(xmpData->getSize()));
        QVERIFY(root.getKey("/Metadata").getDict().getKey("/Filter").isNull()); // PDF/A-1: metadata unfiltered
        QVERIFY(xmp.contains(QLatin1String("pdfaid:part=\"1\""))
                && xmp.contains(QLatin1String("pdfaid:conformance=\"B\"")));
        QVERIFY(xmp.contains(QLatin1String("xmp:CreatorTool=\"Coform\"")));
        QVERIFY(xmp.contains(QStringLiteral("pdf:Producer=\"%1\"").arg(infoValue(pdf, "/Producer"))));
        const QString created = infoValue(pdf, "/CreationDate"); // D:yyyyMMddHHmmssZ00'00'
        QVERIFY2(created.startsWith(QLatin1String("D:")) && created.size() >= 16, qPrintable(created));
        const QString iso = QStringLiteral("%1-%2-%3T%4:%5:%6Z")
                                .arg(created.mid(2, 4), created.mid(6, 2), created.mid(8, 2), created.mid(10, 2),
                                     created.mid(12, 2), created.mid(14, 2));
        QVERIFY2(xmp.contains(QStringLiteral("xmp:CreateDate=\"%1\"").arg(iso)), qPrintable(xmp));
        QVERIFY(
            xmp.contains(QStringLiteral("<rdf:li xml:lang=\"x-default\">%1</rdf:li>").arg(infoValue(pdf, "/Title"))));
        QPDFObjectHandle intent = root.getKey("/OutputIntents").getArrayItem(0);
        QVERIFY(intent.getKey("/S").isNameAndEquals("/GTS_PDFA1"));
        const std::shared_ptr<Buffer> icc = intent.getKey("/DestOutputProfile").getStreamData(qpdf_dl_generalized);
        QVERIFY(icc->getSize() > 128);
        QCOMPARE(int(icc->getBuffer()[8]), 2);
    }

    /// Numbers are written exactly to the thousandth, without exponents; stored streams read back as they were.
    void numbersAndStoredStreams()
    {
        const auto num = [](double v) {
            QByteArray out;
            PdfObjects::appendNumber(&out, v);
            return out;
        };
        QCOMPARE(num(0), QByteArray("0"));
        QCOMPARE(num(0.0004), QByteArray("0"));
        QCOMPARE(num(-0.0006), QByteArray("-0.001"));
        QCOMPARE(num(1.5), QByteArray("1.5"));
        QCOMPARE(num(12.3456), QByteArray("12.346"));
        QCOMPARE(num(-841.89), QByteArray("-841.89"));
        QCOMPARE(num(100.05), QByteArray("100.05"));
        QCOMPARE(num(1e7), QByteArray("10000000"));
        QRandomGenerator random(19);
        for (int i = 0; i < 2000; ++i) {
            const double v = (random.generateDouble() - 0.5) * 2e5;
            QVERIFY(qAbs(num(v).toDouble() - v) <= 0.0005 + 1e-9);
            QVERIFY(!num(v).contains('e'));
        }
        for (const qsizetype size : {0, 1, 65535, 65536, 200001}) {
            QByteArray data(size, Qt::Uninitialized);
            for (qsizetype i = 0; i < size; ++i)
                data[i] = char(random.bounded(256));
            const QByteArray stored = storedZlib(data);
            QByteArray back(size + 1, '\0');
            uLongf length = uLongf(back.size());
            QCOMPARE(uncompress(reinterpret_cast<Bytef *>(back.data()), &length,
                                reinterpret_cast<const Bytef *>(stored.constData()), uLong(stored.size())),
                     Z_OK);
            QCOMPARE(qsizetype(length), size);
            back.resize(size);
            QCOMPARE(back, data);
        }
    }
};

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    TestPdfDocumentWriter test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_pdfdocumentwriter.moc"
