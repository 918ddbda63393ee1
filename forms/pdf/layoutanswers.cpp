// The answer part of each kind of question: write-in spaces, tick boxes, scales, tables, signatures.
#include "pdf/layoutengine.h"

#include "pdf/phrases.h"

namespace coform {

namespace {

const QString tickMark = QStringLiteral("\u2713");

} // namespace

void LayoutEngine::buildWriteIn(const ContentItem &item, int group, qreal x, qreal width)
{
    const qreal line = m_style.writeInLine();
    if (item.type == ItemType::Textarea) {
        const int count = m_style.profile() == PrintProfile::Standard ? 5 : 4;
        for (int i = 0; i < count; ++i) {
            Fragment f;
            f.group = group;
            f.height = line;
            f.keepWithNext = i == 0;
            LayoutBox rule = decoration(BoxKind::Rule, QRectF(x, 0, width, line), item.id, 0.6);
            rule.role = BoxRole::WriteIn;
            f.boxes.append(rule);
            append(std::move(f));
        }
        return;
    }
    Fragment f;
    f.group = group;
    qreal y = 0;
    qreal boxWidth = width;
    if (item.type == ItemType::Date) {
        y = stackTexts(f, m_content.phrase(Phrase::DateHint), BoxRole::Help, TextStyle::Help, x, 0, width, item.id);
        boxWidth = qMin(width, m_style.bodySize() * 16);
    } else if (item.type == ItemType::Number) {
        boxWidth = qMin(width, m_style.bodySize() * 10);
    }
    LayoutBox box = decoration(BoxKind::Frame, QRectF(x, y + 2, boxWidth, line), item.id);
    box.role = BoxRole::WriteIn;
    f.boxes.append(box);
    if (item.type == ItemType::Number && !item.unit.isEmpty()) {
        const qreal lh = m_style.lineHeight(TextStyle::Body);
        f.boxes.append(textBox(BoxRole::Help, TextStyle::Body, x + boxWidth + m_style.bodySize() * 0.5,
                               y + 2 + (line - lh) / 2, item.unit, firstLang(item.label), item.id));
    }
    f.height = y + line + 4;
    append(std::move(f));
}

void LayoutEngine::buildOptions(const ContentItem &item, int group, qreal x, qreal width)
{
    const qreal tick = m_style.tickSize();
    const qreal gap = m_style.bodySize() * 0.6;
    const qreal lh = m_style.lineHeight(TextStyle::Body);
    const qreal tickTop = qMax<qreal>(0, (lh - tick) / 2);
    // An option's picture sits between its tick box and its words.
    const qreal optionPicture = m_style.bodySize() * 2.6;
    const auto pictureWidth = [&](const ContentOption &o) { return o.picture ? optionPicture + gap : 0; };

    const auto optionBoxes = [&](Fragment &f, const ContentOption &o, qreal ox, qreal labelWidth) {
        LayoutBox box = decoration(BoxKind::Tick, QRectF(ox, tickTop, tick, tick), item.id, 1.0);
        box.role = BoxRole::TickBox;
        box.checked = o.chosen;
        box.text = o.value;
        f.boxes.append(box);
        if (o.chosen) {
            LayoutBox mark =
                textBox(BoxRole::TickBox, TextStyle::Tick, ox + tick * 0.12, 0, tickMark, firstLang(o.label), item.id);
            mark.rect = QRectF(ox, tickTop, tick, tick);
            mark.baseline = tick * 0.86;
            mark.checked = true;
            f.boxes.append(mark);
        }
        const TextStyle style = o.chosen ? TextStyle::BodyBold : TextStyle::Body;
        qreal bottom = 0;
        if (o.picture) {
            f.boxes.append(pictureBox(o.picture, QRectF(ox + tick + gap, 0, optionPicture, optionPicture), item.id));
            bottom = optionPicture;
        }
        const qreal lx = ox + tick + gap + pictureWidth(o);
        return qMax(bottom,
                    stackTexts(f, o.label, BoxRole::OptionLabel, style, lx, 0, labelWidth - pictureWidth(o), item.id));
    };

    // Yes/no and other short option sets sit in one row; longer ones one option a line.
    qreal rowWidth = 0;
    QVector<qreal> widths;
    for (const ContentOption &o : item.options) {
        qreal w = 0;
        for (const LangText &l : o.label)
            w = qMax(w, textWidth(l.text, TextStyle::BodyBold));
        widths.append(w + pictureWidth(o));
        rowWidth += tick + gap + w + pictureWidth(o) + m_style.bodySize() * 2;
    }
    if (item.type == ItemType::YesNo && rowWidth <= width) {
        Fragment f;
        f.group = group;
        qreal ox = x;
        qreal bottom = 0;
        for (int i = 0; i < item.options.size(); ++i) {
            bottom = qMax(bottom, optionBoxes(f, item.options.at(i), ox, widths.at(i) + 1));
            ox += tick + gap + widths.at(i) + m_style.bodySize() * 2;
        }
        f.height = qMax(bottom, tick) + m_style.bodySize() * 0.3;
        append(std::move(f));
        return;
    }
    QVector<Fragment> rows;
    for (const ContentOption &o : item.options) {
        Fragment f;
        f.group = group;
        const qreal bottom = optionBoxes(f, o, x, width - tick - gap);
        f.height = qMax(bottom, tickTop + tick) + m_style.bodySize() * 0.35;
        rows.append(f);
    }
    // A short list stays together; a long one keeps at least its first two options with the question.
    for (int i = 0; i + 1 < rows.size(); ++i)
        rows[i].keepWithNext = i == 0 || rows.size() <= 6;
    for (Fragment &f : rows)
        append(std::move(f));
}

void LayoutEngine::buildScale(const ContentItem &item, int group, qreal x, qreal width)
{
    const int n = int(item.options.size());
    if (n == 0)
        return;
    const qreal tick = m_style.tickSize();
    const qreal pad = m_style.bodySize() * 0.25;
    const qreal gap = m_style.bodySize() * 0.35;
    // A row of levels is as wide as the question, number column included, like a table.
    const qreal rowX = x - m_numberColumn;
    const qreal cellWidth = (width + m_numberColumn) / n;
    const qreal lh = m_style.lineHeight(TextStyle::Body);
    const qreal labelWidth = cellWidth - 2 * pad - tick - gap;
    // A row of levels (as the needs record prints them) when every level's name fits beside its tick box without
    // breaking a word, and the descriptions get about six characters a line; otherwise one level a line.
    bool row = cellWidth >= m_style.bodySize() * 5.5;
    for (const ContentOption &o : item.options) {
        for (const LangText &l : o.label) {
            for (const QString &word : l.text.split(QLatin1Char(' '), Qt::SkipEmptyParts))
                row = row && textWidth(word, TextStyle::BodyBold) <= labelWidth;
        }
    }
    if (row) {
        Fragment f;
        f.group = group;
        qreal bottom = 0;
        QVector<int> frameIndex;
        for (int i = 0; i < n; ++i) {
            const ContentOption &o = item.options.at(i);
            const qreal cx = rowX + i * cellWidth;
            if (o.chosen) {
                frameIndex.append(int(f.boxes.size()));
                f.boxes.append(decoration(BoxKind::Fill, QRectF(cx, 0, cellWidth, 0), item.id, 0, 235));
            }
            frameIndex.append(int(f.boxes.size()));
            f.boxes.append(decoration(BoxKind::Frame, QRectF(cx, 0, cellWidth, 0), item.id, o.chosen ? 2.5 : 0.6));
            f.boxes.last().checked = o.chosen;
            // The tick box sits on the level's first line, so a reader meets the tick just before the level's name.
            const qreal tickTop = pad + qMax<qreal>(0, (lh - tick) / 2);
            LayoutBox box = decoration(BoxKind::Tick, QRectF(cx + pad, tickTop, tick, tick), item.id, 1.0);
            box.role = BoxRole::TickBox;
            box.checked = o.chosen;
            box.text = o.value;
            f.boxes.append(box);
            if (o.chosen) {
                LayoutBox mark = textBox(BoxRole::TickBox, TextStyle::Tick, cx + pad + tick * 0.12, tickTop, tickMark,
                                         firstLang(o.label), item.id);
                mark.rect = QRectF(cx + pad, tickTop, tick, tick);
                mark.baseline = tick * 0.86;
                mark.checked = true;
                f.boxes.append(mark);
            }
            qreal y = stackTexts(f, o.label, BoxRole::OptionLabel, TextStyle::BodyBold, cx + pad + tick + gap, pad,
                                 labelWidth, item.id);
            y = qMax(y, tickTop + tick) + pad * 0.5;
            y = stackTexts(f, o.description, BoxRole::OptionLabel, TextStyle::Help, cx + pad, y, cellWidth - 2 * pad,
                           item.id);
            bottom = qMax(bottom, y + pad);
        }
        for (int i : frameIndex)
            f.boxes[i].rect.setHeight(bottom);
        f.height = bottom + pad;
        append(std::move(f));
        return;
    }
    QVector<Fragment> rows;
    for (const ContentOption &o : item.options) {
        Fragment f;
        f.group = group;
        const qreal tickTop = qMax<qreal>(0, (lh - tick) / 2) + pad;
        LayoutBox box = decoration(BoxKind::Tick, QRectF(x + pad, tickTop, tick, tick), item.id, 1.0);
        box.role = BoxRole::TickBox;
        box.checked = o.chosen;
        box.text = o.value;
        f.boxes.append(box);
        if (o.chosen) {
            LayoutBox mark =
                textBox(BoxRole::TickBox, TextStyle::Tick, x + pad, tickTop, tickMark, firstLang(o.label), item.id);
            mark.rect = QRectF(x + pad, tickTop, tick, tick);
            mark.baseline = tick * 0.86;
            mark.checked = true;
            f.boxes.append(mark);
        }
        const qreal tx = x + pad + tick + m_style.bodySize() * 0.6;
        const qreal tw = x + width - pad - tx;
        qreal y = stackTexts(f, o.label, BoxRole::OptionLabel, TextStyle::BodyBold, tx, pad, tw, item.id);
        y = stackTexts(f, o.description, BoxRole::OptionLabel, TextStyle::Help, tx, y, tw, item.id);
        const qreal h = qMax(y, tickTop + tick) + pad;
        f.boxes.prepend(decoration(BoxKind::Frame, QRectF(x, 0, width, h), item.id, o.chosen ? 2.5 : 0.6));
        f.boxes.first().checked = o.chosen;
        if (o.chosen)
            f.boxes.prepend(decoration(BoxKind::Fill, QRectF(x, 0, width, h), item.id, 0, 235));
        f.height = h + pad;
        rows.append(f);
    }
    // A short list stays together; a long one keeps at least its first two options with the question.
    for (int i = 0; i + 1 < rows.size(); ++i)
        rows[i].keepWithNext = i == 0 || rows.size() <= 6;
    for (Fragment &f : rows)
        append(std::move(f));
}

LayoutEngine::Fragment LayoutEngine::tableRow(const ContentItem &item, const QVector<Texts> &cells, bool header,
                                              qreal x, const QVector<qreal> &widths, qreal minHeight) const
{
    Fragment f;
    const qreal pad = m_style.bodySize() * 0.35;
    const BoxRole role = header ? BoxRole::TableHeader : BoxRole::TableCell;
    const TextStyle style = header ? TextStyle::BodyBold : TextStyle::Body;
    QVector<int> frames;
    qreal bottom = minHeight;
    qreal cx = x;
    for (int c = 0; c < widths.size(); ++c) {
        if (header) {
            LayoutBox band = decoration(BoxKind::Fill, QRectF(cx, 0, widths.at(c), 0), item.id, 0, 228);
            band.role = BoxRole::TableHeader;
            frames.append(int(f.boxes.size()));
            f.boxes.append(band);
        }
        LayoutBox frame = decoration(BoxKind::Frame, QRectF(cx, 0, widths.at(c), 0), item.id, 0.6);
        frame.role = role;
        frames.append(int(f.boxes.size()));
        f.boxes.append(frame);
        const Texts texts = c < cells.size() ? cells.at(c) : Texts{};
        const qreal y = stackTexts(f, texts, role, style, cx + pad, pad, widths.at(c) - 2 * pad, item.id);
        bottom = qMax(bottom, y + pad);
        cx += widths.at(c);
    }
    for (int i : frames)
        f.boxes[i].rect.setHeight(bottom);
    f.height = bottom;
    return f;
}

void LayoutEngine::buildTable(const ContentItem &item, int group, qreal x, qreal width)
{
    const int n = qMax(1, int(item.columns.size()));
    const QVector<qreal> widths(n, width / n);
    Fragment header = tableRow(item, item.columns, true, x, widths, 0);
    // The header row is repeated under the "continued" label on every page the table goes on to.
    Group &g = m_groups[group];
    for (LayoutBox b : header.boxes) {
        b.rect.translate(0, g.height);
        b.continued = true;
        g.continuation.append(b);
    }
    g.height += header.height;

    header.group = group;
    header.keepWithNext = true;
    append(std::move(header));
    if (m_content.filled) {
        for (const QStringList &row : item.rows) {
            QVector<Texts> cells;
            for (const QString &cell : row)
                cells.append(Texts{{item.answerLang, cell}});
            Fragment f = tableRow(item, cells, false, x, widths, 0);
            f.group = group;
            append(std::move(f));
        }
    } else {
        for (int i = 0; i < 4; ++i) {
            Fragment f = tableRow(item, {}, false, x, widths, m_style.writeInLine());
            for (LayoutBox &b : f.boxes)
                b.role = BoxRole::WriteIn;
            f.group = group;
            append(std::move(f));
        }
    }
}

void LayoutEngine::buildSignature(const ContentItem &item, int group, qreal x, qreal width)
{
    Fragment f;
    f.group = group;
    const qreal lh = m_style.lineHeight(TextStyle::Body);
    const QString lang = firstLang(item.label);
    qreal y = 0;
    const auto joined = [&](Phrase p) {
        QStringList parts;
        for (const QString &l : m_content.languages)
            parts << phrase(p, l);
        parts.removeDuplicates();
        return parts.join(QStringLiteral(" / "));
    };
    if (m_content.filled) {
        if (!item.declinedReason.isEmpty()) {
            for (const LangText &t : m_content.phrase(Phrase::NotSigned)) {
                for (const QString &line : wrap(t.text.arg(item.declinedReason), TextStyle::Body, width)) {
                    f.boxes.append(textBox(BoxRole::Answer, TextStyle::Body, x, y, line, t.lang, item.id));
                    y += lh;
                }
            }
        }
        if (!item.signedName.isEmpty()) {
            const QString text = joined(Phrase::SignName) + QStringLiteral(": ") + item.signedName;
            f.boxes.append(textBox(BoxRole::Answer, TextStyle::Body, x, y, text, lang, item.id));
            y += lh;
        }
        if (!item.signedDate.isEmpty()) {
            const QString text = joined(Phrase::SignDate) + QStringLiteral(": ") + item.signedDate;
            f.boxes.append(textBox(BoxRole::Answer, TextStyle::Body, x, y, text, lang, item.id));
            y += lh;
        }
        f.height = y;
        append(std::move(f));
        return;
    }
    // Blank: a box to sign in, then lines for the name and the date.
    const qreal line = m_style.writeInLine();
    const struct
    {
        Phrase phrase;
        qreal height;
        BoxRole role;
    } parts[] = {{Phrase::Signature, line * 2, BoxRole::Signature},
                 {Phrase::SignName, line, BoxRole::WriteIn},
                 {Phrase::SignDate, line, BoxRole::WriteIn}};
    const qreal labelWidth = textWidth(joined(Phrase::Signature), TextStyle::Body) + m_style.bodySize();
    for (const auto &part : parts) {
        f.boxes.append(
            textBox(BoxRole::Label, TextStyle::Body, x, y + part.height - lh, joined(part.phrase), lang, item.id));
        LayoutBox box = decoration(part.role == BoxRole::Signature ? BoxKind::Frame : BoxKind::Rule,
                                   QRectF(x + labelWidth, y, width - labelWidth, part.height), item.id, 0.75);
        box.role = part.role;
        f.boxes.append(box);
        y += part.height + m_style.bodySize() * 0.5;
    }
    f.height = y;
    append(std::move(f));
}

} // namespace coform
