#include "pdf/pagepainter.h"

#include "pdf/qtglyphruns.h"
#include "pdf/qtprintfonts.h"

#include <QPainter>

namespace coform {

PagePainter::PagePainter(const PrintStyle &style)
    : m_pictures(std::make_unique<PictureCache>())
    , m_style(&style)
{}

PagePainter::PagePainter(const RenderOptions &options)
    : m_pictures(std::make_unique<PictureCache>())
    , m_ownStyle(std::make_unique<PrintStyle>(options.profile, options.paper))
    , m_style(m_ownStyle.get())
{}

PagePainter::~PagePainter() = default;

void PagePainter::paint(QPainter &painter, const LayoutPage &page, const QMap<QString, Picture> *pictures) const
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    int currentStyle = -1;
    QPen framePen(Qt::black);
    framePen.setJoinStyle(Qt::MiterJoin);
    const QPen dashed(Qt::black, 1.0, Qt::DashLine);
    for (const LayoutBox &b : page.boxes) {
        switch (b.kind) {
        case BoxKind::Text:
            if (int(b.style) != currentStyle) {
                currentStyle = int(b.style);
                painter.setFont(printFont(*m_style, b.style));
                const int grey = m_style->grey(b.style);
                painter.setPen(QColor(grey, grey, grey));
            }
            if (b.glyphs.isEmpty()) {
                painter.drawText(QPointF(b.rect.left(), b.rect.top() + b.baseline), b.text);
            } else {
                for (const GlyphRun &run : b.glyphs)
                    painter.drawGlyphRun(QPointF(b.rect.left(), b.rect.top() + b.baseline), toQt(run));
            }
            break;
        case BoxKind::Frame:
        case BoxKind::Tick:
            framePen.setWidthF(b.lineWidth);
            painter.setPen(framePen);
            painter.setBrush(Qt::NoBrush);
            painter.drawRect(b.rect);
            currentStyle = -1;
            break;
        case BoxKind::Fill:
            painter.fillRect(b.rect, QColor(b.grey, b.grey, b.grey));
            break;
        case BoxKind::Rule:
            framePen.setWidthF(b.lineWidth);
            painter.setPen(framePen);
            painter.drawLine(QPointF(b.rect.left(), b.rect.bottom()), QPointF(b.rect.right(), b.rect.bottom()));
            currentStyle = -1;
            break;
        case BoxKind::Picture:
            if (!b.picture.isEmpty()) {
                // Without the pictures (the PDF writer), the box is left for PicturePlacer to fill.
                const auto it = pictures ? pictures->constFind(b.picture) : QMap<QString, Picture>::const_iterator();
                if (!pictures)
                    break;
                if (it != pictures->constEnd()) {
                    painter.save();
                    const bool drawn = m_pictures->draw(painter, b.rect, b.picture, *it);
                    painter.restore();
                    if (drawn) {
                        currentStyle = -1;
                        break;
                    }
                }
            }
            painter.setPen(dashed);
            painter.setBrush(Qt::NoBrush);
            painter.drawRect(b.rect);
            currentStyle = -1;
            break;
        }
    }
    painter.restore();
}

} // namespace coform
