#pragma once

#include "pdf/layout.h"
#include "pdf/picturecache.h"
#include "pdf/printstyle.h"
#include "pdf/renderer.h"

#include <memory>

class QPainter;

namespace coform {

/// Paints laid-out pages with a QPainter: the PDF writer uses it, and so does the on-screen preview (scale the
/// painter to the zoom and paint only the pages in view). One unit of the painter is one point.
class PagePainter
{
public:
    /// Paints with the fonts of an existing print style.
    explicit PagePainter(const PrintStyle &style);
    /// Paints with the fonts of the print profile and paper in `options` (as layoutForm() laid the pages out).
    explicit PagePainter(const RenderOptions &options);
    ~PagePainter();
    PagePainter(const PagePainter &) = delete;
    PagePainter &operator=(const PagePainter &) = delete;

    /// Paints one page (white background not included) in drawing order. Pictures are drawn from `pictures` (the
    /// layout's), each parsed once for the life of this painter; without them (the PDF writer) a picture's box is left
    /// empty for PicturePlacer.
    void paint(QPainter &painter, const LayoutPage &page, const QMap<QString, Picture> *pictures = nullptr) const;

private:
    std::unique_ptr<PictureCache> m_pictures;
    std::unique_ptr<PrintStyle> m_ownStyle;
    const PrintStyle *m_style;
};

} // namespace coform
