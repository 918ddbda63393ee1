#include "pdf/pdfwriter.h"

#include "pdf/documentwriter.h"
#include "pdf/pagepainter.h"

#include <QBuffer>
#include <QColorSpace>
#include <QFile>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QScopeGuard>

#include <zlib.h>

namespace {
/// Set while a PdfWriter with stored streams writes (on the thread that writes).
thread_local bool storeStreams = false;
} // namespace

/// Qt's PDF engine compresses every page and font with zlib at its default level (deflateInit()), and has no setting
/// for it. The tagging pass (pdf/pdftagger.h) then inflates each page again and writes it compressed anew, so the
/// first compression is work thrown away: about a sixth of a render's processor time. Coform's processes define
/// deflateInit() (the program's definition comes before zlib's for every library in it) so that "the default level"
/// means zlib's fastest; and, while a PdfWriter that stores its streams writes, no compression at all (the streams
/// are still Flate streams, of stored blocks, which compressStoredStreams() compresses at the end, once). A caller
/// that asks a level of its own gets it.
extern "C" int deflateInit_(z_streamp stream, int level, const char *version, int streamSize)
{
    constexpr int defaultMemLevel = 8; // zlib's own default (deflateInit() is deflateInit2() with these)
    if (level == Z_DEFAULT_COMPRESSION)
        level = coform::defaultDeflateLevel();
    return deflateInit2_(stream, level, Z_DEFLATED, MAX_WBITS, defaultMemLevel, Z_DEFAULT_STRATEGY, version,
                         streamSize);
}

namespace coform {

int defaultDeflateLevel()
{
    return storeStreams ? Z_NO_COMPRESSION : Z_BEST_SPEED;
}

QByteArray qtSrgbProfile()
{
    QFile file(QStringLiteral(":/qpdf/sRGB2014.icc"));
    if (file.open(QIODevice::ReadOnly))
        return file.readAll();
    return QColorSpace(QColorSpace::SRgb).iccProfile();
}

PdfWriter::PdfWriter(const PrintStyle &style)
    : m_style(style)
{}

bool PdfWriter::write(const Layout &layout, QByteArray *pdf, QString *error) const
{
    if (m_log)
        *m_log = drawLog(layout);
    // Coform's own writer, unless a line is drawn in a font it did not load; then QPdfWriter.
    m_tagged = false;
    DocumentWriter direct(m_style);
    direct.setPdfA(m_pdfA);
    if (m_pdfA)
        direct.setSrgbProfile(qtSrgbProfile());
    direct.setStoreStreams(m_storeStreams);
    const bool tags = m_tags && m_log && layout.pictures.isEmpty();
    if (tags)
        direct.setTags(m_log, m_tags);
    if (direct.write(layout, pdf)) {
        m_tagged = tags;
        return true;
    }
    pdf->clear();
    const bool storedBefore = storeStreams;
    storeStreams = m_storeStreams;
    const auto restore = qScopeGuard([storedBefore] { storeStreams = storedBefore; });
    QBuffer buffer(pdf);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setResolution(72);
    writer.setTitle(layout.title);
    writer.setCreator(QStringLiteral("Coform"));
    if (m_pdfA)
        writer.setPdfVersion(QPagedPaintDevice::PdfVersion_A1b);
    const QSizeF size = layout.pageSize;
    const QPageSize pageSize =
        qAbs(size.width() - 595.276) < 1 && qAbs(size.height() - 841.89) < 1
            ? QPageSize(QPageSize::A4)
            : (qAbs(size.width() - 612) < 1 && qAbs(size.height() - 792) < 1 ? QPageSize(QPageSize::Letter)
                                                                             : QPageSize(size, QPageSize::Point));
    writer.setPageLayout(QPageLayout(pageSize, QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));

    QPainter painter;
    if (!painter.begin(&writer)) {
        if (error)
            *error = QStringLiteral("cannot start writing the PDF");
        return false;
    }
    const PagePainter pagePainter(m_style);
    for (int p = 0; p < layout.pages.size(); ++p) {
        if (p > 0)
            writer.newPage();
        pagePainter.paint(painter, layout.pages.at(p)); // pictures are placed by PicturePlacer
    }
    if (!painter.end()) {
        if (error)
            *error = QStringLiteral("cannot finish writing the PDF");
        return false;
    }
    buffer.close();
    return true;
}

} // namespace coform
