#include "pdf/whatchangedpdf.h"

#include "pdf/pdftagger.h"

#include <QBuffer>
#include <QFontMetricsF>
#include <QPainter>
#include <QPdfWriter>
#include <QTextLayout>

namespace coform {

namespace {

constexpr qreal MarginMm = 20;
constexpr qreal BodyPt = 13;

struct Line
{
    QString text;
    QPointF origin; ///< where the line is drawn (left end of the baseline)
    QRectF rect;    ///< the line's box
};

struct Block
{
    QFont font;
    QRectF rect;
    QVector<Line> lines;
    bool rule = false; ///< a thin line above the block (between changes)
    BoxRole role = BoxRole::Info;
    QString group; ///< the change (or part of the form) the block belongs to: one structure group each
};
using Page = QVector<Block>;

/// Lays out paragraphs top to bottom, starting a new page when one does not fit.
class PageFlow
{
public:
    PageFlow(QPdfWriter *writer, QRectF area)
        : m_writer(writer)
        , m_area(area)
        , m_y(area.top())
    {
        m_pages.append(Page());
    }

    /// Starts the blocks of one change (or of the form as a whole): they are tagged as one group.
    void group(const QString &id) { m_group = id; }

    void paragraph(const QFont &font, const QString &text, qreal indent = 0, qreal spaceBefore = 0, bool rule = false,
                   bool keepWithNext = false, BoxRole role = BoxRole::Info)
    {
        const QFontMetricsF fm(font, m_writer);
        const qreal width = m_area.width() - indent;
        const QRectF bounds = fm.boundingRect(QRectF(0, 0, width, 1e7), Qt::TextWordWrap, text);
        // Headings keep at least two lines of what follows with them.
        const qreal need = bounds.height() + spaceBefore + (keepWithNext ? fm.lineSpacing() * 2 : 0);
        if (m_y + need > m_area.bottom() && m_y > m_area.top())
            newPage();
        else
            m_y += spaceBefore;
        const QRectF rect(m_area.left() + indent, m_y, width, bounds.height());
        m_pages.last().append({font, rect, lines(font, text, rect), rule, role, m_group});
        m_y += bounds.height() + fm.lineSpacing() * 0.35;
    }

    void newPage()
    {
        m_pages.append(Page());
        m_y = m_area.top();
    }

    const QVector<Page> &pages() const { return m_pages; }

private:
    /// The text broken into lines as QPainter::drawText(rect, Qt::TextWordWrap) does, so that each line can be drawn
    /// (and tagged) on its own.
    QVector<Line> lines(const QFont &font, const QString &text, const QRectF &rect) const
    {
        QVector<Line> out;
        QTextLayout layout(text, font, m_writer);
        QTextOption option;
        option.setWrapMode(QTextOption::WordWrap);
        layout.setTextOption(option);
        const qreal leading = QFontMetricsF(font, m_writer).leading();
        qreal y = 0;
        layout.beginLayout();
        for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
            line.setLineWidth(rect.width());
            y += leading;
            line.setPosition(QPointF(0, y));
            const QString part = text.mid(line.textStart(), line.textLength());
            out.append({part.trimmed(), QPointF(rect.left(), rect.top() + y + line.ascent()),
                        QRectF(rect.left(), rect.top() + y, rect.width(), line.height())});
            y += line.height();
        }
        layout.endLayout();
        return out;
    }

    QPdfWriter *m_writer;
    QRectF m_area;
    qreal m_y;
    QVector<Page> m_pages;
    QString m_group;
};

QFont font(QPdfWriter *, qreal points, bool bold)
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setStyleHint(QFont::SansSerif);
    f.setPointSizeF(points);
    f.setBold(bold);
    return f;
}

QString changesInWords(const ItemDiff &d)
{
    QStringList words;
    for (ItemDiff::Change c : d.changes)
        words.append(TemplateDiff::changeName(c));
    QString text = words.join(QStringLiteral(", "));
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

} // namespace

bool writeWhatChangedPdf(const TemplateDiff &diff, const WhatChangedOptions &options, QByteArray *pdf, QString *error)
{
    QBuffer buffer(pdf);
    pdf->clear();
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    const QString versions = diff.fromVersion == 0
                                 ? QStringLiteral("version %1, the first version").arg(diff.toVersion)
                                 : QStringLiteral("version %1 to version %2").arg(diff.fromVersion).arg(diff.toVersion);
    const QString title = QStringLiteral("What changed: %1, %2").arg(diff.title, versions);
    writer.setTitle(title);
    writer.setCreator(QStringLiteral("Coform"));
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter);
    writer.setResolution(300);
    const qreal dotsPerMm = writer.resolution() / 25.4;
    const QRectF page(0, 0, writer.width(), writer.height());
    const qreal margin = MarginMm * dotsPerMm;
    const QRectF area = page.adjusted(margin, margin, -margin, -margin - 12 * dotsPerMm);

    const QFont heading = font(&writer, 20, true);
    const QFont subheading = font(&writer, 15, true);
    const QFont body = font(&writer, BodyPt, false);
    const QFont strong = font(&writer, BodyPt, true);
    const QFont footer = font(&writer, 12, false);

    PageFlow flow(&writer, area);
    flow.paragraph(heading, QStringLiteral("What changed"), 0, 0, false, false, BoxRole::Title);
    flow.paragraph(subheading, QStringLiteral("%1: %2").arg(diff.title, versions), 0, 0, false, false, BoxRole::Notice);
    flow.paragraph(
        body,
        diff.fromVersion == 0
            ? QStringLiteral("This is the first version of the form, so every section and question in it is "
                             "new. They are all listed here, with who wrote them.")
            : QStringLiteral("You said, we did. This lists every change to the form between the two "
                             "versions. Beside each change are the comments that led to it and who made it."),
        0, body.pointSizeF(), false, false, BoxRole::Notice);
    flow.paragraph(body,
                   QStringLiteral("This document is available in other formats: large print, easy read, audio "
                                  "or Braille. Ask your key contact."),
                   0, 0, false, false, BoxRole::Notice);
    if (diff.isEmpty())
        flow.paragraph(strong, QStringLiteral("Nothing changed between these versions."), 0, BodyPt, false, false,
                       BoxRole::Notice);
    if (!diff.templateDetails.isEmpty()) {
        flow.group(QStringLiteral("form"));
        flow.paragraph(subheading, QStringLiteral("The form as a whole"), 0, BodyPt, true, true, BoxRole::Label);
        for (const QString &line : diff.templateDetails)
            flow.paragraph(body, line, BodyPt * dotsPerMm * 0.35);
    }
    for (const SectionDiff &s : diff.sections) {
        QStringList words;
        for (SectionDiff::Change c : s.changes)
            words.append(TemplateDiff::changeName(c));
        flow.group(QStringLiteral("section:") + s.sectionId);
        flow.paragraph(subheading,
                       QStringLiteral("Section: %1").arg(s.titleAfter.isEmpty() ? s.titleBefore : s.titleAfter), 0,
                       BodyPt, true, true, BoxRole::Label);
        flow.paragraph(body, QStringLiteral("Section %1").arg(words.join(QStringLiteral(", "))));
        for (const QString &line : s.details)
            flow.paragraph(body, line, BodyPt * dotsPerMm * 0.35);
    }
    const qreal indent = 6 * dotsPerMm;
    for (const ItemDiff &d : diff.items) {
        flow.group(QStringLiteral("item:") + d.itemId);
        flow.paragraph(subheading, d.label().isEmpty() ? d.itemId : d.label(), 0, BodyPt, true, true, BoxRole::Label);
        flow.paragraph(body, QStringLiteral("%1 (question id: %2)").arg(changesInWords(d), d.itemId));
        flow.paragraph(strong, QStringLiteral("We did:"), 0, BodyPt * 0.5, false, true);
        for (const QString &line : d.details)
            flow.paragraph(body, line, indent);
        if (d.details.isEmpty())
            flow.paragraph(body, changesInWords(d), indent);
        for (const DiffNote &n : d.notes) {
            if (n.kind == DiffNote::Kind::Note)
                flow.paragraph(body, QStringLiteral("Why: %1 (%2)").arg(n.text, n.author), indent);
        }
        if (!d.authors.isEmpty())
            flow.paragraph(body, QStringLiteral("Changed by: %1").arg(d.authors.join(QStringLiteral(", "))), indent);
        bool anyComment = false;
        for (const DiffNote &n : d.notes) {
            if (n.kind != DiffNote::Kind::Comment)
                continue;
            if (!anyComment)
                flow.paragraph(strong, QStringLiteral("You said:"), 0, BodyPt * 0.5, false, true);
            anyComment = true;
            flow.paragraph(body,
                           QStringLiteral("\u201c%1\u201d (%2, %3)")
                               .arg(n.text, n.author,
                                    QLocale(QLocale::English, QLocale::UnitedKingdom)
                                        .toString(n.at.toLocalTime().date(), QStringLiteral("d MMMM yyyy"))),
                           indent);
        }
    }

    if (!diff.notChanged.isEmpty() || !diff.translationsNotUpdated.isEmpty()) {
        flow.group(QStringLiteral("not-changed"));
        flow.paragraph(subheading, QStringLiteral("Not changed, and why"), 0, BodyPt, true, true, BoxRole::Label);
        flow.paragraph(body,
                       QStringLiteral("What the group asked for that this version does not change, and the reason."));
        for (const NotChangedNote &n : diff.notChanged) {
            flow.paragraph(strong, n.label.isEmpty() ? n.itemId : n.label, 0, BodyPt * 0.5, false, true);
            flow.paragraph(body,
                           QStringLiteral("You said: \u201c%1\u201d (%2, %3)")
                               .arg(n.comment, n.author,
                                    QLocale(QLocale::English, QLocale::UnitedKingdom)
                                        .toString(n.at.toLocalTime().date(), QStringLiteral("d MMMM yyyy"))),
                           indent);
            flow.paragraph(body, QStringLiteral("Why not: %1 (%2)").arg(n.reason, n.reasonBy), indent);
        }
        for (const TranslationsNotUpdated &n : diff.translationsNotUpdated) {
            flow.paragraph(strong, QStringLiteral("Translations of version %1").arg(n.version), 0, BodyPt * 0.5, false,
                           true);
            flow.paragraph(body, QStringLiteral("%1 (%2)").arg(n.sentence(), n.reasonBy), indent);
        }
    }

    const QDate produced = options.produced.isValid() ? options.produced : QDate::currentDate();
    const QString producedText =
        QLocale(QLocale::English, QLocale::UnitedKingdom).toString(produced, QStringLiteral("d MMMM yyyy"));
    QPainter painter;
    if (!painter.begin(&writer)) {
        *error = QStringLiteral("cannot start the PDF");
        return false;
    }
    // What is drawn where, in points, for the tagging pass.
    const qreal toPoints = 72.0 / writer.resolution();
    const auto points = [&](const QRectF &r) {
        return QRectF(r.left() * toPoints, r.top() * toPoints, r.width() * toPoints, r.height() * toPoints);
    };
    QVector<PageDrawLog> drawn;
    const QVector<Page> &pages = flow.pages();
    for (qsizetype p = 0; p < pages.size(); ++p) {
        if (p > 0)
            writer.newPage();
        PageDrawLog log;
        for (const Block &b : pages[p]) {
            if (b.rule) {
                painter.setPen(QPen(Qt::black, dotsPerMm * 0.3));
                painter.drawLine(QPointF(area.left(), b.rect.top() - dotsPerMm * 2),
                                 QPointF(area.right(), b.rect.top() - dotsPerMm * 2));
            }
            painter.setPen(Qt::black);
            painter.setFont(b.font);
            for (qsizetype l = 0; l < b.lines.size(); ++l) {
                const Line &line = b.lines.at(l);
                painter.drawText(line.origin, line.text);
                DrawnBox box;
                box.role = b.role;
                box.itemId = b.group;
                box.lang = QStringLiteral("en");
                box.rect = points(line.rect);
                box.text = line.text;
                box.newBlock = l == 0;
                log.append(box);
            }
        }
        painter.setFont(footer);
        const QRectF footerRect(area.left(), page.bottom() - margin - 11 * dotsPerMm, area.width(), 11 * dotsPerMm);
        DrawnBox footerBox;
        footerBox.role = BoxRole::Footer;
        footerBox.rect = points(footerRect);
        footerBox.text = QStringLiteral("Page %1 of %2").arg(p + 1).arg(pages.size());
        log.append(footerBox);
        drawn.append(log);
        painter.drawText(footerRect, Qt::AlignLeft | Qt::AlignBottom | Qt::TextWordWrap,
                         QStringLiteral("Page %1 of %2\n%3 version %4: %5. %6")
                             .arg(p + 1)
                             .arg(pages.size())
                             .arg(diff.templateId)
                             .arg(diff.toVersion)
                             .arg(diff.fromVersion == 0
                                      ? QStringLiteral("the first version")
                                      : QStringLiteral("what changed since version %1").arg(diff.fromVersion),
                                  producedText));
    }
    if (!painter.end()) {
        *error = QStringLiteral("cannot finish the PDF");
        return false;
    }
    buffer.close();
    const TagOptions tags{title, QStringLiteral("en-GB"), false};
    return runPdfPasses(pdf, {[&](QPDF &q, QString *e) { return tagPdf(q, drawn, tags, e); }},
                        QStringLiteral("the What changed PDF"), error);
}

} // namespace coform
