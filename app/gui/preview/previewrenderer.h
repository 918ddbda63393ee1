#pragma once

#include "model/template.h"
#include "pdf/layout.h"
#include "pdf/renderer.h"

#include <QImage>
#include <QObject>
#include <QSizeF>
#include <QStringList>
#include <QVector>

#include <memory>
#include <optional>

namespace Poppler {
class Document;
}

namespace coform {

class PagePainter;
class PrintStyle;

/// What the preview learns about a rendered PDF.
struct RenderedPdf
{
    int revision = 0; ///< PdfPreview's count of changes when it asked
    QByteArray pdf;
    QVector<QSizeF> pageSizes; ///< in points
    QStringList pageTexts;     ///< the extractable text of each page (Poppler::Page::text), for screen readers
    QString error;             ///< in words; empty when the PDF was made
};

/// A page to draw and how sharp.
struct PageRequest
{
    int page = 0;
    double dpi = 72;
};

/// The first pictures after a change: the pages' sizes and the pages asked for, drawn straight from the layout.
struct DrawnPages
{
    int revision = 0;
    QVector<QSizeF> pageSizes; ///< in points
    QVector<PageRequest> drawn;
    QVector<QImage> images; ///< one for each of `drawn`
};

/// Works in its own thread (PdfPreview moves it there). It lays the form out (layoutForm()) and draws pages from
/// that layout with the PagePainter the PDF writer uses, so a page on screen can be shown again soon after a change
/// without waiting for the whole PDF; the PDF itself (for saving) is written from the same layout, and Poppler reads
/// it back for the text of each page (what a screen reader says). Its functions are called through queued
/// invocations, and it answers through queued invocations on the preview, so the window never waits for it.
class PreviewRenderer : public QObject
{
    Q_OBJECT

public:
    PreviewRenderer();
    ~PreviewRenderer() override;

    /// Lays the form out (the pages drawn next are of this layout, `revision`) and draws the pages asked for.
    DrawnPages drawPages(int revision, const Template &t, const RenderOptions &options,
                         const QVector<PageRequest> &pages);
    /// Makes the PDF (from the layout already made for the same template and options, when there is one) and reads
    /// it back; the pages drawn next are of its layout, `revision`.
    RenderedPdf renderDocument(int revision, const Template &t, const RenderOptions &options);
    /// A picture of one page of the newest layout, whose revision is put in `revision`; a null image when there is
    /// no such page.
    QImage renderPage(int page, double dpi, int *revision);

private:
    /// Makes the layout for `t` and `options` unless the one kept is for the same; it is now `revision`'s.
    void layOut(int revision, const Template &t, const RenderOptions &options);
    QImage draw(int page, double dpi) const;

    std::optional<Template> m_template; ///< what m_layout was made from
    RenderOptions m_options;
    std::unique_ptr<PrintStyle> m_style;
    std::unique_ptr<PagePainter> m_painter;
    Layout m_layout;
    int m_revision = -1;
};

} // namespace coform
