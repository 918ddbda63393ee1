#include "pdf/whatchangedpdf.h"

#include "pdf/paragraphflow.h"
#include "pdf/pdfpasses.h"

#include <QBuffer>
#include <QPainter>
#include <QPdfWriter>

namespace coform {

namespace {

constexpr qreal MarginMm = 20;
constexpr qreal BodyPt = 13;

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
    const QRectF area = setUpFlowWriter(writer, title, MarginMm, 12);
    const qreal dotsPerMm = writer.resolution() / 25.4;

    const QFont heading = flowFont(20, true);
    const QFont subheading = flowFont(15, true);
    const QFont body = flowFont(BodyPt, false);
    const QFont strong = flowFont(BodyPt, true);
    const QFont footer = flowFont(12, false);

    ParagraphFlow flow(&writer, area);
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
    const QVector<FlowPage> &pages = flow.pages();
    for (qsizetype p = 0; p < pages.size(); ++p) {
        if (p > 0)
            writer.newPage();
        PageDrawLog log = drawFlowPage(painter, pages[p], area, writer.resolution());
        painter.setFont(footer);
        const QRectF footerRect(area.left(), area.bottom() + dotsPerMm, area.width(), 11 * dotsPerMm);
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
    return tagDrawnPdf(pdf, drawn, tags, QStringLiteral("the What changed PDF"), error);
}

} // namespace coform
