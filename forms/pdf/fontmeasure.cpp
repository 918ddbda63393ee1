// Qt's measures of a print font, read with FreeType (see fontmeasure.h). Each rule below is the one Qt's FreeType
// font engine follows for a scalable font drawn without hinting at a whole pixel size.
#include "pdf/fontmeasure.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_TRUETYPE_TABLES_H

#include <cmath>

namespace coform {

namespace {

/// A 26.6 length rounded outwards to whole pixels, as Qt's FLOOR and CEIL do.
FT_Pos floor64(FT_Pos v)
{
    return v & -64;
}
FT_Pos ceil64(FT_Pos v)
{
    return (v + 63) & -64;
}
FT_Pos round64(FT_Pos v)
{
    return (v + 32) & -64;
}

/// A length in 1/64, rounded to the nearest.
qint64 fromReal(double v)
{
    return qint64(qRound(v * 64));
}

} // namespace

FontMeasure::FontMeasure(const QByteArray &font, int pixelSize)
    : m_font(font)
    , m_pixelSize(pixelSize)
{
    if (pixelSize <= 0 || FT_Init_FreeType(&m_library) != 0) {
        m_library = nullptr;
        return;
    }
    FT_Face face = nullptr;
    if (FT_New_Memory_Face(m_library, reinterpret_cast<const FT_Byte *>(m_font.constData()), FT_Long(m_font.size()), 0,
                           &face)
            != 0
        || !FT_IS_SCALABLE(face)) {
        if (face)
            FT_Done_Face(face);
        return;
    }
    // As Qt sizes a font: the pixel size as a character size at 72 dots an inch, the same across and up.
    if (FT_Set_Char_Size(face, FT_F26Dot6(pixelSize) * 64, FT_F26Dot6(pixelSize) * 64, 0, 0) != 0) {
        FT_Done_Face(face);
        return;
    }
    m_face = face;
    m_unitsPerEm = face->units_per_EM;
    m_glyphs.resize(size_t(face->num_glyphs));
    readHeightMetrics();
}

FontMeasure::~FontMeasure()
{
    if (m_face)
        FT_Done_Face(m_face);
    if (m_library)
        FT_Done_FreeType(m_library);
}

void FontMeasure::readHeightMetrics()
{
    // FreeType's scaled metrics first (QFontEngineFT), then the font's own tables where they say more: hhea, and OS/2
    // over it (QFontEngine::initializeHeightMetrics()).
    const FT_Size_Metrics &sm = m_face->size->metrics;
    m_ascent = sm.ascender;
    m_descent = -sm.descender;
    m_leading = sm.height - sm.ascender + sm.descender;
    const double scale = double(m_pixelSize) / m_unitsPerEm;
    if (const auto *hhea = static_cast<const TT_HoriHeader *>(FT_Get_Sfnt_Table(m_face, FT_SFNT_HHEA));
        hhea && !(hhea->Ascender == 0 && hhea->Descender == 0)) {
        m_ascent = fromReal(hhea->Ascender * scale);
        m_descent = -fromReal(hhea->Descender * scale);
        m_leading = fromReal(hhea->Line_Gap * scale);
    }
    if (const auto *os2 = static_cast<const TT_OS2 *>(FT_Get_Sfnt_Table(m_face, FT_SFNT_OS2));
        os2 && os2->version != 0xFFFFU) {
        constexpr FT_UShort useTypoMetrics = 1 << 7;
        if (os2->fsSelection & useTypoMetrics) {
            if (!(os2->sTypoAscender == 0 && os2->sTypoDescender == 0)) {
                m_ascent = fromReal(os2->sTypoAscender * scale);
                m_descent = -fromReal(os2->sTypoDescender * scale);
                m_leading = fromReal(os2->sTypoLineGap * scale);
            }
        } else if (!(os2->usWinAscent == 0 && os2->usWinDescent == 0) && m_descent == 0) {
            m_ascent = fromReal(os2->usWinAscent * scale);
            m_descent = fromReal(os2->usWinDescent * scale);
        }
    }
    // The smallest right bearing: the hhea table's, when it gives one for both sides (QFontEngine::minRightBearing()).
    if (const auto *hhea = static_cast<const TT_HoriHeader *>(FT_Get_Sfnt_Table(m_face, FT_SFNT_HHEA));
        hhea && hhea->min_Left_Side_Bearing < 0 && hhea->min_Right_Side_Bearing < 0)
        m_minRightBearing = hhea->min_Right_Side_Bearing * (qreal(m_pixelSize) / m_unitsPerEm);
}

const FontMeasure::Glyph &FontMeasure::glyph(quint32 id)
{
    static const Glyph none{0, 0, true};
    if (!m_face || id >= m_glyphs.size())
        return none;
    Glyph &g = m_glyphs[id];
    if (g.loaded)
        return g;
    g.loaded = true;
    if (FT_Load_Glyph(m_face, id, FT_LOAD_DEFAULT | FT_LOAD_NO_HINTING | FT_LOAD_NO_BITMAP) != 0)
        return g;
    const FT_GlyphSlot slot = m_face->glyph;
    // The design advance (QFontEngineFT::recalcAdvances() with design metrics).
    g.advance = slot->linearHoriAdvance >> 10;
    // The box rounded outwards to pixels and the advance rounded (QFontEngineFT::loadGlyph() for metrics only).
    const FT_Pos left = floor64(slot->metrics.horiBearingX);
    const FT_Pos right = ceil64(slot->metrics.horiBearingX + slot->metrics.width);
    const FT_Pos advance = round64(slot->advance.x);
    g.rightBearing = advance - left - (right - left);
    return g;
}

qint64 FontMeasure::advance(quint32 id)
{
    return glyph(id).advance;
}

qint64 FontMeasure::rightBearing(quint32 id)
{
    return glyph(id).rightBearing;
}

QString FontMeasure::familyName() const
{
    return m_face && m_face->family_name ? QString::fromUtf8(m_face->family_name) : QString();
}

quint32 FontMeasure::glyphFor(char32_t c) const
{
    return m_face ? FT_Get_Char_Index(m_face, FT_ULong(c)) : 0;
}

} // namespace coform
