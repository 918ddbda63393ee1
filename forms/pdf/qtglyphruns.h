#pragma once

#include "pdf/glyphrun.h"

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

} // namespace coform
