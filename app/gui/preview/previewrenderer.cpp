#include "preview/previewrenderer.h"

#include "pdf/pagepainter.h"
#include "pdf/pdfpasses.h"
#include "pdf/pdfwriter.h"
#include "pdf/printstyle.h"

#include <QPainter>

#include <poppler-qt6.h>

#include <cmath>

namespace coform {

namespace {
bool sameOptions(const RenderOptions &a, const RenderOptions &b)
{
    return a.profile == b.profile && a.languages == b.languages && a.paper == b.paper && a.pdfA == b.pdfA
           && a.fillable == b.fillable && a.produced == b.produced;
}
} // namespace

PreviewRenderer::PreviewRenderer() = default;
PreviewRenderer::~PreviewRenderer() = default;

void PreviewRenderer::layOut(int revision, const Template &t, const RenderOptions &options)
{
    m_revision = revision;
    if (m_template && sameOptions(options, m_options) && *m_template == t)
        return;
    if (!m_style || options.profile != m_options.profile || options.paper != m_options.paper) {
        m_painter.reset();
        m_style = std::make_unique<PrintStyle>(options.profile, options.paper);
        m_painter = std::make_unique<PagePainter>(*m_style);
    }
    m_options = options;
    m_template = t;
    m_layout = layoutForm(t, nullptr, options);
}

QImage PreviewRenderer::draw(int page, double dpi) const
{
    if (page < 0 || page >= m_layout.pages.size() || !m_painter)
        return {};
    const double scale = dpi / 72.0;
    const QSize size(int(std::ceil(m_layout.pageSize.width() * scale)),
                     int(std::ceil(m_layout.pageSize.height() * scale)));
    if (size.isEmpty())
        return {};
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    const int dotsPerMeter = qRound(dpi / 0.0254);
    image.setDotsPerMeterX(dotsPerMeter);
    image.setDotsPerMeterY(dotsPerMeter);
    image.fill(Qt::white); // paper
    QPainter painter(&image);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.scale(scale, scale);
    m_painter->paint(painter, m_layout.pages.at(page), &m_layout.pictures);
    return image;
}

DrawnPages PreviewRenderer::drawPages(int revision, const Template &t, const RenderOptions &options,
                                      const QVector<PageRequest> &pages)
{
    layOut(revision, t, options);
    DrawnPages result;
    result.revision = revision;
    result.pageSizes = QVector<QSizeF>(m_layout.pages.size(), m_layout.pageSize);
    for (const PageRequest &request : pages) {
        QImage image = draw(request.page, request.dpi);
        if (image.isNull())
            continue;
        result.drawn.append(request);
        result.images.append(std::move(image));
    }
    return result;
}

RenderedPdf PreviewRenderer::renderDocument(int revision, const Template &t, const RenderOptions &options)
{
    RenderedPdf result;
    result.revision = revision;
    layOut(revision, t, options);
    QString error;
    PdfWriter writer(*m_style);
    writer.setPdfA(options.pdfA);
    QVector<PageDrawLog> drawn;
    writer.setDrawLog(&drawn);
    if (!writer.write(m_layout, &result.pdf, &error)) {
        result.error = error.isEmpty() ? tr("the PDF could not be made") : error;
        return result;
    }
    // The pictures go in after the writer, once each (as renderPdf() puts them).
    if (!m_layout.pictures.isEmpty()
        && !placeDrawnPictures(&result.pdf, m_layout.pictures, drawn, tr("the PDF of the form"), &error)) {
        result.error = error;
        return result;
    }
    const std::unique_ptr<Poppler::Document> document = Poppler::Document::loadFromData(result.pdf);
    if (!document || document->isLocked()) {
        result.error = tr("the PDF that was made could not be read back");
        return result;
    }
    // The sizes of the layout, as drawPages() gives them, so that the pages on screen stay when nothing moved.
    result.pageSizes = QVector<QSizeF>(m_layout.pages.size(), m_layout.pageSize);
    for (int i = 0; i < document->numPages(); ++i) {
        const std::unique_ptr<Poppler::Page> page = document->page(i);
        result.pageTexts.append(page ? page->text(QRectF()) : QString());
    }
    return result;
}

QImage PreviewRenderer::renderPage(int page, double dpi, int *revision)
{
    *revision = m_revision;
    return draw(page, dpi);
}

} // namespace coform
