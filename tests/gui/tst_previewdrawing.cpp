// The preview draws the pages on screen straight from the layout the PDF is written from (PagePainter), so an edit
// shows within a moment, before the whole PDF is made again. These tests hold that drawing to the real PDF read back
// with Poppler, and follow an edit of the bundled template from the push to the page on screen and the new PDF.
#include "document/templatedocument.h"
#include "edit/edit.h"
#include "format/templateformat.h"
#include "preview/pdfpreview.h"
#include "preview/previewpage.h"
#include "preview/previewrenderer.h"

#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QUndoStack>
#include <QtTest>

#include <poppler-qt6.h>

#include <memory>

using namespace coform;

namespace {
const QString kBundled = QStringLiteral(":/coform/templates/chc-review.json");

Template bundled()
{
    Problems problems;
    const std::optional<Template> t = readTemplateFile(kBundled, &problems);
    if (!t)
        qFatal("the bundled template does not read");
    return *t;
}

/// The picture made 1/8 the size, in grey: small shifts of anti-aliasing do not count, words and lines do.
QImage coarse(const QImage &image, QSize size)
{
    return image.convertToFormat(QImage::Format_Grayscale8)
        .scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
}

/// The mean difference of two grey pictures of the same size, 0 (same) to 255.
double meanDifference(const QImage &a, const QImage &b)
{
    double sum = 0;
    for (int y = 0; y < a.height(); ++y) {
        const uchar *ra = a.constScanLine(y);
        const uchar *rb = b.constScanLine(y);
        for (int x = 0; x < a.width(); ++x)
            sum += std::abs(int(ra[x]) - int(rb[x]));
    }
    return sum / (double(a.width()) * a.height());
}

/// How much of a grey picture is ink (darker than mid-grey), 0 to 1.
double ink(const QImage &grey)
{
    qint64 dark = 0;
    for (int y = 0; y < grey.height(); ++y) {
        const uchar *row = grey.constScanLine(y);
        for (int x = 0; x < grey.width(); ++x)
            dark += row[x] < 128 ? 1 : 0;
    }
    return double(dark) / (double(grey.width()) * grey.height());
}
} // namespace

class TestPreviewDrawing : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void drawnPagesLookLikeThePdf();
    void anEditShowsOnScreenBeforeThePdfIsMade();
};

void TestPreviewDrawing::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
}

void TestPreviewDrawing::drawnPagesLookLikeThePdf()
{
    const Template t = bundled();
    PreviewRenderer renderer;
    const RenderOptions options;
    const DrawnPages drawn = renderer.drawPages(1, t, options, {{0, 100}, {3, 100}});
    QCOMPARE(drawn.revision, 1);
    QVERIFY(drawn.pageSizes.size() > 4);
    QCOMPARE(drawn.drawn.size(), 2);
    const RenderedPdf pdf = renderer.renderDocument(2, t, options);
    QVERIFY2(pdf.error.isEmpty(), qPrintable(pdf.error));
    QCOMPARE(pdf.pageSizes, drawn.pageSizes);
    QCOMPARE(pdf.pageTexts.size(), drawn.pageSizes.size());

    const std::unique_ptr<Poppler::Document> document = Poppler::Document::loadFromData(pdf.pdf);
    QVERIFY(document);
    QCOMPARE(document->numPages(), int(drawn.pageSizes.size()));
    document->setRenderHint(Poppler::Document::Antialiasing);
    document->setRenderHint(Poppler::Document::TextAntialiasing);
    for (int i = 0; i < drawn.drawn.size(); ++i) {
        const int page = drawn.drawn.at(i).page;
        const QImage fromPdf = document->page(page)->renderToImage(100, 100);
        const QImage &onScreen = drawn.images.at(i);
        QVERIFY(std::abs(fromPdf.width() - onScreen.width()) <= 1);
        QVERIFY(std::abs(fromPdf.height() - onScreen.height()) <= 1);
        const QSize small(fromPdf.width() / 8, fromPdf.height() / 8);
        const QImage a = coarse(fromPdf, small);
        const QImage b = coarse(onScreen, small);
        const double difference = meanDifference(a, b);
        qInfo("page %d: mean difference %.2f of 255, ink %.3f (PDF) and %.3f (drawn)", page + 1, difference, ink(a),
              ink(b));
        QVERIFY2(difference < 6, qPrintable(QString::number(difference)));
        QVERIFY(ink(b) > 0.002); // words are drawn, not a blank page
    }
    // Pages asked for later come from the same layout.
    int revision = 0;
    const QImage again = renderer.renderPage(0, 100, &revision);
    QCOMPARE(revision, 2);
    QCOMPARE(again, drawn.images.at(0));
    QVERIFY(renderer.renderPage(drawn.pageSizes.size(), 100, &revision).isNull());
}

void TestPreviewDrawing::anEditShowsOnScreenBeforeThePdfIsMade()
{
    Template t = bundled();
    TemplateDocument document;
    PdfPreview preview(&document);
    preview.resize(800, 1000);
    preview.show();
    QVERIFY(QTest::qWaitForWindowExposed(&preview));
    QSignalSpy rendered(&preview, &PdfPreview::rendered);
    QSignalSpy shown(&preview, &PdfPreview::pageImageShown);
    document.open(t, TemplateDocument::Origin::Bundled, kBundled);
    QTRY_VERIFY_WITH_TIMEOUT(rendered.count() == 1, 30000);
    auto *first = preview.findChild<PreviewPage *>(QStringLiteral("previewPage1"));
    QVERIFY(first);
    QTRY_VERIFY_WITH_TIMEOUT(first->hasImage(), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(shown.contains(QVariantList{0}), 30000);
    const QByteArray pdfBefore = preview.pdf();
    QVERIFY(preview.pageText(0).contains(t.title));

    // The title on page 1 changes: page 1 shows it first; the PDF follows when the edits pause.
    const QString title = QStringLiteral("A quite different title for the review");
    shown.clear();
    rendered.clear();
    QVERIFY(document.push(Edit::setTemplateProperty(document.content(), QStringLiteral("title"), title)));
    QTRY_VERIFY_WITH_TIMEOUT(shown.contains(QVariantList{0}), 30000);
    QCOMPARE(rendered.count(), 0); // the page came before the PDF
    QCOMPARE(preview.pdf(), pdfBefore);
    QTRY_VERIFY_WITH_TIMEOUT(rendered.count() == 1, 30000);
    QVERIFY(preview.pdf() != pdfBefore);
    QVERIFY(preview.pageText(0).contains(title));
    QCOMPARE(first->accessibleDescription(), preview.pageText(0));

    // Pages further on, scrolled to after the edit, are drawn from the new layout.
    auto *scroll = preview.findChild<QScrollArea *>(QStringLiteral("previewScroll"));
    auto *fifth = preview.findChild<PreviewPage *>(QStringLiteral("previewPage5"));
    QVERIFY(scroll && fifth);
    shown.clear();
    scroll->verticalScrollBar()->setValue(fifth->y());
    QTRY_VERIFY_WITH_TIMEOUT(shown.contains(QVariantList{4}), 30000);
    QVERIFY(fifth->hasImage());

    // Undo: the pages on screen are drawn again, and the PDF has the old title.
    shown.clear();
    rendered.clear();
    document.undoStack()->undo();
    QTRY_VERIFY_WITH_TIMEOUT(shown.contains(QVariantList{4}), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(rendered.count() == 1, 30000);
    QVERIFY(!preview.pageText(0).contains(title));
    QVERIFY(preview.pageText(0).contains(t.title));
}

QTEST_MAIN(TestPreviewDrawing)
#include "tst_previewdrawing.moc"
