// Text in the layout: wrapping into lines, shaped once (the glyphs the page painter draws), and text boxes. Plain
// text is wrapped from words shaped once (WordWrap); the rest by QTextLayout, with the same result.
#include "pdf/layoutengine.h"

#include <bit>

namespace coform {

namespace {

/// Text a single line does not draw as it reads (QPainter::drawText() shows a line break as a space).
bool hasLineBreaks(const QString &text)
{
    for (const QChar c : text) {
        if (c == QLatin1Char('\n') || c == QLatin1Char('\r') || c == QLatin1Char('\t') || c == QChar::LineSeparator
            || c == QChar::ParagraphSeparator)
            return true;
    }
    return false;
}

} // namespace

QVector<LayoutEngine::Line> LayoutEngine::wrapMeasured(const QString &text, TextStyle style, qreal width) const
{
    constexpr qsizetype cachedUpTo = 400; // characters: longer texts (answers) are rarely repeated
    if (text.size() > cachedUpTo)
        return wrapUncached(text, style, width);
    const WrapKey key{text, int(style), std::bit_cast<quint64>(double(width))};
    const auto found = m_wrapped.constFind(key);
    if (found != m_wrapped.constEnd())
        return *found;
    QVector<Line> lines = wrapUncached(text, style, width);
    m_wrapped.insert(key, lines);
    return lines;
}

QVector<LayoutEngine::Line> LayoutEngine::wrapUncached(const QString &text, TextStyle style, qreal width) const
{
    QVector<Line> lines;
    if (text.isEmpty())
        return lines;
    if (!hasLineBreaks(text) && WordWrap::plainText(text)) {
        WordWrap *shared = wordWrapFor(style);
        if (shared && shared->wrap(text, width, &lines))
            return lines;
    }
    if (m_fallback)
        return m_fallback->lines(text, m_style, style, width);
    m_needsQt = true;
    return {{text, 0, {}}};
}

WordWrap *LayoutEngine::wordWrapFor(TextStyle style) const
{
    auto found = m_wordWraps.find(int(style));
    if (found == m_wordWraps.end()) {
        const int file = m_style.fontFile(style), size = m_style.pixelSize(style);
        WordWrap *shared = nullptr;
        if (file >= 0) {
            shared = &m_wordWrapsByFont.try_emplace({file, size}, file, size, &m_faces).first->second;
            if (shared->isUsable() && m_fallback && !m_fallback->agrees(*shared, m_style, style))
                shared->disable();
        }
        found = m_wordWraps.emplace(int(style), shared).first;
    }
    return found->second;
}

qreal LayoutEngine::textWidth(const QString &text, TextStyle style) const
{
    if (!text.isEmpty() && !text.back().isSpace() && !hasLineBreaks(text)) {
        const QVector<Line> one = wrapMeasured(text, style, 1e6);
        if (one.size() == 1 && one.first().text.size() == text.size())
            return one.first().width;
    }
    WordWrap *shared = hasLineBreaks(text) ? nullptr : wordWrapFor(style);
    if (const std::optional<qint64> advance = shared ? shared->lineAdvance(text) : std::nullopt)
        return *advance / 64.0;
    if (m_fallback)
        return m_fallback->advance(text, m_style, style);
    m_needsQt = true;
    return 0;
}

QStringList LayoutEngine::wrap(const QString &text, TextStyle style, qreal width) const
{
    QStringList lines;
    for (const Line &line : wrapMeasured(text, style, width))
        lines << line.text;
    return lines;
}

LayoutBox LayoutEngine::textBox(BoxRole role, TextStyle style, qreal x, qreal y, const QString &text,
                                const QString &lang, const QString &itemId, qreal width,
                                const QList<GlyphRun> &glyphs) const
{
    LayoutBox b;
    b.role = role;
    b.kind = BoxKind::Text;
    b.style = style;
    b.text = text;
    b.lang = lang;
    b.itemId = itemId;
    b.glyphs = glyphs;
    if (b.glyphs.isEmpty() && !text.isEmpty() && !hasLineBreaks(text)) {
        // Shaped once here, for the width and for drawing (PagePainter).
        const QVector<Line> one = wrapMeasured(text, style, 1e6);
        if (one.size() == 1 && one.first().text == text) {
            b.glyphs = one.first().glyphs;
            if (width < 0)
                width = one.first().width;
        }
    }
    b.rect = QRectF(x, y, width >= 0 ? width : textWidth(text, style), m_style.lineHeight(style));
    b.baseline = m_style.baseline(style);
    return b;
}

qreal LayoutEngine::stackTexts(Fragment &f, const Texts &texts, BoxRole role, TextStyle style, qreal x, qreal y,
                               qreal width, const QString &itemId) const
{
    for (const LangText &t : texts) {
        for (const Line &line : wrapMeasured(t.text, style, width)) {
            f.boxes.append(textBox(role, style, x, y, line.text, t.lang, itemId, line.width, line.glyphs));
            y += m_style.lineHeight(style);
        }
    }
    return y;
}

} // namespace coform
