#pragma once

#include "pdf/glyphrun.h"
#include "pdf/textfallback.h"
#include "pdf/wordwrap.h"

#include <QFont>
#include <QGlyphRun>
#include <QRawFont>

namespace coform {

/// Between Qt's glyph runs and the layout's (pdf/glyphrun.h): the number of the font Qt drew a run in, and back.

/// The number of `raw`: a print font's (runFontId()) when it is one, else one of its own, the same for the same font.
int runFontId(const QRawFont &raw);
/// The font numbered `id`, as Qt draws it: the very font the number was first given for, or for a print font laid
/// out without Qt, the print font at that size as a print style's QFont gives it.
QRawFont runRawFont(int id);

GlyphRun fromQt(const QGlyphRun &run);
QGlyphRun toQt(const GlyphRun &run);

/// The lines of `text` at `width` as QTextLayout lays them out (QTextOption::WrapAtWordBoundaryOrAnywhere): what
/// WordWrap::wrap() gives, and what the layout uses for the text it refuses.
QList<WrappedLine> textLayoutLines(const QString &text, const QFont &font, qreal width);
/// Whether `wrap`, made for the print font that `font` is drawn in, wraps as QTextLayout does with `font`: on a sample
/// with kerning within words and across spaces, figures, Welsh letters and a line broken after a hyphen. Checked once
/// a font and process (a preview lays out again and again).
bool wordWrapAgreesWithQt(WordWrap &wrap, const QFont &font);
/// Qt's layout of what the print fonts do not shape alone (QTextLayout, in printFont()).
const TextFallback &qtTextFallback();

} // namespace coform
