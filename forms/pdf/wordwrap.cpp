// Wrapping as QTextLayout does, from words shaped once (see wordwrap.h).
#include "pdf/wordwrap.h"

#include "pdf/printstyle.h"

#include <QTextBoundaryFinder>

#include <hb.h>

#include <climits>

namespace coform {

namespace {

/// A length in the 1/64 units QTextLayout counts in, truncated as it truncates (QFixed::fromReal()).
qint64 toFixed(qreal value)
{
    return qint64(int(value * 64));
}

hb_position_t glyphAdvance(hb_font_t *, void *self, hb_codepoint_t glyph, void *)
{
    return hb_position_t(WordWrap::advance(self, glyph));
}

} // namespace

ShapingFaces::~ShapingFaces()
{
    for (const Entry &e : m_entries)
        hb_face_destroy(e.face);
}

hb_face_t *ShapingFaces::face(const QByteArray &font)
{
    for (const Entry &e : m_entries) {
        if (e.font.constData() == font.constData())
            return e.face;
    }
    m_entries.push_back({font, nullptr});
    Entry &entry = m_entries.back();
    hb_blob_t *blob =
        hb_blob_create(entry.font.constData(), unsigned(entry.font.size()), HB_MEMORY_MODE_READONLY, nullptr, nullptr);
    entry.face = hb_face_create(blob, 0);
    hb_blob_destroy(blob); // the face holds it
    return entry.face;
}

WordWrap::WordWrap(int file, int pixelSize, ShapingFaces *faces)
    : m_measure(file >= 0 && file < PrintStyle::fontFiles().size() ? PrintStyle::fontFiles().at(file).data
                                                                   : QByteArray(),
                pixelSize)
{
    if (!m_measure.isValid())
        return;
    if (!faces) {
        m_ownFaces = std::make_unique<ShapingFaces>();
        faces = m_ownFaces.get();
    }
    m_runFont = runFontId(file, pixelSize);
    m_minimumOverhang = -qMin<qint64>(toFixed(m_measure.minRightBearing()), 0);
    // Shaped as Qt shapes (its HarfBuzz font): the same tables, scale and advances, kerning on, ligatures as the font
    // has them.
    m_parent = hb_font_create(faces->face(PrintStyle::fontFiles().at(file).data));
    const int scale = pixelSize * 64;
    hb_font_set_scale(m_parent, scale, -scale);
    hb_font_set_ppem(m_parent, unsigned(pixelSize), unsigned(pixelSize));
    hb_font_set_ptem(m_parent, float(pixelSize));
    m_hb = hb_font_create_sub_font(m_parent);
    hb_font_funcs_t *funcs = hb_font_funcs_create();
    hb_font_funcs_set_glyph_h_advance_func(funcs, glyphAdvance, nullptr, nullptr);
    hb_font_funcs_make_immutable(funcs);
    hb_font_set_funcs(m_hb, funcs, this, nullptr);
    hb_font_funcs_destroy(funcs);
    m_buffer = hb_buffer_create();
}

WordWrap::~WordWrap()
{
    for (hb_shape_plan_t *plan : m_plans)
        hb_shape_plan_destroy(plan); // nothing for none
    if (m_buffer)
        hb_buffer_destroy(m_buffer);
    if (m_hb)
        hb_font_destroy(m_hb);
    if (m_parent)
        hb_font_destroy(m_parent);
}

unsigned WordWrap::advance(void *self, unsigned glyph)
{
    auto *w = static_cast<WordWrap *>(self);
    if (glyph >= w->m_advances.size())
        w->m_advances.resize(glyph + 1, -1);
    int &a = w->m_advances[glyph];
    if (a < 0)
        a = int(w->m_measure.advance(glyph));
    return unsigned(a);
}

bool WordWrap::plainText(const QString &text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if ((u >= 0x20 && u < 0x7f)                   // ASCII, without controls
            || (u >= 0xa1 && u <= 0x24f && u != 0xad) // Latin-1 and Latin Extended A and B, not the soft hyphen
            || (u >= 0x1e00 && u <= 0x1eff)           // Latin Extended Additional (Welsh ẁ, ẃ, ẅ, ỳ)
            || (u >= 0x2010 && u <= 0x2027)           // dashes, quotation marks, bullets, ellipsis
            || (u >= 0x2030 && u <= 0x205e)           // per mille, primes, guillemets
            || (u >= 0x20a0 && u <= 0x20c0)           // currency signs
            || u == 0x2713)                           // the tick of a chosen option (its own font)
            continue;
        return false;
    }
    return true;
}

void WordWrap::shape(const QString &text, bool latin)
{
    // As QTextEngine shapes an item: left to right, in the item's script, kerning on, no context beyond the text.
    hb_buffer_clear_contents(m_buffer);
    hb_buffer_add_utf16(m_buffer, reinterpret_cast<const uint16_t *>(text.utf16()), int(text.size()), 0,
                        int(text.size()));
    hb_segment_properties_t properties = HB_SEGMENT_PROPERTIES_DEFAULT;
    properties.direction = HB_DIRECTION_LTR;
    properties.script = latin ? HB_SCRIPT_LATIN : HB_SCRIPT_COMMON;
    hb_buffer_set_segment_properties(m_buffer, &properties);
    hb_buffer_guess_segment_properties(m_buffer);
    hb_buffer_set_flags(m_buffer, HB_BUFFER_FLAG_DEFAULT);
    const hb_feature_t kerning = {HB_TAG('k', 'e', 'r', 'n'), 1, 0, unsigned(-1)};
    // hb_shape() with the plan it would find in the face's cache each time (the same properties and features, a font
    // without variations): the plan is made once.
    hb_shape_plan_t *&plan = m_plans[latin ? 1 : 0];
    if (!plan) {
        hb_buffer_get_segment_properties(m_buffer, &properties);
        plan = hb_shape_plan_create_cached(hb_font_get_face(m_hb), &properties, &kerning, 1, nullptr);
    }
    hb_shape_plan_execute(plan, m_hb, m_buffer, &kerning, 1);
}

const WordWrap::Word &WordWrap::shaped(QStringView text, bool latin)
{
    auto &words = latin ? m_latinWords : m_commonWords;
    const auto found = words.find(text);
    if (found != words.end())
        return found->second;
    Word &word = words[text.toString()];
    word.text = text.toString();
    shape(word.text, latin);
    unsigned count = 0;
    const hb_glyph_info_t *infos = hb_buffer_get_glyph_infos(m_buffer, &count);
    const hb_glyph_position_t *positions = hb_buffer_get_glyph_positions(m_buffer, nullptr);
    bool usable = count > 0;
    qint64 pen = 0;
    for (unsigned i = 0; i < count && usable; ++i) {
        usable = infos[i].codepoint != 0; // a character the font lacks: Qt draws it from another font
        word.glyphs.append(infos[i].codepoint);
        word.positions.append(QPointF((pen + positions[i].x_offset) / 64.0, positions[i].y_offset / 64.0));
        pen += positions[i].x_advance;
    }
    word.advance = pen;
    word.usable = usable;
    return word;
}

std::optional<qint64> WordWrap::kerning(QChar left, QChar right, bool latin)
{
    const quint32 key = quint32(left.unicode()) << 16 | right.unicode();
    auto &pairs = latin ? m_latinPairs : m_commonPairs;
    const auto found = pairs.constFind(key);
    if (found != pairs.constEnd())
        return *found;
    // Across a word's edge only a pair's kerning reaches: the left glyph's advance changes, nothing else.
    const QChar pair[2] = {left, right};
    shape(QString(pair, 2), latin);
    unsigned count = 0;
    const hb_glyph_info_t *infos = hb_buffer_get_glyph_infos(m_buffer, &count);
    const hb_glyph_position_t *p = hb_buffer_get_glyph_positions(m_buffer, nullptr);
    std::optional<qint64> delta;
    if (count == 2 && infos[0].cluster == 0 && infos[1].cluster == 1 && p[0].x_offset == 0 && p[0].y_offset == 0
        && p[1].x_offset == 0 && p[1].y_offset == 0
        && p[1].x_advance == hb_position_t(advance(this, infos[1].codepoint)))
        delta = qint64(p[0].x_advance) - qint64(advance(this, infos[0].codepoint));
    pairs.insert(key, delta);
    return delta;
}

qint64 WordWrap::overhang(const Word &word)
{
    return qMax<qint64>(-m_measure.rightBearing(word.glyphs.last()), 0);
}

bool WordWrap::tokenize(const QString &text, QList<Token> *out)
{
    if (text.isEmpty() || !isUsable() || text.size() > 4000 || !plainText(text))
        return false;
    // QTextEngine's item: Latin when a letter is, the figures and punctuation around it too.
    bool latin = false;
    for (const QChar c : text) {
        if (c.script() == QChar::Script_Latin) {
            latin = true;
            break;
        }
    }
    // Words end where a line may break (after a hyphen, say) or at a space; spaces are tokens of their own.
    QList<Token> &tokens = *out;
    QTextBoundaryFinder breaks(QTextBoundaryFinder::Line, text);
    const qsizetype n = text.size();
    for (qsizetype pos = 0; pos < n;) {
        qsizetype end = pos;
        const bool spaces = text.at(pos) == QLatin1Char(' ');
        if (spaces) {
            while (end < n && text.at(end) == QLatin1Char(' '))
                ++end;
        } else {
            breaks.setPosition(pos);
            const qsizetype boundary = breaks.toNextBoundary();
            const qsizetype next = boundary < 0 ? n : boundary;
            while (end < next && end < n && text.at(end) != QLatin1Char(' '))
                ++end;
        }
        const Word &word = shaped(QStringView(text).sliced(pos, end - pos), latin);
        if (!word.usable)
            return false;
        tokens.append({pos, end, spaces, &word, word.advance});
        pos = end;
    }
    for (qsizetype i = 0; i + 1 < tokens.size(); ++i) {
        const std::optional<qint64> delta = kerning(text.at(tokens.at(i).end - 1), text.at(tokens.at(i).end), latin);
        if (!delta)
            return false;
        tokens[i].advance += *delta;
    }

    return true;
}

std::optional<qint64> WordWrap::lineAdvance(const QString &text)
{
    QList<Token> tokens;
    if (!tokenize(text, &tokens))
        return std::nullopt;
    qint64 advance = 0;
    for (const Token &t : tokens)
        advance += t.advance;
    return advance;
}

bool WordWrap::wrap(const QString &text, qreal width, QList<WrappedLine> *lines)
{
    QList<Token> tokens;
    if (!tokenize(text, &tokens))
        return false;

    // QTextLayout's greedy fill, in its units.
    const qint64 limit = toFixed(qMin(width, qreal(INT_MAX / 256)));
    QList<WrappedLine> out;
    qsizetype first = 0;            // the line's first token
    qint64 filled = 0;              // its words and the spaces between them
    qint64 spaces = 0;              // spaces after its last word
    const Word *lastWord = nullptr; // on the line
    bool afterSpace = false;        // the last token was spaces
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        const Token &t = tokens.at(i);
        if (t.spaces) {
            spaces += t.advance;
            if (spaces > limit)
                return false; // QTextLayout drops spaces that fall out of the line
            afterSpace = true;
            continue;
        }
        const qint64 wanted = filled + t.advance + spaces;
        // QTextLayout looks at the last glyph's overhang only when the font's largest could reach past the edge.
        const qint64 reach = wanted + m_minimumOverhang > limit ? overhang(*t.word) : 0;
        if (lastWord && wanted + reach > limit) {
            // The line ends before this word; its width has the overhang of the glyph before the word.
            const qint64 natural = filled + (afterSpace ? 0 : overhang(*lastWord));
            if (natural > limit)
                return false;
            appendLine(text, tokens, first, i - 1, natural, &out);
            first = i;
            filled = 0;
            spaces = 0;
        }
        filled += spaces + t.advance;
        spaces = 0;
        lastWord = t.word;
        afterSpace = false;
    }
    if (!lastWord)
        return false;
    qint64 natural = 0;
    if (afterSpace) // the text ends with spaces: they count when they fit, and then no overhang does
        natural = filled + spaces > limit ? filled : filled + spaces;
    else
        natural = filled + overhang(*lastWord);
    if (natural > limit)
        return false; // QTextLayout breaks the word anywhere
    appendLine(text, tokens, first, tokens.size() - 1, natural, &out);
    *lines = std::move(out);
    return true;
}

void WordWrap::appendLine(const QString &text, const QList<Token> &tokens, qsizetype first, qsizetype last,
                          qint64 width, QList<WrappedLine> *lines) const
{
    while (last >= first && tokens.at(last).spaces)
        --last; // the spaces a line ends with are not drawn
    WrappedLine line;
    line.width = width / 64.0;
    if (last < first) {
        lines->append(line);
        return;
    }
    line.text = text.mid(tokens.at(first).start, tokens.at(last).end - tokens.at(first).start);
    qsizetype count = 0;
    for (qsizetype i = first; i <= last; ++i)
        count += tokens.at(i).word->glyphs.size();
    QList<quint32> glyphs;
    QList<QPointF> positions;
    glyphs.reserve(count);
    positions.reserve(count);
    qint64 pen = 0;
    for (qsizetype i = first; i <= last; ++i) {
        const Token &t = tokens.at(i);
        const Word &w = *t.word;
        const qreal x = pen / 64.0;
        glyphs += w.glyphs;
        for (const QPointF &p : w.positions)
            positions.append(QPointF(p.x() + x, p.y()));
        pen += t.advance;
    }
    line.glyphs.append({m_runFont, std::move(glyphs), std::move(positions)});
    lines->append(line);
}

} // namespace coform
