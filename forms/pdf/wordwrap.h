#pragma once

#include "pdf/fontmeasure.h"
#include "pdf/glyphrun.h"

#include <QHash>
#include <QList>
#include <QString>

#include <vector>

#include <list>
#include <memory>
#include <optional>
#include <unordered_map>

struct hb_buffer_t;
struct hb_face_t;
struct hb_font_t;
struct hb_shape_plan_t;

namespace coform {

/// One line of wrapped text.
struct WrappedLine
{
    QString text;           ///< what the line reads, without the spaces it ends with
    qreal width = 0;        ///< as QTextLine::naturalTextWidth() gives it
    QList<GlyphRun> glyphs; ///< shaped, from the start of the baseline
};

/// HarfBuzz's faces of the print fonts a layout wraps text in, one a font program for all its sizes and styles of
/// text: HarfBuzz keeps what it works out to shape with a font (its shaping plan) with the face. For one thread, and
/// to outlive the WordWraps given it.
class ShapingFaces
{
public:
    ShapingFaces() = default;
    ~ShapingFaces();
    ShapingFaces(const ShapingFaces &) = delete;
    ShapingFaces &operator=(const ShapingFaces &) = delete;
    /// The face of the font program `font` (PrintFontFile::data), which it reads from.
    hb_face_t *face(const QByteArray &font);

private:
    struct Entry
    {
        QByteArray font; ///< kept: the face reads from it
        hb_face_t *face = nullptr;
    };
    std::list<Entry> m_entries;
};

/// Wraps text as QTextLayout does with QTextOption::WrapAtWordBoundaryOrAnywhere (the same lines, glyphs, glyph
/// positions and widths), but shapes each word once, however often it is written: the words of a form and of its
/// answers repeat, and shaping is most of laying out a long review. It takes only text whose words shape alone as
/// they do in a paragraph: one direction, one script (Latin, with digits and punctuation), spaces between words and no
/// control, soft hyphen or no-break space. For other text, and wherever QTextLayout would have to break a word, it
/// answers false and the caller lays the text out with QTextLayout.
///
/// The lines are those of QTextLayout's greedy fill: a word goes on the line when its advance, the spaces before it
/// and, near the edge, the part of its last glyph that reaches past its advance fit the width, counted in 1/64 as
/// QTextLayout counts; a line's width adds the overhang of its last glyph.
///
/// It wraps in a print font at a whole pixel size (as every print style sizes them), measured from the font's own
/// file as Qt measures it (pdf/fontmeasure.h), and shaped with HarfBuzz as Qt shapes: it needs no Qt Gui.
/// tst_wordwrap checks it against QTextLayout for every print style; a process with Qt Gui also checks each font once
/// (pdf/qtglyphruns.h, wordWrapAgreesWithQt()).
class WordWrap
{
public:
    /// `file`: which of PrintStyle::fontFiles(); `faces`: shared with the other WordWraps of a layout (its own when
    /// none).
    WordWrap(int file, int pixelSize, ShapingFaces *faces = nullptr);
    ~WordWrap();
    WordWrap(const WordWrap &) = delete;
    WordWrap &operator=(const WordWrap &) = delete;

    /// Whether the font was read and may be used: when not, wrap() refuses every text.
    bool isUsable() const { return m_hb && m_enabled; }
    /// Refuses every text from now on: the font does not lay out here as Qt lays it out.
    void disable() { m_enabled = false; }
    /// The number of the font in the glyph runs it gives (runFontId()).
    int runFont() const { return m_runFont; }

    /// The lines of `text` at `width` (points), or false when `text` needs QTextLayout (see above).
    bool wrap(const QString &text, qreal width, QList<WrappedLine> *lines);
    /// The advance of `text` on one line (1/64), as QFontMetricsF::horizontalAdvance() gives it; nothing when `text`
    /// needs QTextLayout.
    std::optional<qint64> lineAdvance(const QString &text);
    /// Whether every character of `text` is one whose word shapes alone as in a paragraph (see above).
    static bool plainText(const QString &text);
    /// HarfBuzz's question for a glyph's advance (1/64) on the WordWrap `self`: Qt's, as QRawFont gives it.
    static unsigned advance(void *self, unsigned glyph);

private:
    /// A word or a run of spaces, shaped alone; the kerning across its edges (a space before "A" or "T" draws closer
    /// in most fonts) is added by pairs (kerning()).
    struct Word
    {
        QString text;
        QList<quint32> glyphs;
        QList<QPointF> positions; ///< from the word's start, on the baseline
        qint64 advance = 0;       ///< up to the next character's glyph, 1/64
        bool usable = false;      ///< shaped as one run of one font, left to right, every glyph found
    };
    struct Token
    {
        qsizetype start = 0;
        qsizetype end = 0;
        bool spaces = false;
        const Word *word = nullptr;
        qint64 advance = 0; ///< the word's, with the kerning towards the next token's first character
    };
    /// `text` as words and runs of spaces, shaped, each with the kerning towards the next; false when it needs
    /// QTextLayout.
    bool tokenize(const QString &text, QList<Token> *tokens);
    void shape(const QString &text, bool latin);
    const Word &shaped(QStringView text, bool latin);
    /// The kerning (1/64) of `left` followed by `right`, on the advance of `left`; nothing when more than that
    /// changes across the pair.
    std::optional<qint64> kerning(QChar left, QChar right, bool latin);
    /// How far the word's last glyph reaches past its advance (1/64), as QTextLayout measures it: by the glyph's
    /// right bearing, whatever follows it.
    qint64 overhang(const Word &word);

    void appendLine(const QString &text, const QList<Token> &tokens, qsizetype first, qsizetype last, qint64 width,
                    QList<WrappedLine> *lines) const;

    FontMeasure m_measure; ///< the font's advances, bearings and metrics, as Qt's
    int m_runFont = -1;
    std::unique_ptr<ShapingFaces> m_ownFaces;
    hb_font_t *m_parent = nullptr; ///< HarfBuzz's reading of the font program
    hb_font_t *m_hb = nullptr;     ///< with Qt's advances, as Qt shapes
    hb_buffer_t *m_buffer = nullptr;
    hb_shape_plan_t *m_plans[2] = {}; ///< by script (Common, Latin): what hb_shape() would look up each time
    std::vector<int> m_advances;      ///< by glyph, 1/64; -1: not yet asked
    QHash<quint32, std::optional<qint64>> m_latinPairs, m_commonPairs; ///< kerning() by the two characters
    bool m_enabled = true;
    qint64 m_minimumOverhang = 0; ///< the font's largest overhang, as QTextLayout takes it (1/64)
    struct Hash
    {
        using is_transparent = void;
        size_t operator()(QStringView s) const { return qHash(s); }
    };
    struct Equal
    {
        using is_transparent = void;
        bool operator()(QStringView a, QStringView b) const { return a == b; }
    };
    /// Words by their text, shaped as Latin or as Common (QTextEngine's item script). Nodes stay put, so tokens may
    /// point at them.
    std::unordered_map<QString, Word, Hash, Equal> m_latinWords, m_commonWords;
};

} // namespace coform
