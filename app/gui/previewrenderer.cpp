#include "previewrenderer.h"

#include <poppler-qt6.h>

namespace coform {

PreviewRenderer::PreviewRenderer() = default;
PreviewRenderer::~PreviewRenderer() = default;

RenderedPdf PreviewRenderer::renderDocument(int generation, const Template &t, const RenderOptions &options)
{
    RenderedPdf result;
    result.generation = generation;
    m_document.reset();
    m_generation = generation;
    QString error;
    if (!renderPdf(t, nullptr, options, &result.pdf, &error)) {
        result.error = error.isEmpty() ? tr("the PDF could not be made") : error;
        return result;
    }
    m_document = Poppler::Document::loadFromData(result.pdf);
    if (!m_document || m_document->isLocked()) {
        m_document.reset();
        result.error = tr("the PDF that was made could not be read back");
        return result;
    }
    m_document->setRenderHint(Poppler::Document::Antialiasing);
    m_document->setRenderHint(Poppler::Document::TextAntialiasing);
    m_document->setRenderHint(Poppler::Document::TextHinting);
    for (int i = 0; i < m_document->numPages(); ++i) {
        const std::unique_ptr<Poppler::Page> page = m_document->page(i);
        result.pageSizes.append(page ? page->pageSizeF() : QSizeF(595, 842));
        result.pageTexts.append(page ? page->text(QRectF()) : QString());
    }
    return result;
}

QImage PreviewRenderer::renderPage(int generation, int page, double dpi)
{
    if (generation != m_generation || !m_document || page < 0 || page >= m_document->numPages())
        return {};
    const std::unique_ptr<Poppler::Page> p = m_document->page(page);
    if (!p)
        return {};
    return p->renderToImage(dpi, dpi);
}

} // namespace coform
