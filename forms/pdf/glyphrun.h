#pragma once

#include <QList>
#include <QPointF>

namespace coform {

/// Glyphs shaped in one font, with their positions from the start of a line's baseline: what a layout keeps of the
/// text it shaped, so that drawing does not shape it again. The font is a number (runFontId()), so that a layout needs
/// no Qt Gui.
struct GlyphRun
{
    int font = -1; ///< runFontId(): a print font at a size, or a font only Qt knows (a fallback font)
    QList<quint32> glyphs;
    QList<QPointF> positions;

    bool operator==(const GlyphRun &) const = default;
};

/// The font a run is drawn in.
struct RunFont
{
    int file = -1;       ///< which of PrintStyle::fontFiles(); -1: a font only Qt knows (pdf/qtglyphruns.h)
    qreal pixelSize = 0; ///< points on a print page
};

/// The number of print font `file` at `pixelSize`: the same for the same font and size in the whole process.
int runFontId(int file, qreal pixelSize);
/// A number for a font that is not a print font: Qt's alone (see pdf/qtglyphruns.h).
int newForeignRunFont(qreal pixelSize);
/// What runFontId() or newForeignRunFont() numbered `id`; {-1, 0} for a number never given.
RunFont runFont(int id);

} // namespace coform
