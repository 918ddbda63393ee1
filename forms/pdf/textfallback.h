#pragma once

#include "pdf/printstyle.h"
#include "pdf/wordwrap.h"

namespace coform {

/// What only Qt lays out: text the print fonts do not shape alone as words (other scripts, right to left, soft
/// hyphens, a word wider than its line; see WordWrap). A process with Qt Gui gives a layout Qt's (qtTextFallback(),
/// pdf/qtglyphruns.h); a layout without one leaves such text out and says so (Layout::needsQt), for its caller to lay
/// the form out again with Qt.
class TextFallback
{
public:
    virtual ~TextFallback() = default;
    /// The lines of `text` at `width` as QTextLayout lays them out in the style's font.
    virtual QList<WrappedLine> lines(const QString &text, const PrintStyle &style, TextStyle textStyle,
                                     qreal width) const = 0;
    /// The width of `text` on one line, as QFontMetricsF::horizontalAdvance() gives it.
    virtual qreal advance(const QString &text, const PrintStyle &style, TextStyle textStyle) const = 0;
    /// Whether `wrap` wraps as QTextLayout does in the style's font (checked once a font and process).
    virtual bool agrees(WordWrap &wrap, const PrintStyle &style, TextStyle textStyle) const = 0;
};

} // namespace coform
