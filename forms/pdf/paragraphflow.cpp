#include "pdf/paragraphflow.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPdfWriter>
#include <QTextLayout>

namespace coform {

ParagraphFlow::ParagraphFlow(QPdfWriter *writer, QRectF area)
    : m_writer(writer)
    , m_area(area)
    , m_y(area.top())
{
    m_pages.append(FlowPage());
}

void ParagraphFlow::paragraph(const QFont &font, const QString &text, qreal indent, qreal spaceBefore, bool rule,
                              bool keepWithNext, BoxRole role)
{
    const QFontMetricsF fm(font, m_writer);
    const qreal width = m_area.width() - indent;
    const QRectF bounds = fm.boundingRect(QRectF(0, 0, width, 1e7), Qt::TextWordWrap, text);
    const qreal need = bounds.height() + spaceBefore + (keepWithNext ? fm.lineSpacing() * 2 : 0);
    if (m_y + need > m_area.bottom() && m_y > m_area.top())
        newPage();
    else
        m_y += spaceBefore;
    const QRectF rect(m_area.left() + indent, m_y, width, bounds.height());
    m_pages.last().append({font, rect, lines(font, text, rect), rule, role, m_group});
    m_y += bounds.height() + fm.lineSpacing() * 0.35;
}

void ParagraphFlow::newPage()
{
    m_pages.append(FlowPage());
    m_y = m_area.top();
}

/// The text broken into lines as QPainter::drawText(rect, Qt::TextWordWrap) does, so that each line can be drawn (and
/// tagged) on its own.
QVector<FlowLine> ParagraphFlow::lines(const QFont &font, const QString &text, const QRectF &rect) const
{
    QVector<FlowLine> out;
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

QRectF setUpFlowWriter(QPdfWriter &writer, const QString &title, qreal marginMm, qreal footerMm)
{
    writer.setTitle(title);
    writer.setCreator(QStringLiteral("Coform"));
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter);
    writer.setResolution(300);
    const qreal dotsPerMm = writer.resolution() / 25.4;
    const qreal margin = marginMm * dotsPerMm;
    return QRectF(0, 0, writer.width(), writer.height())
        .adjusted(margin, margin, -margin, -margin - footerMm * dotsPerMm);
}

QFont flowFont(qreal points, bool bold)
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setStyleHint(QFont::SansSerif);
    f.setPointSizeF(points);
    f.setBold(bold);
    // No ligatures: "staff" drawn with an "ff" glyph reads back as "sta\ufb00" in a reader's copy, search and
    // text-to-speech.
    f.setStyleStrategy(QFont::PreferNoShaping);
    return f;
}

PageDrawLog drawFlowPage(QPainter &painter, const FlowPage &page, const QRectF &area, qreal resolution)
{
    const qreal dotsPerMm = resolution / 25.4;
    const qreal toPoints = 72.0 / resolution;
    const auto points = [&](const QRectF &r) {
        return QRectF(r.left() * toPoints, r.top() * toPoints, r.width() * toPoints, r.height() * toPoints);
    };
    PageDrawLog log;
    for (const FlowBlock &b : page) {
        if (b.rule) {
            painter.setPen(QPen(Qt::black, dotsPerMm * 0.3));
            painter.drawLine(QPointF(area.left(), b.rect.top() - dotsPerMm * 2),
                             QPointF(area.right(), b.rect.top() - dotsPerMm * 2));
        }
        painter.setPen(Qt::black);
        painter.setFont(b.font);
        for (qsizetype l = 0; l < b.lines.size(); ++l) {
            const FlowLine &line = b.lines.at(l);
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
    return log;
}

} // namespace coform
