#pragma once

#include "pdf/pdfwriter.h"

#include <QFont>
#include <QRectF>
#include <QString>
#include <QVector>

class QPainter;
class QPdfWriter;

namespace coform {

/// One line of a laid-out paragraph.
struct FlowLine
{
    QString text;
    QPointF origin; ///< where the line is drawn (left end of the baseline)
    QRectF rect;    ///< the line's box
};

/// One paragraph, broken into lines, in the writer's device units.
struct FlowBlock
{
    QFont font;
    QRectF rect;
    QVector<FlowLine> lines;
    bool rule = false; ///< a thin line above the block (between parts)
    BoxRole role = BoxRole::Info;
    QString group; ///< the part of the document the block belongs to: one structure group each
};
using FlowPage = QVector<FlowBlock>;

/// Lays out plain paragraphs top to bottom on QPdfWriter pages, starting a new page when one does not fit: the simple
/// documents ("What changed", "About this form") that are not forms.
class ParagraphFlow
{
public:
    ParagraphFlow(QPdfWriter *writer, QRectF area);

    /// Starts the blocks of one part (a change, a version): they are tagged as one group.
    void group(const QString &id) { m_group = id; }

    /// Headings (keepWithNext) keep at least two lines of what follows with them.
    void paragraph(const QFont &font, const QString &text, qreal indent = 0, qreal spaceBefore = 0, bool rule = false,
                   bool keepWithNext = false, BoxRole role = BoxRole::Info);
    void newPage();

    const QVector<FlowPage> &pages() const { return m_pages; }

private:
    QVector<FlowLine> lines(const QFont &font, const QString &text, const QRectF &rect) const;

    QPdfWriter *m_writer;
    QRectF m_area;
    qreal m_y;
    QVector<FlowPage> m_pages;
    QString m_group;
};

/// Sets `writer` up for these documents: A4 at 300 dots an inch, no printer margins, the title, made by Coform.
/// Returns the area to lay out in (device units): `marginMm` in from each edge, and `footerMm` more at the bottom.
QRectF setUpFlowWriter(QPdfWriter &writer, const QString &title, qreal marginMm, qreal footerMm);

/// The sans-serif font of these documents (DejaVu Sans, embedded), without ligatures.
QFont flowFont(qreal points, bool bold);

/// Draws one page's blocks (a rule above ruled blocks across `area`) and returns what was drawn where, in points, for
/// the tagging pass (pdftagger.h).
PageDrawLog drawFlowPage(QPainter &painter, const FlowPage &page, const QRectF &area, qreal resolution);

} // namespace coform
