#include "pdf/layoutengine.h"

#include "pdf/phrases.h"

namespace coform {

QString LayoutEngine::firstText(const Texts &texts)
{
    return texts.isEmpty() ? QString() : texts.first().text;
}

QString LayoutEngine::firstLang(const Texts &texts)
{
    return texts.isEmpty() ? QString() : texts.first().lang;
}

LayoutBox LayoutEngine::decoration(BoxKind kind, const QRectF &rect, const QString &itemId, qreal lineWidth, int grey)
{
    LayoutBox b;
    b.grey = grey;
    b.role = BoxRole::Decoration;
    b.kind = kind;
    b.rect = rect;
    b.itemId = itemId;
    b.lineWidth = lineWidth;
    return b;
}

LayoutEngine::LayoutEngine(const FormContent &content, const PrintStyle &style, const TextFallback *fallback)
    : m_content(content)
    , m_style(style)
    , m_fallback(fallback)
{
    const QMarginsF m = style.margins();
    m_left = m.left();
    m_width = style.pageSize().width() - m.left() - m.right();
    // The hanging indent holds the widest question number ("104.") with a gap after it.
    int highest = 0;
    for (const ContentSection &s : content.sections) {
        for (const ContentItem &item : s.items)
            highest = qMax(highest, item.number);
    }
    m_numberColumn =
        qMax(style.numberColumn(),
             style.advance(QStringLiteral("%1.").arg(highest), TextStyle::Number).value_or(0) + style.bodySize() * 0.6);
}

// ---------------------------------------------------------------------------------------------------------------
// Building the flow

void LayoutEngine::buildTitle()
{
    Fragment f;
    qreal y = stackTexts(f, m_content.title, BoxRole::Title, TextStyle::Title, m_left, 0, m_width, {});
    y += m_style.bodySize() * 0.6;
    // "Available in other formats", in a frame so it is seen first.
    const qreal pad = m_style.bodySize() * 0.6;
    const qreal top = y;
    const int frameIndex = int(f.boxes.size());
    y = stackTexts(f, m_content.phrase(Phrase::OtherFormats), BoxRole::Notice, TextStyle::Body, m_left + pad, y + pad,
                   m_width - 2 * pad, {});
    f.boxes.insert(frameIndex, decoration(BoxKind::Frame, QRectF(m_left, top, m_width, y + pad - top), {}, 1.0));
    f.height = y + pad;
    append(std::move(f));
}

void LayoutEngine::buildSection(const ContentSection &section)
{
    Fragment f;
    f.spaceBefore = m_style.sectionGap();
    f.keepWithNext = true;
    const qreal bar = m_style.bodySize() * 0.25;
    f.boxes.append(decoration(BoxKind::Fill, QRectF(m_left, 0, m_width, bar), section.id));
    qreal y = bar + m_style.bodySize() * 0.3;
    const qreal top = y;
    // A section's picture sits left of its heading; it is listed after the heading so that the heading leads.
    const qreal picture = section.picture ? pictureSize() : 0;
    const qreal textX = picture > 0 ? m_left + picture + m_style.bodySize() : m_left;
    const qreal textW = m_left + m_width - textX;
    y = stackTexts(f, section.title, BoxRole::Heading, TextStyle::Heading, textX, y, textW, section.id);
    if (!section.help.isEmpty())
        y = stackTexts(f, section.help, BoxRole::SectionHelp, TextStyle::Help, textX, y + m_style.bodySize() * 0.2,
                       textW, section.id);
    if (!section.condition.isEmpty())
        y = stackTexts(f, section.condition, BoxRole::Condition, TextStyle::BodyBold, textX,
                       y + m_style.bodySize() * 0.2, textW, section.id);
    if (picture > 0) {
        f.boxes.append(pictureBox(section.picture, QRectF(m_left, top, picture, picture), section.id));
        y = qMax(y, top + picture);
    }
    f.height = y;
    append(std::move(f));
    for (const ContentItem &item : section.items)
        buildItem(item);
}

void LayoutEngine::buildItem(const ContentItem &item)
{
    const int group = int(m_groups.size());
    const qreal picture = pictureSize();
    const qreal pictureGap = picture > 0 ? m_style.bodySize() : 0;
    const qreal x0 = m_left + picture + pictureGap;
    const qreal textX = item.number > 0 || item.type != ItemType::Info ? x0 + m_numberColumn : x0;
    // With a "Last review" column, the question and its answer leave the right third to the previous answer.
    const bool previousColumn = m_content.withPrevious && item.type != ItemType::Info;
    const qreal columnGap = m_style.bodySize();
    const qreal columnW = previousColumn ? m_width * 0.3 : 0;
    const qreal textW = m_left + m_width - textX - (previousColumn ? columnW + columnGap : 0);

    // The head: number, label, help and (blank forms) when it applies. One fragment, kept with the first answer line.
    Fragment head;
    head.spaceBefore = m_style.itemGap();
    head.keepWithNext = item.type != ItemType::Info;
    head.group = group;
    qreal y = 0;
    if (m_style.oneQuestionABlock()) {
        head.boxes.append(decoration(BoxKind::Rule, QRectF(m_left, -m_style.itemGap() / 2 - 1, m_width, 1), item.id));
    }
    // Easy read keeps a square beside a question with no picture, to draw or stick one in; other styles leave it out.
    if (picture > 0 && (item.picture || m_style.pictureSize() > 0))
        head.boxes.append(pictureBox(item.picture, QRectF(m_left, 0, picture, picture), item.id));
    if (item.type == ItemType::Info) {
        const qreal pad = m_style.bodySize() * 0.5;
        const int firstBox = int(head.boxes.size());
        y = stackTexts(head, item.label, BoxRole::Info, TextStyle::Body, textX + pad, pad, textW - 2 * pad, item.id);
        if (!item.help.isEmpty())
            y = stackTexts(head, item.help, BoxRole::Help, TextStyle::Help, textX + pad, y, textW - 2 * pad, item.id);
        head.boxes.insert(firstBox, decoration(BoxKind::Fill, QRectF(textX, 0, textW, y + pad), item.id, 0, 240));
        head.boxes.insert(firstBox + 1, decoration(BoxKind::Fill, QRectF(textX, 0, m_style.bodySize() * 0.3, y + pad),
                                                   item.id, 0, 0));
        head.height = qMax(y + pad, picture);
        m_groups.append(Group{});
        append(std::move(head));
        return;
    }
    // Numbers are right-aligned in the hanging indent, always the same small gap before the label, so that text
    // extraction reads "12. Label" as one line rather than a column of numbers.
    const auto numberBox = [&]() {
        LayoutBox b = textBox(BoxRole::QuestionNumber, TextStyle::Number, x0, 0, QStringLiteral("%1.").arg(item.number),
                              firstLang(item.label), item.id);
        b.rect.moveLeft(textX - m_style.bodySize() * 0.5 - b.rect.width());
        return b;
    };
    if (item.number > 0)
        head.boxes.append(numberBox());
    y = stackTexts(head, item.label, BoxRole::Label, TextStyle::Label, textX, 0, textW, item.id);
    if (!item.help.isEmpty())
        y = stackTexts(head, item.help, BoxRole::Help, TextStyle::Help, textX, y, textW, item.id);
    if (!item.condition.isEmpty())
        y = stackTexts(head, item.condition, BoxRole::Condition, TextStyle::BodyBold, textX, y, textW, item.id);
    if (!m_content.filled && item.type == ItemType::Choice)
        y = stackTexts(head, m_content.phrase(Phrase::TickOne), BoxRole::Help, TextStyle::Help, textX, y, textW,
                       item.id);
    if (!m_content.filled && item.type == ItemType::MultiChoice)
        y = stackTexts(head, m_content.phrase(Phrase::TickAll), BoxRole::Help, TextStyle::Help, textX, y, textW,
                       item.id);
    if (previousColumn) {
        const qreal columnX = m_left + m_width - columnW;
        const QString lang = firstLang(item.label);
        const QString date = m_content.previousDate.isValid() ? longDate(m_content.previousDate, lang) : QString();
        const qreal pad = m_style.bodySize() * 0.4;
        qreal columnY = stackTexts(head, {{lang, phrase(Phrase::LastReview, lang)}}, BoxRole::Help, TextStyle::BodyBold,
                                   columnX + pad, 0, columnW - pad, item.id);
        if (!date.isEmpty())
            columnY = stackTexts(head, {{lang, date}}, BoxRole::Help, TextStyle::Help, columnX + pad, columnY,
                                 columnW - pad, item.id);
        columnY = stackTexts(
            head, {{lang, item.previousText.isEmpty() ? phrase(Phrase::NotAnswered, lang) : item.previousText}},
            BoxRole::Help, TextStyle::Body, columnX + m_style.bodySize() * 0.4, columnY,
            columnW - m_style.bodySize() * 0.4, item.id);
        // A thin rule on the column's left edge sets it apart from the form.
        head.boxes.append(decoration(BoxKind::Fill, QRectF(columnX, 0, 1, columnY), item.id, 0, 120));
        y = qMax(y, columnY);
    }
    head.height = qMax(y + m_style.bodySize() * 0.25, picture);
    append(std::move(head));

    // What is repeated when the item goes on to another page.
    Group g;
    {
        Fragment c;
        Texts continued;
        for (const LangText &l : item.label) {
            const QString short_ = l.text.size() > 60 ? l.text.left(57).trimmed() + QStringLiteral("...") : l.text;
            continued.append({l.lang, QStringLiteral("%1 (%2)").arg(short_, phrase(Phrase::Continued, l.lang))});
        }
        if (item.number > 0)
            c.boxes.append(numberBox());
        const qreal h = stackTexts(c, continued, BoxRole::Label, TextStyle::Label, textX, 0, textW, item.id);
        for (LayoutBox &b : c.boxes)
            b.continued = true;
        g.continuation = c.boxes;
        g.height = h + m_style.bodySize() * 0.25;
    }
    m_groups.append(g);

    const bool filled = m_content.filled;
    if (filled && !item.answered) {
        buildNotAnswered(item, group, textX);
        return;
    }
    switch (item.type) {
    case ItemType::Info:
        break;
    case ItemType::Text:
    case ItemType::Textarea:
    case ItemType::Date:
    case ItemType::Number:
        if (filled)
            buildParagraphs(item, item.answerText, BoxRole::Answer, group, textX, textW);
        else
            buildWriteIn(item, group, textX, textW);
        break;
    case ItemType::YesNo:
    case ItemType::Choice:
    case ItemType::MultiChoice:
        buildOptions(item, group, textX, textW);
        break;
    case ItemType::Scale:
        buildScale(item, group, textX, textW);
        break;
    case ItemType::Table:
        buildTable(item, group, textX, textW);
        break;
    case ItemType::Signature:
        buildSignature(item, group, textX, textW);
        break;
    }
}

void LayoutEngine::buildNotAnswered(const ContentItem &item, int group, qreal x)
{
    Fragment f;
    f.group = group;
    const qreal y = stackTexts(f, m_content.phrase(Phrase::NotAnswered), BoxRole::NotAnswered, TextStyle::Body, x, 0,
                               m_left + m_width - x, item.id);
    f.height = y;
    append(std::move(f));
}

void LayoutEngine::buildParagraphs(const ContentItem &item, const QString &text, BoxRole role, int group, qreal x,
                                   qreal width)
{
    // An answer is set a little in from the label, with a grey bar on its left, one fragment a line, so that long
    // answers flow across pages.
    const qreal barWidth = m_style.bodySize() * 0.2;
    const qreal indent = m_style.bodySize() * 0.8;
    const qreal lh = m_style.lineHeight(TextStyle::Body);
    const QStringList paragraphs = text.split(QLatin1Char('\n'));
    QVector<Fragment> lines;
    bool gap = false;
    for (const QString &paragraph : paragraphs) {
        if (paragraph.trimmed().isEmpty()) {
            gap = !lines.isEmpty();
            continue;
        }
        const QVector<Line> wrapped = wrapMeasured(paragraph, TextStyle::Body, width - indent);
        for (int i = 0; i < wrapped.size(); ++i) {
            Fragment f;
            f.group = group;
            f.height = lh;
            if (i == 0 && (gap || !lines.isEmpty()))
                f.spaceBefore = m_style.paragraphGap();
            const qreal barTop = f.spaceBefore > 0 ? -f.spaceBefore : 0;
            f.boxes.append(decoration(BoxKind::Fill, QRectF(x, barTop, barWidth, lh - barTop), item.id, 0, 150));
            f.boxes.append(textBox(role, TextStyle::Body, x + indent, 0, wrapped.at(i).text, item.answerLang, item.id,
                                   wrapped.at(i).width, wrapped.at(i).glyphs));
            lines.append(f);
        }
        gap = false;
    }
    // Keep the first two and the last two lines of an answer together (no lone line at a page's foot or head).
    if (lines.size() >= 3)
        lines.first().keepWithNext = true;
    if (lines.size() >= 4)
        lines[lines.size() - 2].keepWithNext = true;
    for (Fragment &f : lines)
        append(std::move(f));
}

// ---------------------------------------------------------------------------------------------------------------
// Running header and footer

qreal LayoutEngine::measureHeader() const
{
    LayoutPage page;
    addHeader(page);
    qreal bottom = 0;
    for (const LayoutBox &b : page.boxes)
        bottom = qMax(bottom, b.rect.bottom());
    return bottom;
}

qreal LayoutEngine::measureFooter() const
{
    LayoutPage page;
    addFooter(page, 999, 999);
    qreal top = m_style.pageSize().height();
    for (const LayoutBox &b : page.boxes)
        top = qMin(top, b.rect.top());
    return m_style.pageSize().height() - top;
}

void LayoutEngine::addHeader(LayoutPage &page) const
{
    qreal y = m_style.margins().top() - m_style.lineHeight(TextStyle::Header);
    y = qMax<qreal>(y, 18);
    const qreal right = m_left + m_width;
    const qreal lh = m_style.lineHeight(TextStyle::Header);
    const auto add = [&](const QString &text, TextStyle style, const QString &lang, bool alignRight) {
        LayoutBox b = textBox(BoxRole::Header, style, m_left, y, text, lang, {});
        if (alignRight)
            b.rect.moveLeft(right - b.rect.width());
        page.boxes.append(b);
    };
    for (const LangText &t : m_content.title) {
        for (const QString &line : wrap(t.text, TextStyle::HeaderBold, m_width)) {
            add(line, TextStyle::HeaderBold, t.lang, false);
            y += lh;
        }
    }
    if (m_content.filled) {
        const QString lang = m_content.languages.first();
        QStringList nameParts;
        if (!m_content.person.name.isEmpty())
            nameParts << phrase(Phrase::PersonName, lang).arg(m_content.person.name);
        if (!m_content.nhsNumberFormatted.isEmpty())
            nameParts << phrase(Phrase::NhsNumber, lang).arg(m_content.nhsNumberFormatted);
        const QString person = nameParts.join(QStringLiteral("   "));
        const QString marking = phrase(Phrase::Marking, lang);
        if (textWidth(person, TextStyle::HeaderBold) + textWidth(marking, TextStyle::HeaderBold)
                + m_style.bodySize() * 2
            <= m_width) {
            add(person, TextStyle::Header, lang, false);
            add(marking, TextStyle::HeaderBold, lang, true);
            y += lh;
        } else {
            add(marking, TextStyle::HeaderBold, lang, false);
            y += lh;
            for (const QString &line : wrap(person, TextStyle::Header, m_width)) {
                add(line, TextStyle::Header, lang, false);
                y += lh;
            }
        }
        for (int i = 1; i < m_content.languages.size(); ++i) {
            const QString other = m_content.languages.at(i);
            if (phrase(Phrase::Marking, other) != marking) {
                add(phrase(Phrase::Marking, other), TextStyle::HeaderBold, other, false);
                y += lh;
            }
        }
    }
    LayoutBox rule = decoration(BoxKind::Rule, QRectF(m_left, y, m_width, 3), {}, 1.0);
    rule.role = BoxRole::Header;
    page.boxes.append(rule);
}

void LayoutEngine::addFooter(LayoutPage &page, int pageNumber, int pageCount) const
{
    const qreal lh = m_style.lineHeight(TextStyle::Footer);
    // Lines from the bottom up: each language gets "Page N of M" and "id version V, produced DATE".
    struct Line
    {
        QString text;
        QString lang;
        bool right;
        bool sameLineAsPrevious;
    };
    QVector<Line> lines;
    for (const QString &lang : m_content.languages) {
        const QString pageText = phrase(Phrase::PageOf, lang).arg(pageNumber).arg(pageCount);
        const QString idText = phrase(Phrase::TemplateVersion, lang).arg(m_content.templateId).arg(m_content.version)
                               + QStringLiteral(" \u00b7 ")
                               + phrase(Phrase::Produced, lang).arg(longDate(m_content.produced, lang));
        const bool oneLine =
            textWidth(pageText, TextStyle::Footer) + textWidth(idText, TextStyle::Footer) + m_style.bodySize() * 2
            <= m_width;
        lines.append(Line{pageText, lang, false, false});
        lines.append(Line{idText, lang, oneLine, oneLine});
    }
    int rows = 0;
    for (const Line &l : lines)
        rows += l.sameLineAsPrevious ? 0 : 1;
    qreal y = m_style.pageSize().height() - m_style.margins().bottom() - (rows - 1) * lh;
    LayoutBox rule = decoration(BoxKind::Rule, QRectF(m_left, y - 5, m_width, 1), {}, 1.0);
    rule.role = BoxRole::Footer;
    page.boxes.append(rule);
    bool first = true;
    for (const Line &l : lines) {
        if (!first && !l.sameLineAsPrevious)
            y += lh;
        first = false;
        LayoutBox b = textBox(BoxRole::Footer, TextStyle::Footer, m_left, y, l.text, l.lang, {});
        if (l.right)
            b.rect.moveLeft(m_left + m_width - b.rect.width());
        page.boxes.append(b);
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Pagination

void LayoutEngine::paginate(Layout &layout)
{
    const qreal available = m_bodyBottom - m_bodyTop;
    layout.pages.append(LayoutPage{});
    qreal y = m_bodyTop;
    bool pageEmpty = true;
    int lastGroup = -1;
    const int n = int(m_fragments.size());
    for (int i = 0; i < n; ++i) {
        const Fragment &f = m_fragments.at(i);
        qreal chain = f.height;
        for (int j = i; j + 1 < n && m_fragments.at(j).keepWithNext; ++j)
            chain += m_fragments.at(j + 1).spaceBefore + m_fragments.at(j + 1).height;
        if (chain > available)
            chain = f.height;
        const qreal before = pageEmpty ? 0 : f.spaceBefore;
        // A fragment taller than a page starts where it is and is split by lines below.
        if (!pageEmpty && f.height <= available && y + before + chain > m_bodyBottom) {
            layout.pages.append(LayoutPage{});
            y = m_bodyTop;
            pageEmpty = true;
            if (f.group >= 0 && f.group == lastGroup && !m_groups.at(f.group).continuation.isEmpty()) {
                const Group &g = m_groups.at(f.group);
                for (LayoutBox b : g.continuation) {
                    b.rect.translate(0, y);
                    layout.pages.last().boxes.append(b);
                }
                y += g.height;
            }
        }
        qreal top = y + (pageEmpty ? 0 : f.spaceBefore);
        // A fragment taller than a page (a label of thousands of words) goes on over as many pages as it needs,
        // a text line at a time, rather than running off the page.
        const bool tooTall = f.height > available;
        for (const LayoutBox &b : f.boxes) {
            LayoutBox placed = b;
            placed.rect.translate(0, top);
            if (tooTall && placed.kind == BoxKind::Text && placed.rect.bottom() > m_bodyBottom
                && placed.rect.top() > m_bodyTop + 0.01) {
                const qreal shift = placed.rect.top() - m_bodyTop;
                top -= shift;
                placed.rect.translate(0, -shift);
                layout.pages.append(LayoutPage{});
            }
            QVector<LayoutBox> &boxes = layout.pages.last().boxes;
            if (tooTall && placed.kind != BoxKind::Text) {
                // Frames and bands of such a fragment are cut at the page's foot.
                if (placed.rect.top() >= m_bodyBottom)
                    continue;
                placed.rect.setBottom(qMin(placed.rect.bottom(), m_bodyBottom));
            }
            // Decorations reaching up into a gap never reach above the body.
            if (placed.role == BoxRole::Decoration && placed.rect.bottom() <= m_bodyTop
                && placed.rect.top() < m_bodyTop)
                continue;
            if (placed.rect.top() < m_bodyTop)
                placed.rect.setTop(m_bodyTop);
            boxes.append(placed);
        }
        y = qMin(top + f.height, m_bodyBottom);
        pageEmpty = false;
        lastGroup = f.group;
    }
}

Layout LayoutEngine::run()
{
    Layout layout;
    layout.pageSize = m_style.pageSize();
    layout.title = firstText(m_content.title);
    layout.language = documentLanguageTag(m_content.languages.isEmpty() ? QString() : m_content.languages.first());

    const qreal headerHeight = measureHeader();
    const qreal footerHeight = measureFooter();
    m_bodyTop = headerHeight + m_style.bodySize() * 1.2;
    m_bodyBottom = m_style.pageSize().height() - footerHeight - m_style.bodySize() * 1.2;

    buildTitle();
    for (const ContentSection &section : m_content.sections)
        buildSection(section);
    buildPictureCredits();
    paginate(layout);
    layout.pictures = m_content.pictures;

    const int count = int(layout.pages.size());
    for (int i = 0; i < count; ++i) {
        LayoutPage furnished;
        addHeader(furnished);
        furnished.boxes += layout.pages.at(i).boxes;
        addFooter(furnished, i + 1, count);
        layout.pages[i] = std::move(furnished);
    }
    layout.needsQt = m_needsQt;
    return layout;
}

} // namespace coform
