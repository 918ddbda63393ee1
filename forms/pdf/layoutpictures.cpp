#include "pdf/layoutengine.h"

#include "pdf/phrases.h"

// Pictures in the layout (easy read): beside questions, headings and options, and the credit line at the end.

namespace coform {

LayoutBox LayoutEngine::pictureBox(const std::optional<ContentPicture> &picture, const QRectF &rect,
                                   const QString &itemId)
{
    LayoutBox b = decoration(BoxKind::Picture, rect, itemId);
    if (picture) {
        b.role = BoxRole::Figure;
        b.picture = picture->key;
        // A Figure has one /Alt in one language: the first printed language's (Welsh on a Welsh form).
        b.text = firstText(picture->alt);
        b.lang = firstLang(picture->alt);
    }
    return b;
}

qreal LayoutEngine::pictureSize() const
{
    if (m_style.pictureSize() > 0)
        return m_style.pictureSize();
    return m_content.pictures.isEmpty() ? 0 : m_style.bodySize() * 4;
}

void LayoutEngine::buildPictureCredits()
{
    if (m_content.pictureCredits.isEmpty())
        return;
    Fragment f;
    f.spaceBefore = m_style.sectionGap();
    qreal y = 0;
    for (const QString &credit : m_content.pictureCredits) {
        Texts texts;
        for (const QString &lang : m_content.languages) {
            const QString pictures = phrase(Phrase::Pictures, lang);
            texts.append({lang, QStringLiteral("%1: %2").arg(pictures, credit)});
        }
        y = stackTexts(f, texts, BoxRole::Help, TextStyle::Help, m_left, y, m_width, {});
    }
    f.height = y;
    append(std::move(f));
}

} // namespace coform
