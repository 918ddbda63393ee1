#pragma once

#include <QByteArray>
#include <QString>

#include <vector>

struct FT_FaceRec_;
struct FT_LibraryRec_;

namespace coform {

/// One print font at one size, measured from the font's own data with FreeType as Qt's font engine measures a font
/// drawn without hinting (QFont::PreferNoHinting, as every print style is): the same advances, bearings and height
/// metrics, in the same units and with the same rounding. It needs no Qt Gui, so text can be laid out without it;
/// tst_fontmeasure checks every glyph of the print fonts against Qt.
///
/// Lengths are in 1/64 of a pixel (Qt's QFixed), pixels being points on a print page. For one thread.
class FontMeasure
{
public:
    /// `font`: a TrueType font (PrintFontFile::data), shared, not copied; `pixelSize`: as QFont::setPixelSize() is
    /// given.
    FontMeasure(const QByteArray &font, int pixelSize);
    ~FontMeasure();
    FontMeasure(const FontMeasure &) = delete;
    FontMeasure &operator=(const FontMeasure &) = delete;

    /// The family the font names itself (its name table, as FreeType reads it).
    QString familyName() const;
    /// Whether FreeType read the font.
    bool isValid() const { return m_face != nullptr; }
    int pixelSize() const { return m_pixelSize; }
    int unitsPerEm() const { return m_unitsPerEm; }
    /// How many glyphs the font has (ids 0 to glyphCount() - 1).
    int glyphCount() const { return int(m_glyphs.size()); }

    /// The glyph's advance, as QRawFont::advancesForGlyphIndexes() gives it (its design advance, not rounded to a
    /// pixel); 0 for a glyph the font does not have.
    qint64 advance(quint32 glyph);
    /// How far the glyph's advance reaches past its ink on the right (negative: the ink reaches past the advance),
    /// as QFontMetricsF::rightBearing() and QTextLayout take it: whole pixels, from the glyph's box rounded outwards.
    qint64 rightBearing(quint32 glyph);
    /// The glyph the font's character map gives `c`; 0 when it has none.
    quint32 glyphFor(char32_t c) const;

    /// As QFontMetricsF gives them.
    qint64 ascent() const { return m_ascent; }
    qint64 descent() const { return m_descent; }
    qint64 leading() const { return m_leading; }
    /// QFontMetricsF::minRightBearing(): the font's smallest right bearing, as a real number of pixels.
    qreal minRightBearing() const { return m_minRightBearing; }

private:
    struct Glyph
    {
        qint64 advance = 0;
        qint64 rightBearing = 0;
        bool loaded = false;
    };
    const Glyph &glyph(quint32 id);
    void readHeightMetrics();

    QByteArray m_font; ///< keeps the data FreeType reads from
    int m_pixelSize = 0;
    int m_unitsPerEm = 0;
    FT_LibraryRec_ *m_library = nullptr;
    FT_FaceRec_ *m_face = nullptr;
    std::vector<Glyph> m_glyphs;
    qint64 m_ascent = 0, m_descent = 0, m_leading = 0;
    qreal m_minRightBearing = 0;
};

} // namespace coform
