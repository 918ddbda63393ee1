#pragma once

#include "pdf/layout.h"
#include "pdf/renderer.h"

#include <QColor>
#include <QFont>
#include <QFontMetricsF>
#include <QMarginsF>
#include <QRawFont>
#include <QSizeF>
#include <QVector>

#include <array>
#include <optional>

namespace coform {

/// A font Coform loaded for printing, as Qt was given it: for a writer that embeds fonts itself (pdf/documentwriter.h).
struct PrintFontFile
{
    QByteArray data;
    QString family;  ///< as Qt knows it: "Coform Text"
    QByteArray name; ///< PostScript-style, without spaces: "CoformText-Bold"
    QByteArray head; ///< its head table: with the family, tells it from the others (a system font may share it)
    bool bold = false;
};

/// The look of a print profile: fonts and colours of each text style, page size, margins and spacing (points).
/// Fonts are sized in pixels on a 72 dpi page, so one unit is one point on every device.
class PrintStyle
{
public:
    PrintStyle(PrintProfile profile, PaperSize paper);

    PrintProfile profile() const { return m_profile; }
    const QFont &font(TextStyle style) const { return m_fonts[size_t(style)]; }
    const QFontMetricsF &metrics(TextStyle style) const { return *m_metrics[size_t(style)]; }
    /// Which of fontFiles() the style's text is drawn in, or -1 when none is (no print fonts, synthetic bold).
    int fontFile(TextStyle style) const { return m_files[size_t(style)]; }
    /// The style's font size in pixels (points on the page): a whole number.
    int pixelSize(TextStyle style) const { return m_pixelSizes[size_t(style)]; }
    QColor colour(TextStyle style) const;
    /// Distance from one baseline to the next.
    qreal lineHeight(TextStyle style) const { return m_lineHeights[size_t(style)]; }
    /// Where the baseline sits below the top of a line box.
    qreal baseline(TextStyle style) const;

    QSizeF pageSize() const { return m_pageSize; }
    QMarginsF margins() const { return m_margins; }
    qreal bodySize() const { return m_bodySize; }     ///< the profile's minimum text size
    qreal itemGap() const { return m_itemGap; }       ///< space between questions
    qreal sectionGap() const { return m_sectionGap; } ///< space before a section heading
    qreal paragraphGap() const { return m_bodySize * 0.6; }
    qreal tickSize() const { return m_tickSize; }         ///< tick boxes, big enough to mark by hand
    qreal writeInLine() const { return m_writeInLine; }   ///< distance between handwriting lines
    qreal numberColumn() const { return m_numberColumn; } ///< hanging indent for question numbers
    qreal pictureSize() const { return m_pictureSize; }   ///< easy read picture slots; 0 when none
    bool oneQuestionABlock() const { return m_profile == PrintProfile::Easy; }

    /// The font family used for text, loaded once a process: "Coform Text", which is Liberation Sans (or DejaVu Sans
    /// when it is missing) read from the system's file without its hinting (pdf/printfonts.h).
    static QString textFamily();
    /// The TrueType file of the regular text font (embedded whole for form field appearances); empty when the
    /// system's default font is used instead.
    static QString textFontFile();
    /// The font family used for the tick mark.
    static QString symbolFamily();
    /// Whether the text font and its bold both have a glyph for `c`: read from the fonts themselves, without Qt Gui
    /// (and so without the system's font configuration). False for every character when there is no text font.
    static bool textFontsHave(char32_t c);
    /// Why no PDF can be printed in this process, or nothing: Qt's platform plugin may load no fonts at all (the
    /// "minimal" one), and then there is nothing to draw text with.
    static QString fontsProblem();
    /// The fonts behind textFamily() and symbolFamily().
    static const QVector<PrintFontFile> &fontFiles();
    /// Which of fontFiles() Qt draws `raw` from, or -1 when none is (a fallback font, synthetic bold). By the family
    /// and the head table: a fallback font from the system may be the very file a print font was made from (the
    /// tick's font is DejaVu Sans Bold), with the same head table but other characters.
    static int fontFileOf(const QRawFont &raw);

private:
    PrintProfile m_profile;
    QSizeF m_pageSize;
    QMarginsF m_margins;
    qreal m_bodySize = 12;
    qreal m_itemGap = 12;
    qreal m_sectionGap = 24;
    qreal m_tickSize = 14;
    qreal m_writeInLine = 28;
    qreal m_numberColumn = 28;
    qreal m_pictureSize = 0;
    std::array<QFont, 11> m_fonts;
    std::array<std::optional<QFontMetricsF>, 11> m_metrics;
    std::array<qreal, 11> m_lineHeights{};
    std::array<int, 11> m_files{};
    std::array<int, 11> m_pixelSizes{};
};

} // namespace coform
