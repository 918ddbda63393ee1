#pragma once

#include "pdf/printstyle.h"

#include <QFont>
#include <QRawFont>
#include <QString>

namespace coform {

/// The print fonts (PrintStyle::fontFiles()) as Qt draws them: given to Qt's font database once a process, from the
/// same data. For what only Qt lays out or draws (text the print fonts do not shape alone, previews, QPdfWriter).

/// The style's font as a QFont: the print font at the style's pixel size, without hinting, kerning on.
QFont printFont(const PrintStyle &style, TextStyle textStyle);
/// Print font `file` (-1: the system's default font) as a QFont at `pixelSize`.
QFont printFont(int file, int pixelSize, bool bold);
/// Which of PrintStyle::fontFiles() Qt draws `raw` from, or -1 when none is (a fallback font, synthetic bold). By the
/// family and the head table: a fallback font from the system may be the very file a print font was made from (the
/// tick's font is DejaVu Sans Bold), with the same head table but other characters.
int printFontFileOf(const QRawFont &raw);
/// Why Qt cannot draw the print fonts in this process, or nothing: its platform plugin may load no fonts at all (the
/// "minimal" one).
QString qtPrintFontsProblem();

} // namespace coform
