#include "pdf/aboutformpdf.h"

#include "pdf/paragraphflow.h"
#include "pdf/pdfpasses.h"

#include <QBuffer>
#include <QLocale>
#include <QPainter>
#include <QPdfWriter>

namespace coform {

namespace {

constexpr qreal MarginMm = 20;
constexpr qreal BodyPt = 13;

QString day(const QDate &date)
{
    return QLocale(QLocale::English, QLocale::UnitedKingdom).toString(date, QStringLiteral("d MMMM yyyy"));
}

QString roleWords(Role role)
{
    switch (role) {
    case Role::Coproducer:
        return QStringLiteral("a person with lived experience (co-producer)");
    case Role::Reviewer:
        return QStringLiteral("a member of staff (reviewer)");
    case Role::Admin:
        return QStringLiteral("a member of staff (admin)");
    }
    return {};
}

QString plural(int n, const QString &one, const QString &many)
{
    return QStringLiteral("%1 %2").arg(n).arg(n == 1 ? one : many);
}

/// One part of "About this form": a heading and its paragraphs.
struct Part
{
    QString id;
    QString heading;
    QStringList lines;
};

/// How much of the history is written out: the newest `versions` in full (each with at most `changes` lines, -1 for
/// all), the older ones summed up in one line; `uncovered` requirements named at most (-1 for all).
struct Detail
{
    int versions = -1;
    int changes = -1;
    int uncovered = -1;
};

QString subtitle(const Provenance &p)
{
    return QStringLiteral("%1, version %2").arg(p.title).arg(p.version);
}

QStringList madeBy(const Provenance &p)
{
    QStringList out;
    out << QStringLiteral("Made by %1 (%2).").arg(p.organisationName, p.organisationCode);
    if (p.publishedAt.isValid())
        out << QStringLiteral("Published %1.").arg(day(p.publishedAt.toLocalTime().date()));
    if (!p.adaptedFromOrganisation.isEmpty())
        out << QStringLiteral("Adapted from %1's form \u201c%2\u201d, version %3.")
                   .arg(p.adaptedFromOrganisation, p.adaptedFromTemplateId)
                   .arg(p.adaptedFromVersion);
    return out;
}

QVector<Part> parts(const Provenance &p, const Detail &detail)
{
    QVector<Part> out;

    Part approvals{QStringLiteral("approvals"), QStringLiteral("Who approved it"), {}};
    for (const ProvenanceApproval &a : p.approvals) {
        approvals.lines
            << (a.name.isEmpty()
                    ? QStringLiteral("Approved by %1 on %2.").arg(roleWords(a.role), day(a.date))
                    : QStringLiteral("Approved by %1, %2, on %3.").arg(a.name, roleWords(a.role), day(a.date)));
    }
    if (p.approvals.isEmpty())
        approvals.lines << QStringLiteral("No approvals are recorded for this version.");
    out.append(approvals);

    Part coverage{QStringLiteral("coverage"), QStringLiteral("What it covers"), {}};
    if (p.requirementsTotal <= 0) {
        coverage.lines << QStringLiteral("No framework requirements were set for this form.");
    } else {
        coverage.lines << QStringLiteral("Covers %1 of the %2 framework requirements.")
                              .arg(p.requirementsCovered)
                              .arg(p.requirementsTotal);
        if (!p.uncovered.isEmpty()) {
            QStringList named = p.uncovered;
            if (detail.uncovered >= 0 && named.size() > detail.uncovered) {
                const int more = int(named.size()) - detail.uncovered;
                named = named.mid(0, detail.uncovered);
                named << QStringLiteral("and %1").arg(plural(more, QStringLiteral("more"), QStringLiteral("more")));
            }
            coverage.lines << QStringLiteral("Not covered: %1.").arg(named.join(QStringLiteral("; ")));
        }
        if (!p.coverageReason.isEmpty())
            coverage.lines << QStringLiteral("Why it was published like this: %1").arg(p.coverageReason);
    }
    out.append(coverage);

    Part words{QStringLiteral("plain-words"), QStringLiteral("How plain its words are"), {}};
    words.lines << QStringLiteral("The form has %1.")
                       .arg(plural(p.questions, QStringLiteral("question"), QStringLiteral("questions")));
    words.lines << QStringLiteral("Reading ease: %1 out of 100. 60 or more is plain English that most people read "
                                  "easily; the higher, the easier.")
                       .arg(qRound(p.readingEase));
    words.lines << QStringLiteral("Sentences have %1 words on average. Up to 20 words is easy to follow.")
                       .arg(QLocale(QLocale::English, QLocale::UnitedKingdom).toString(p.wordsPerSentence, 'f', 1));
    words.lines << (p.longSentences == 0
                        ? QStringLiteral("No sentence is longer than 20 words.")
                        : QStringLiteral("%1 longer than 20 words.")
                              .arg(p.longSentences == 1 ? QStringLiteral("1 sentence is")
                                                        : QStringLiteral("%1 sentences are").arg(p.longSentences)));
    words.lines << (p.jargonWords == 0 ? QStringLiteral("No jargon words were found.")
                                       : QStringLiteral("%1 found: words that people may not know.")
                                             .arg(plural(p.jargonWords, QStringLiteral("jargon word"),
                                                         QStringLiteral("jargon words"))));
    out.append(words);

    // Newest version first; the oldest summed up when they do not fit.
    const int all = int(p.history.size());
    const int shown = detail.versions < 0 ? all : qMin(all, detail.versions);
    for (int i = all - 1; i >= all - shown; --i) {
        const ProvenanceVersion &v = p.history.at(i);
        Part part{QStringLiteral("version:%1").arg(v.version),
                  v.published.isValid()
                      ? QStringLiteral("What changed in version %1 (published %2)").arg(v.version).arg(day(v.published))
                      : QStringLiteral("What changed in version %1").arg(v.version),
                  {}};
        QStringList lines = v.changes;
        for (const QString &n : v.notChanged)
            lines << QStringLiteral("Not changed, and why: %1").arg(n);
        if (detail.changes >= 0 && lines.size() > detail.changes) {
            const int more = int(lines.size()) - detail.changes;
            lines = lines.mid(0, detail.changes);
            lines << QStringLiteral("And %1.").arg(
                plural(more, QStringLiteral("more change"), QStringLiteral("more changes")));
        }
        if (lines.isEmpty())
            lines << (v.version == 1 ? QStringLiteral("The first version.") : QStringLiteral("No changes recorded."));
        part.lines = lines;
        out.append(part);
    }
    if (shown < all) {
        const int earlier = all - shown;
        int changes = 0;
        for (int i = 0; i < earlier; ++i)
            changes += int(p.history.at(i).changes.size());
        Part rest{QStringLiteral("earlier-versions"), QString(), {}};
        rest.lines << QStringLiteral("And %1 (%2), with %3 in all.")
                          .arg(plural(earlier, QStringLiteral("earlier version"), QStringLiteral("earlier versions")),
                               earlier == 1 ? QStringLiteral("version %1").arg(p.history.first().version)
                                            : QStringLiteral("versions %1 to %2")
                                                  .arg(p.history.first().version)
                                                  .arg(p.history.at(earlier - 1).version),
                               plural(changes, QStringLiteral("change"), QStringLiteral("changes")));
        out.append(rest);
    }
    return out;
}

/// The page laid out at one level of detail.
ParagraphFlow layOut(const Provenance &p, const Detail &detail, QPdfWriter *writer, const QRectF &area)
{
    const qreal dotsPerMm = writer->resolution() / 25.4;
    const QFont heading = flowFont(20, true);
    const QFont subheading = flowFont(15, true);
    const QFont body = flowFont(BodyPt, false);
    ParagraphFlow flow(writer, area);
    flow.paragraph(heading, QStringLiteral("About this form"), 0, 0, false, false, BoxRole::Title);
    flow.paragraph(subheading, subtitle(p), 0, 0, false, false, BoxRole::Notice);
    flow.group(QStringLiteral("made-by"));
    for (const QString &line : madeBy(p))
        flow.paragraph(body, line, 0, 0, false, false, BoxRole::Notice);
    bool inHistory = false;
    for (const Part &part : parts(p, detail)) {
        flow.group(part.id);
        const bool version =
            part.id.startsWith(QLatin1String("version:")) || part.id == QLatin1String("earlier-versions");
        if (version && !inHistory) {
            flow.group(QStringLiteral("history"));
            flow.paragraph(subheading, QStringLiteral("What changed"), 0, BodyPt, true, true, BoxRole::Label);
            inHistory = true;
            flow.group(part.id);
        }
        if (!part.heading.isEmpty()) {
            const QFont &font = version ? flowFont(BodyPt, true) : subheading;
            flow.paragraph(font, part.heading, 0, version ? BodyPt * 0.5 : BodyPt, !version, true,
                           version ? BoxRole::Info : BoxRole::Label);
        }
        for (const QString &line : part.lines)
            flow.paragraph(body, line, version ? 4 * dotsPerMm : 0);
    }
    return flow;
}

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

} // namespace

bool writeAboutFormPdf(const Provenance &provenance, QDate produced, QByteArray *pdf, QString *error)
{
    QBuffer buffer(pdf);
    pdf->clear();
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    const QString title = QStringLiteral("About this form: %1").arg(subtitle(provenance));
    const QRectF area = setUpFlowWriter(writer, title, MarginMm, 8);
    const qreal dotsPerMm = writer.resolution() / 25.4;

    // Less and less of the history until it fits on one page.
    const int versions = int(provenance.history.size());
    QVector<Detail> details;
    for (int shown = versions; shown >= 1; --shown)
        details.append({shown, -1, -1});
    for (int changes : {6, 3, 1})
        details.append({1, changes, -1});
    details.append({0, -1, 8});
    details.append({0, -1, 3});
    ParagraphFlow flow = layOut(provenance, details.first(), &writer, area);
    for (qsizetype i = 1; i < details.size() && flow.pages().size() > 1; ++i)
        flow = layOut(provenance, details.at(i), &writer, area);

    const QDate when = produced.isValid() ? produced : QDate::currentDate();
    QPainter painter;
    if (!painter.begin(&writer)) {
        *error = QStringLiteral("cannot start the PDF");
        return false;
    }
    const qreal toPoints = 72.0 / writer.resolution();
    QVector<PageDrawLog> drawn;
    const QVector<FlowPage> &pages = flow.pages();
    for (qsizetype p = 0; p < pages.size(); ++p) {
        if (p > 0)
            writer.newPage();
        PageDrawLog log = drawFlowPage(painter, pages.at(p), area, writer.resolution());
        painter.setFont(flowFont(11, false));
        const QRectF footerRect(area.left(), area.bottom() + dotsPerMm, area.width(), 7 * dotsPerMm);
        const QString footer =
            QStringLiteral("%1 version %2. Produced %3.%4")
                .arg(provenance.templateId)
                .arg(provenance.version)
                .arg(day(when),
                     pages.size() > 1 ? QStringLiteral(" Page %1 of %2").arg(p + 1).arg(pages.size()) : QString());
        DrawnBox footerBox;
        footerBox.role = BoxRole::Footer;
        footerBox.rect = QRectF(footerRect.left() * toPoints, footerRect.top() * toPoints,
                                footerRect.width() * toPoints, footerRect.height() * toPoints);
        footerBox.text = footer;
        log.append(footerBox);
        drawn.append(log);
        painter.drawText(footerRect, Qt::AlignLeft | Qt::AlignBottom | Qt::TextWordWrap, footer);
    }
    if (!painter.end()) {
        *error = QStringLiteral("cannot finish the PDF");
        return false;
    }
    buffer.close();
    const TagOptions tags{title, QStringLiteral("en-GB"), false};
    return tagDrawnPdf(pdf, drawn, tags, QStringLiteral("the About this form PDF"), error);
}

QString aboutFormHtml(const Provenance &provenance)
{
    QString h = QStringLiteral("<section aria-labelledby=\"about-this-form\" lang=\"en-GB\">\n"
                               "<h2 id=\"about-this-form\">About this form</h2>\n");
    h += QStringLiteral("<p><strong>%1</strong></p>\n").arg(esc(subtitle(provenance)));
    for (const QString &line : madeBy(provenance))
        h += QStringLiteral("<p>%1</p>\n").arg(esc(line));
    bool inHistory = false;
    for (const Part &part : parts(provenance, Detail{})) {
        const bool version = part.id.startsWith(QLatin1String("version:"));
        if (version && !inHistory) {
            h += QStringLiteral("<h3>What changed</h3>\n");
            inHistory = true;
        }
        h += QStringLiteral("<%1>%2</%1>\n")
                 .arg(version ? QStringLiteral("h4") : QStringLiteral("h3"), esc(part.heading));
        h += QStringLiteral("<ul>\n");
        for (const QString &line : part.lines)
            h += QStringLiteral("<li>%1</li>\n").arg(esc(line));
        h += QStringLiteral("</ul>\n");
    }
    h += QStringLiteral("</section>\n");
    return h;
}

} // namespace coform
