// Wrapping as QTextLayout does, from words shaped once (see wordwrap.h).
#include "pdf/wordwrap.h"

#include "pdf/printstyle.h"
#include "pdf/qtglyphruns.h"

#include <QFontMetricsF>
#include <QTextBoundaryFinder>
#include <QTextLayout>

#include <hb.h>

#include <climits>
#include <mutex>

namespace coform {

namespace {

/// A length in the 1/64 units QTextLayout counts in, truncated as it truncates (QFixed::fromReal()).
qint64 toFixed(qreal value)
{
    return qint64(int(value * 64));
}

/// A length QTextLayout gave (already a multiple of 1/64), in 1/64.
qint64 exactFixed(qreal value)
{
    return qRound64(value * 64);
}

/// Font tables for HarfBuzz, read from the font as Qt reads them.
hb_blob_t *referenceTable(hb_face_t *, hb_tag_t tag, void *raw)
{
    const char name[4] = {char(tag >> 24), char(tag >> 16), char(tag >> 8), char(tag)};
    auto *table = new QByteArray(static_cast<const QRawFont *>(raw)->fontTable(name));
    if (table->isEmpty()) {
        delete table;
        return nullptr;
    }
    return hb_blob_create(table->constData(), unsigned(table->size()), HB_MEMORY_MODE_READONLY, table,
                          [](void *t) { delete static_cast<QByteArray *>(t); });
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

hb_face_t *ShapingFaces::face(const QRawFont &raw)
{
    const QByteArray key = raw.familyName().toUtf8() + '/' + raw.styleName().toUtf8() + '/' + raw.fontTable("head");
    for (const Entry &e : m_entries) {
        if (e.key == key)
            return e.face;
    }
    m_entries.push_back({key, raw, nullptr});
    Entry &entry = m_entries.back();
    entry.face = hb_face_create_for_tables(referenceTable, &entry.raw, nullptr);
    hb_face_set_upem(entry.face, unsigned(raw.unitsPerEm()));
    return entry.face;
}

WordWrap::WordWrap(const QFont &font, ShapingFaces *faces)
    : m_font(font)
{
    if (!faces) {
        m_ownFaces = std::make_unique<ShapingFaces>();
        faces = m_ownFaces.get();
    }
    // The engine QTextLayout draws this font's Latin text with, from a glyph run of its own.
    QTextLayout probe(QStringLiteral("a"), font);
    probe.beginLayout();
    QTextLine line = probe.createLine();
    if (line.isValid()) {
        line.setLineWidth(1e6);
        const QList<QGlyphRun> runs = line.glyphRuns();
        if (runs.size() == 1)
            m_raw = runs.first().rawFont();
    }
    probe.endLayout();
    if (!m_raw.isValid())
        return;
    m_runFont = runFontId(m_raw);
    // A print font at a whole pixel size (as every print style sizes them) is measured from its file, as Qt measures
    // it (tst_fontmeasure); any other font by Qt.
    const int file = PrintStyle::fontFileOf(m_raw);
    if (file >= 0 && m_raw.pixelSize() == qreal(int(m_raw.pixelSize()))) {
        m_measure = std::make_unique<FontMeasure>(PrintStyle::fontFiles().at(file).data, int(m_raw.pixelSize()));
        if (!m_measure->isValid())
            m_measure.reset();
    }
    m_minimumOverhang =
        -qMin<qint64>(toFixed(m_measure ? m_measure->minRightBearing() : QFontMetricsF(font).minRightBearing()), 0);
    // Shaped as Qt shapes (its HarfBuzz font): the same tables, scale and advances, kerning on, ligatures as the font
    // has them.
    m_parent = hb_font_create(faces->face(m_raw));
    const int scale = int(toFixed(m_raw.pixelSize()));
    hb_font_set_scale(m_parent, scale, -scale);
    hb_font_set_ppem(m_parent, unsigned(m_raw.pixelSize()), unsigned(m_raw.pixelSize()));
    hb_font_set_ptem(m_parent, float(font.pointSizeF() > 0 ? font.pointSizeF() : m_raw.pixelSize()));
    m_hb = hb_font_create_sub_font(m_parent);
    hb_font_funcs_t *funcs = hb_font_funcs_create();
    hb_font_funcs_set_glyph_h_advance_func(funcs, glyphAdvance, nullptr, nullptr);
    hb_font_funcs_make_immutable(funcs);
    hb_font_set_funcs(m_hb, funcs, this, nullptr);
    hb_font_funcs_destroy(funcs);
    m_buffer = hb_buffer_create();
    // Used only where it gives what QTextLayout gives, on a sample with kerning within words and across spaces,
    // figures, Welsh letters and a line broken after a hyphen: once a font and process (a preview lays out again
    // and again).
    static std::mutex lock;
    static QHash<QString, bool> checked;
    const QString key = font.key();
    {
        const std::lock_guard<std::mutex> locked(lock);
        if (const auto found = checked.constFind(key); found != checked.constEnd()) {
            m_enabled = *found;
            return;
        }
    }
    m_enabled = true;
    m_enabled = agreesWithQt(QStringLiteral("AVA Tyr \u201cfly\u201d Ŵy 12/05 L\u2019Or-T."), m_raw.pixelSize() * 6.3);
    const std::lock_guard<std::mutex> locked(lock);
    checked.insert(key, m_enabled);
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
    if (a < 0 && w->m_measure) {
        a = int(w->m_measure->advance(glyph));
    } else if (a < 0) {
        const QList<QPointF> advances = w->m_raw.advancesForGlyphIndexes(QList<quint32>{glyph});
        a = advances.isEmpty() ? 0 : int(exactFixed(advances.first().x()));
    }
    return unsigned(a);
}

QList<WrappedLine> WordWrap::textLayoutLines(const QString &text, const QFont &font, qreal width)
{
    QList<WrappedLine> lines;
    QTextLayout layout(text, font);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        QString part = text.mid(line.textStart(), line.textLength());
        while (!part.isEmpty() && part.back().isSpace())
            part.chop(1);
        const QList<QGlyphRun> runs =
            part.isEmpty() ? QList<QGlyphRun>() : line.glyphRuns(line.textStart(), part.size());
        const QPointF origin(line.x(), line.y() + line.ascent());
        QList<GlyphRun> glyphs;
        glyphs.reserve(runs.size());
        for (const QGlyphRun &run : runs) {
            glyphs.append(fromQt(run));
            for (QPointF &p : glyphs.last().positions)
                p -= origin;
        }
        lines.append({part, line.naturalTextWidth(), std::move(glyphs)});
    }
    layout.endLayout();
    return lines;
}

bool WordWrap::agreesWithQt(const QString &sample, qreal width)
{
    QList<WrappedLine> ours;
    if (!wrap(sample, width, &ours))
        return false;
    const QList<WrappedLine> qt = textLayoutLines(sample, m_font, width);
    if (qt.size() != ours.size())
        return false;
    for (qsizetype i = 0; i < qt.size(); ++i) {
        const WrappedLine &a = qt.at(i), &b = ours.at(i);
        if (a.text != b.text || a.width != b.width || a.glyphs.size() != b.glyphs.size())
            return false;
        for (qsizetype r = 0; r < a.glyphs.size(); ++r) {
            if (a.glyphs.at(r) != b.glyphs.at(r))
                return false;
        }
    }
    return true;
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
            || (u >= 0x20a0 && u <= 0x20c0))          // currency signs
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
    word.font = m_runFont;
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
    const quint32 last = word.glyphs.last();
    const auto found = m_overhangs.constFind(last);
    if (found != m_overhangs.constEnd())
        return *found;
    // The glyph's own overhang, whatever follows it: as QTextLayout ends a line on this word, by the glyph's right
    // bearing.
    if (m_measure) {
        const qint64 overhang = qMax<qint64>(-m_measure->rightBearing(last), 0);
        m_overhangs.insert(last, overhang);
        return overhang;
    }
    QTextLayout layout(word.text, m_font);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    layout.beginLayout();
    QTextLine line = layout.createLine();
    qint64 overhang = 0;
    if (line.isValid()) {
        line.setLineWidth(1e6);
        overhang = qMax<qint64>(exactFixed(line.naturalTextWidth()) - exactFixed(line.horizontalAdvance()), 0);
    }
    layout.endLayout();
    m_overhangs.insert(last, overhang);
    return overhang;
}

bool WordWrap::wrap(const QString &text, qreal width, QList<WrappedLine> *lines)
{
    if (text.isEmpty() || !m_enabled || text.size() > 4000 || !plainText(text))
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
    QList<Token> tokens;
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
    int font = -1;
    const auto flush = [&] {
        if (glyphs.isEmpty())
            return;
        line.glyphs.append({font, glyphs, positions});
        glyphs = {}; // not clear(): the run shares the lists, and clearing a shared list allocates its capacity anew
        positions = {};
    };
    qint64 pen = 0;
    for (qsizetype i = first; i <= last; ++i) {
        const Token &t = tokens.at(i);
        const Word &w = *t.word;
        if (w.font != font) {
            flush();
            font = w.font;
        }
        const qreal x = pen / 64.0;
        glyphs += w.glyphs;
        for (const QPointF &p : w.positions)
            positions.append(QPointF(p.x() + x, p.y()));
        pen += t.advance;
    }
    flush();
    lines->append(line);
}

} // namespace coform
