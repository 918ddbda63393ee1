#pragma once

#include "pdf/formcontent.h"
#include "pdf/layout.h"
#include "pdf/printstyle.h"
#include "pdf/textfallback.h"
#include "pdf/wordwrap.h"

#include <QHash>
#include <QStringList>
#include <QVector>

#include <map>

namespace coform {

/// Turns a form's content into pages of positioned boxes under a print style.
///
/// The body is first built as a flow of fragments (a question's head, one line of an answer, one option, one table
/// row), each knowing whether it must stay with the next one and which item it continues; pagination then places the
/// fragments, repeating "continued" labels and table header rows at the top of a page where an item goes on, and
/// finally adds the running header and footer ("Page N of M") to every page.
/// (Implemented in layoutengine.cpp: flow, pagination, header and footer; layoutanswers.cpp: the answer part of
/// each kind of question.)
class LayoutEngine
{
public:
    /// `fallback`: what lays out the text the print fonts do not shape alone; none: such text is left out and the
    /// layout says so (Layout::needsQt).
    LayoutEngine(const FormContent &content, const PrintStyle &style, const TextFallback *fallback);

    Layout run();

private:
    struct Fragment
    {
        qreal height = 0;
        qreal spaceBefore = 0;     ///< dropped at the top of a page
        bool keepWithNext = false; ///< never a page break between this and the next fragment
        int group = -1;            ///< the item this fragment belongs to (index into m_groups)
        QVector<LayoutBox> boxes;  ///< y relative to the fragment's top
    };
    /// What is repeated at the top of a page when an item continues there.
    struct Group
    {
        QVector<LayoutBox> continuation;
        qreal height = 0;
    };

    static QString firstText(const Texts &texts);
    static QString firstLang(const Texts &texts);
    /// A box that is drawn but carries no meaning of its own (rules, frames, bands).
    static LayoutBox decoration(BoxKind kind, const QRectF &rect, const QString &itemId = {}, qreal lineWidth = 0.75,
                                int grey = 0);

    /// One line of wrapped text, its width and its glyphs (LayoutBox::glyphs).
    using Line = WrappedLine;
    /// The lines of `text` wrapped to `width`. Short texts are shaped once a layout: the running header and
    /// footer, option labels and repeated help are laid out again and again (about 40% of the calls on the filled
    /// bundled review), and the result depends only on the text, the style and the width.
    QVector<Line> wrapMeasured(const QString &text, TextStyle style, qreal width) const;
    QVector<Line> wrapUncached(const QString &text, TextStyle style, qreal width) const;
    /// The width of `text` on one line in `style`, as QFontMetricsF::horizontalAdvance() gives it, from the shaping
    /// wrapMeasured() keeps: the running header and footer and the options' words are measured on every page.
    qreal textWidth(const QString &text, TextStyle style) const;
    /// The style's WordWrap, shared by the styles of its font; null when the style has no print font.
    WordWrap *wordWrapFor(TextStyle style) const;
    QStringList wrap(const QString &text, TextStyle style, qreal width) const;
    /// A text box of one line; `width` is measured when negative.
    LayoutBox textBox(BoxRole role, TextStyle style, qreal x, qreal y, const QString &text, const QString &lang,
                      const QString &itemId, qreal width = -1, const QList<GlyphRun> &glyphs = {}) const;
    /// Appends wrapped lines of every language to a composite fragment, returns the new bottom.
    qreal stackTexts(Fragment &f, const Texts &texts, BoxRole role, TextStyle style, qreal x, qreal y, qreal width,
                     const QString &itemId) const;
    void append(Fragment f) { m_fragments.append(std::move(f)); }

    /// A picture beside a question, heading or option; an empty dashed slot (an artifact) when there is none.
    static LayoutBox pictureBox(const std::optional<ContentPicture> &picture, const QRectF &rect,
                                const QString &itemId);
    /// The size of a question's picture: the print style's, or four lines' height where only the template asks for
    /// pictures; 0 when none are printed.
    qreal pictureSize() const;

    void buildTitle();
    void buildPictureCredits();
    void buildSection(const ContentSection &section);
    void buildItem(const ContentItem &item);
    void buildParagraphs(const ContentItem &item, const QString &text, BoxRole role, int group, qreal x, qreal width);
    void buildNotAnswered(const ContentItem &item, int group, qreal x);
    void buildOptions(const ContentItem &item, int group, qreal x, qreal width);
    void buildScale(const ContentItem &item, int group, qreal x, qreal width);
    void buildTable(const ContentItem &item, int group, qreal x, qreal width);
    void buildSignature(const ContentItem &item, int group, qreal x, qreal width);
    void buildWriteIn(const ContentItem &item, int group, qreal x, qreal width);
    Fragment tableRow(const ContentItem &item, const QVector<Texts> &cells, bool header, qreal x,
                      const QVector<qreal> &widths, qreal minHeight) const;

    qreal measureHeader() const;
    qreal measureFooter() const;
    void addHeader(LayoutPage &page) const;
    void addFooter(LayoutPage &page, int pageNumber, int pageCount) const;
    void paginate(Layout &layout);

    const FormContent &m_content;
    const PrintStyle &m_style;
    const TextFallback *m_fallback;
    mutable bool m_needsQt = false; ///< text was left out for want of m_fallback
    qreal m_left = 0;
    qreal m_width = 0;
    qreal m_numberColumn = 0;
    qreal m_bodyTop = 0;
    qreal m_bodyBottom = 0;
    QVector<Fragment> m_fragments;
    QVector<Group> m_groups;
    /// What wrapMeasured() wrapped: a text in a style at a width (its bits: the same width, not a near one).
    struct WrapKey
    {
        QString text;
        int style = 0;
        quint64 width = 0;
        bool operator==(const WrapKey &o) const { return style == o.style && width == o.width && text == o.text; }
        friend size_t qHash(const WrapKey &k, size_t seed = 0) { return qHashMulti(seed, k.text, k.style, k.width); }
    };
    mutable QHash<WrapKey, QVector<Line>> m_wrapped; ///< wrapMeasured() of short texts
    mutable ShapingFaces m_faces;                    ///< for m_wordWraps (declared before: outlives them)
    /// By font (QFont::key()): each word shaped once a layout, for every style drawn in that font (Body and Help,
    /// Label and Number, ...).
    mutable std::map<std::pair<int, int>, WordWrap> m_wordWrapsByFont; ///< by print font file and pixel size
    mutable std::map<int, WordWrap *> m_wordWraps;                     ///< by style: the one of its font
};

} // namespace coform
