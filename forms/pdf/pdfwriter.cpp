#include "pdf/pdfwriter.h"

#include "pdf/pagepainter.h"

#include <QBuffer>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>

namespace coform {

PdfWriter::PdfWriter(const PrintStyle &style)
    : m_style(style)
{}

bool PdfWriter::write(const Layout &layout, QByteArray *pdf, QString *error) const
{
    QBuffer buffer(pdf);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setResolution(72);
    writer.setTitle(layout.title);
    writer.setCreator(QStringLiteral("Coform"));
    if (m_pdfA)
        writer.setPdfVersion(QPagedPaintDevice::PdfVersion_A1b);
    const QSizeF size = layout.pageSize;
    const QPageSize pageSize =
        qAbs(size.width() - 595.276) < 1 && qAbs(size.height() - 841.89) < 1
            ? QPageSize(QPageSize::A4)
            : (qAbs(size.width() - 612) < 1 && qAbs(size.height() - 792) < 1 ? QPageSize(QPageSize::Letter)
                                                                             : QPageSize(size, QPageSize::Point));
    writer.setPageLayout(QPageLayout(pageSize, QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));

    QPainter painter;
    if (!painter.begin(&writer)) {
        if (error)
            *error = QStringLiteral("cannot start writing the PDF");
        return false;
    }
    if (m_log) {
        m_log->clear();
        m_log->reserve(layout.pages.size());
    }

    const PagePainter pagePainter(m_style);
    for (int p = 0; p < layout.pages.size(); ++p) {
        if (p > 0)
            writer.newPage();
        pagePainter.paint(painter, layout.pages.at(p));
        if (!m_log)
            continue;
        PageDrawLog drawn;
        drawn.reserve(layout.pages.at(p).boxes.size());
        for (const LayoutBox &b : layout.pages.at(p).boxes)
            drawn.append({b.role, b.kind, b.itemId, b.lang, b.rect, b.text});
        m_log->append(std::move(drawn));
    }
    if (!painter.end()) {
        if (error)
            *error = QStringLiteral("cannot finish writing the PDF");
        return false;
    }
    buffer.close();
    if (!layout.language.isEmpty() && !setDocumentLanguage(pdf, layout.language)) {
        if (error)
            *error = QStringLiteral("cannot set the document language of the PDF");
        return false;
    }
    return true;
}

bool PdfWriter::setDocumentLanguage(QByteArray *pdf, const QString &lang)
{
    // The trailer names the catalogue ("/Root N 0 R"); startxref gives the offset of the last cross-reference table.
    const qsizetype trailer = pdf->lastIndexOf("trailer");
    if (trailer < 0)
        return false;
    static const QRegularExpression rootRe(QStringLiteral("/Root\\s+(\\d+)\\s+0\\s+R"));
    static const QRegularExpression sizeRe(QStringLiteral("/Size\\s+(\\d+)"));
    static const QRegularExpression startRe(QStringLiteral("startxref\\s+(\\d+)"));
    const QString tail = QString::fromLatin1(pdf->mid(trailer));
    const QRegularExpressionMatch root = rootRe.match(tail);
    const QRegularExpressionMatch size = sizeRe.match(tail);
    const QRegularExpressionMatch start = startRe.match(tail);
    if (!root.hasMatch() || !size.hasMatch() || !start.hasMatch())
        return false;
    const QByteArray rootNumber = root.captured(1).toLatin1();
    const QByteArray header = "\n" + rootNumber + " 0 obj";
    qsizetype objStart = pdf->indexOf(header);
    if (objStart < 0)
        return false;
    objStart += 1;
    const qsizetype dictStart = pdf->indexOf("<<", objStart);
    const qsizetype objEnd = pdf->indexOf("endobj", objStart);
    if (dictStart < 0 || objEnd < 0 || dictStart > objEnd)
        return false;
    const qsizetype dictEnd = pdf->lastIndexOf(">>", objEnd);
    if (dictEnd < dictStart)
        return false;
    QByteArray dict = pdf->mid(dictStart + 2, dictEnd - dictStart - 2);
    if (dict.contains("/Lang"))
        return true;

    QByteArray escaped;
    for (const char c : lang.toLatin1()) {
        if (c == '(' || c == ')' || c == '\\')
            escaped += '\\';
        escaped += c;
    }
    if (!pdf->endsWith('\n'))
        pdf->append('\n');
    const qsizetype newObjOffset = pdf->size();
    pdf->append(rootNumber + " 0 obj\n<<" + dict + "/Lang (" + escaped + ")\n>>\nendobj\n");
    const qsizetype xrefOffset = pdf->size();
    pdf->append("xref\n" + rootNumber + " 1\n" + QByteArray::number(newObjOffset).rightJustified(10, '0')
                + " 00000 n \n");
    // The new trailer repeats the old one's entries (Info, ID) with /Prev pointing at the previous table.
    const qsizetype dictOpen = pdf->indexOf("<<", trailer);
    const qsizetype dictClose = pdf->indexOf("startxref", trailer);
    QByteArray oldTrailer = pdf->mid(dictOpen, dictClose - dictOpen).trimmed();
    if (!oldTrailer.startsWith("<<") || !oldTrailer.endsWith(">>"))
        return false;
    oldTrailer.chop(2);
    pdf->append("trailer\n" + oldTrailer + "/Prev " + start.captured(1).toLatin1() + "\n>>\nstartxref\n"
                + QByteArray::number(xrefOffset) + "\n%%EOF\n");
    return true;
}

} // namespace coform
