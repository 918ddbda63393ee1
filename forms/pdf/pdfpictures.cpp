#define POINTERHOLDER_TRANSITION 4

#include "pdf/pdfpictures.h"

#include "pdf/picturecache.h"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <QBuffer>
#include <QHash>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>

namespace coform {

namespace {

constexpr double kSide = 100; ///< the side of a picture's own page, in points

QByteArray number(double v)
{
    return QByteArray::number(v, 'f', 3);
}

QPDFObjectHandle numbers(std::initializer_list<double> values)
{
    std::vector<QPDFObjectHandle> items;
    for (const double v : values)
        items.push_back(QPDFObjectHandle::newReal(v, 6));
    return QPDFObjectHandle::newArray(items);
}

/// Pictures drawn together, one a page, and the parsed PDF they are read from (bytes first: libqpdf reads them for
/// as long as the parsed PDF lives).
struct Batch
{
    QByteArray bytes;
    QPDF pdf;
};

/// A picture's page as a Form XObject scaled to the unit square; a null form when it could not be drawn.
struct Source
{
    std::shared_ptr<Batch> batch;
    QPDFObjectHandle form;
};

/// The pictures drawn so far on this thread (libqpdf objects are not shared between threads). They are kept while
/// the thread lives: a PDF that copied a picture reads it from here when it is written.
QHash<QString, Source> &drawnOnThisThread()
{
    thread_local QHash<QString, Source> drawn;
    return drawn;
}

/// Draws the pictures of `keys` that this thread has not drawn yet, all in one PDF (one page each), and makes each
/// page a Form XObject of its content as the writer compressed it: nothing is decoded or compressed again.
void drawMissing(const QStringList &keys, const QMap<QString, Picture> &pictures)
{
    QHash<QString, Source> &drawn = drawnOnThisThread();
    QStringList missing;
    for (const QString &key : keys) {
        if (!drawn.contains(key) && !missing.contains(key))
            missing.append(key);
    }
    if (missing.isEmpty())
        return;
    auto batch = std::make_shared<Batch>();
    QVector<bool> ok;
    {
        QBuffer buffer(&batch->bytes);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter writer(&buffer);
        writer.setResolution(72);
        writer.setCreator(QStringLiteral("Coform"));
        writer.setPageLayout(QPageLayout(QPageSize(QSizeF(kSide, kSide), QPageSize::Point), QPageLayout::Portrait,
                                         QMarginsF(0, 0, 0, 0)));
        QPainter painter;
        if (!painter.begin(&writer))
            return;
        painter.setRenderHint(QPainter::Antialiasing, true);
        PictureCache cache;
        for (qsizetype i = 0; i < missing.size(); ++i) {
            if (i > 0)
                writer.newPage();
            ok.append(cache.draw(painter, QRectF(0, 0, kSide, kSide), missing.at(i), pictures.value(missing.at(i))));
        }
        painter.end();
    }
    batch->pdf.setSuppressWarnings(true);
    batch->pdf.processMemoryFile("pictures", batch->bytes.constData(), size_t(batch->bytes.size()));
    std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(batch->pdf).getAllPages();
    for (qsizetype i = 0; i < missing.size(); ++i) {
        Source source;
        source.batch = batch;
        QPDFObjectHandle page = size_t(i) < pages.size() ? pages[size_t(i)].getObjectHandle() : QPDFObjectHandle();
        QPDFObjectHandle contents = page.isInitialized() ? page.getKey("/Contents") : QPDFObjectHandle();
        if (contents.isArray() && contents.getArrayNItems() == 1)
            contents = contents.getArrayItem(0);
        if (ok.value(i) && contents.isStream()) {
            source.form = batch->pdf.newStream();
            source.form.replaceStreamData(contents.getRawStreamData(), contents.getDict().getKey("/Filter"),
                                          contents.getDict().getKey("/DecodeParms"));
            QPDFObjectHandle dict = source.form.getDict();
            dict.replaceKey("/Type", QPDFObjectHandle::newName("/XObject"));
            dict.replaceKey("/Subtype", QPDFObjectHandle::newName("/Form"));
            dict.replaceKey("/BBox", numbers({0, 0, kSide, kSide}));
            dict.replaceKey("/Resources", page.getKey("/Resources"));
            // The picture's square becomes the unit square, which the page's matrix sizes and places.
            dict.replaceKey("/Matrix", numbers({1 / kSide, 0, 0, 1 / kSide, 0, 0}));
        }
        drawn.insert(missing.at(i), source);
    }
}

} // namespace

PicturePlacer::PicturePlacer(const QMap<QString, Picture> &pictures)
    : m_pictures(pictures)
{}

PicturePlacer::~PicturePlacer() = default;

bool PicturePlacer::place(QPDF &pdf, const QVector<PageDrawLog> &drawn, QString *error)
{
    QStringList used;
    for (const PageDrawLog &page : drawn) {
        for (const DrawnBox &b : page) {
            if (b.kind == BoxKind::Picture && m_pictures.contains(b.picture))
                used.append(b.picture);
        }
    }
    drawMissing(used, m_pictures);
    const QHash<QString, Source> &sources = drawnOnThisThread();

    std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(pdf).getAllPages();
    QHash<QString, QByteArray> names; // picture key -> its XObject's name in this PDF
    QHash<QString, QPDFObjectHandle> forms;
    for (size_t p = 0; p < pages.size() && p < size_t(drawn.size()); ++p) {
        QByteArray content;
        QPDFObjectHandle page = pages[p].getObjectHandle();
        const double top = page.getKey("/MediaBox").getArrayItem(3).getNumericValue();
        for (const DrawnBox &b : drawn.at(qsizetype(p))) {
            if (b.kind != BoxKind::Picture || !m_pictures.contains(b.picture))
                continue;
            if (!forms.contains(b.picture)) {
                Source source = sources.value(b.picture);
                if (!source.form.isInitialized()) {
                    forms.insert(b.picture, QPDFObjectHandle::newNull());
                } else {
                    m_sources.push_back(source.batch);
                    forms.insert(b.picture, pdf.copyForeignObject(source.form));
                    names.insert(b.picture, "/CoformPicture" + QByteArray::number(names.size() + 1));
                }
            }
            QPDFObjectHandle form = forms.value(b.picture); // libqpdf's handles are not const-correct
            if (form.isNull())
                continue; // left as an empty box: the picture could not be drawn
            QPDFObjectHandle resources = page.getKey("/Resources");
            if (!resources.isDictionary()) {
                resources = QPDFObjectHandle::newDictionary();
                page.replaceKey("/Resources", resources);
            }
            QPDFObjectHandle xobjects = resources.getKey("/XObject");
            if (!xobjects.isDictionary()) {
                xobjects = QPDFObjectHandle::newDictionary();
                resources.replaceKey("/XObject", xobjects);
            }
            const QByteArray name = names.value(b.picture);
            if (!xobjects.hasKey(name.toStdString()))
                xobjects.replaceKey(name.toStdString(), form);
            content += "q " + number(b.rect.width()) + " 0 0 " + number(b.rect.height()) + ' ' + number(b.rect.left())
                       + ' ' + number(top - b.rect.bottom()) + " cm " + name + " Do Q\n";
        }
        if (!content.isEmpty()) {
            // The writer's content leaves its own matrix (y downwards) in place: it is wrapped in q ... Q so that the
            // pictures are placed in the page's own coordinates.
            pages[p].addPageContents(pdf.newStream("q\n"), true);
            pages[p].addPageContents(pdf.newStream("Q\n" + content.toStdString()), false);
        }
    }
    Q_UNUSED(error);
    return true;
}

} // namespace coform
