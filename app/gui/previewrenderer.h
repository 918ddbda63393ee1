#pragma once

#include "model/template.h"
#include "pdf/renderer.h"

#include <QImage>
#include <QObject>
#include <QSizeF>
#include <QStringList>
#include <QVector>

#include <memory>

namespace Poppler {
class Document;
}

namespace coform {

/// What the preview learns about a rendered PDF.
struct RenderedPdf
{
    int generation = 0;
    QByteArray pdf;
    QVector<QSizeF> pageSizes; ///< in points
    QStringList pageTexts;     ///< the extractable text of each page (Poppler::Page::text), for screen readers
    QString error;             ///< in words; empty when the PDF was made
};

/// Works in its own thread (PdfPreview moves it there): makes the PDF with renderPdf(), loads it with Poppler and
/// renders pages as pictures on request. Its functions are called through queued invocations, and it answers
/// through queued invocations on the preview, so the window never waits for it.
class PreviewRenderer : public QObject
{
    Q_OBJECT

public:
    PreviewRenderer();
    ~PreviewRenderer() override;

    /// Makes the PDF and loads it; the pages rendered next belong to it.
    RenderedPdf renderDocument(int generation, const Template &t, const RenderOptions &options);
    /// A picture of one page of the document of `generation`; a null image when that document is no longer current.
    QImage renderPage(int generation, int page, double dpi);

private:
    std::unique_ptr<Poppler::Document> m_document;
    int m_generation = -1;
};

} // namespace coform
