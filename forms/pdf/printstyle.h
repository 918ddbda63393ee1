#pragma once

#include "pdf/layout.h"
#include "pdf/renderer.h"

#include <QMarginsF>
#include <QSizeF>
#include <QVector>

#include <array>
#include <optional>

namespace coform {

/// A font Coform prints with, made from a system font file (without its hinting): what a layout measures and shapes
/// with (pdf/fontmeasure.h, pdf/wordwrap.h) and a writer embeds (pdf/documentwriter.h).
struct PrintFontFile
{
    QByteArray data;
    QString family;  ///< as the font names itself: "Coform Text"
    QByteArray name; ///< PostScript-style, without spaces: "CoformText-Bold"
    QByteArray head; ///< its head table: with the family, tells it from the others (a system font may share it)
    bool bold = false;
    QString path; ///< the system file it was made from
};

/// The look of a print profile: fonts and colours of each text style, page size, margins and spacing (points).
/// Fonts are sized in pixels on a 72 dpi page, so one unit is one point on every device. It needs no Qt Gui: each
/// style's font is one of fontFiles() at a whole pixel size, measured as Qt measures it (pdf/fontmeasure.h); the same
/// font as a QFont is printFont() (pdf/qtprintfonts.h).
class PrintStyle
{
public:
    PrintStyle(PrintProfile profile, PaperSize paper);

    PrintProfile profile() const { return m_profile; }
    /// Which of fontFiles() the style's text is drawn in; -1 when the fonts are missing (fontsProblem()).
    int fontFile(TextStyle style) const { return m_files[size_t(style)]; }
    /// The style's font size in pixels (points on the page): a whole number.
    int pixelSize(TextStyle style) const { return m_pixelSizes[size_t(style)]; }
    bool bold(TextStyle style) const { return m_bold[size_t(style)]; }
    /// The colour of the style's text, a grey level from 0 (black) to 255 (white).
    int grey(TextStyle style) const;
    /// As QFontMetricsF gives them for the style's font.
    qreal ascent(TextStyle style) const { return m_ascents[size_t(style)]; }
    qreal descent(TextStyle style) const { return m_descents[size_t(style)]; }
    /// The width of `text` on one line, as QFontMetricsF::horizontalAdvance() gives it, for text the print fonts
    /// shape alone (WordWrap::plainText()); nothing for other text.
    std::optional<qreal> advance(const QString &text, TextStyle style) const;
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

    /// The TrueType file of the regular text font (embedded whole for form field appearances); empty when there is
    /// none.
    static QString textFontFile();
    /// Whether the text font and its bold both have a glyph for `c`: read from the fonts themselves, without Qt Gui
    /// (and so without the system's font configuration). False for every character when there is no text font.
    static bool textFontsHave(char32_t c);
    /// Why no PDF can be printed, or nothing: the system lacks the fonts Coform prints with (and it prints with no
    /// others, so that a PDF never depends on what else is installed).
    static QString fontsProblem();
    /// The fonts Coform prints with, loaded once a process: the text font "Coform Text" (Liberation Sans, or DejaVu
    /// Sans when it is missing, read from the system's file without its hinting; pdf/printfonts.h), its bold, and the
    /// tick mark "Coform Tick" (the one character of DejaVu Sans Bold). Indexes are fixed: 0 text, 1 bold, 2 tick;
    /// a font the system lacks is there empty.
    static const QVector<PrintFontFile> &fontFiles();

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
    std::array<qreal, 11> m_lineHeights{};
    std::array<int, 11> m_files{};
    std::array<int, 11> m_pixelSizes{};
    std::array<bool, 11> m_bold{};
    std::array<qreal, 11> m_ascents{};
    std::array<qreal, 11> m_descents{};
};

} // namespace coform
