#include "pdf/documentwriter.h"

#include "pdf/pdffont.h"
#include "pdf/pdfobjects.h"
#include "pdf/tagwriter.h"

#include <QDateTime>

#include <cmath>
#include <memory>
#include <string>
#include <vector>

namespace coform {

namespace {

using Num = PdfObjects;

/// A TJ adjustment smaller than this (thousandths of the em) is left out.
constexpr double kRoundingOnly = 2;

void number(QByteArray *out, double v)
{
    Num::appendNumber(out, v);
}

void number(std::string *out, double v)
{
    Num::appendNumber(out, v);
}

/// The fonts of a document: the print fonts it draws in, found by the font number of each glyph run.
class FontSet
{
public:
    /// The index of `raw`'s font, or -1 when it is not one Coform loaded (a fallback font, synthetic bold).
    int find(int runFont)
    {
        for (const auto &[known, index] : m_seen) {
            if (known == runFont)
                return index;
        }
        const int file = coform::runFont(runFont).file;
        const int index = file < 0 ? -1 : fontFor(file);
        m_seen.emplace_back(runFont, index);
        return index;
    }
    PdfFont &font(int index) { return *m_fonts[size_t(index)]; }
    int size() const { return int(m_fonts.size()); }

private:
    int fontFor(int file)
    {
        for (size_t i = 0; i < m_files.size(); ++i) {
            if (m_files[i] == file)
                return int(i);
        }
        const PrintFontFile &f = PrintStyle::fontFiles().at(file);
        auto font = std::make_unique<PdfFont>(f.data, f.name);
        if (!font->isValid())
            return -1;
        m_files.push_back(file);
        m_fonts.push_back(std::move(font));
        return int(m_fonts.size()) - 1;
    }

    std::vector<std::pair<int, int>> m_seen;
    std::vector<int> m_files;
    std::vector<std::unique_ptr<PdfFont>> m_fonts;
};

/// Glyph `g` as the two bytes of its code in a literal string (half the bytes of hex, so less to compress and to
/// scan).
void appendCode(std::string *out, quint32 g)
{
    char bytes[4];
    int n = escapeStringByte(static_cast<unsigned char>(g >> 8), bytes);
    n += escapeStringByte(static_cast<unsigned char>(g & 0xff), bytes + n);
    out->append(bytes, size_t(n));
}

/// Writes one page's content stream.
class PageContent
{
public:
    /// With `tags`, every graphics object is marked as content of page `page` or as an artifact (pdf/tagwriter.h).
    PageContent(const PrintStyle &style, FontSet &fonts, double pageHeight, TagWriter *tags, int page)
        : m_style(style)
        , m_fonts(fonts)
        , m_height(pageHeight)
        , m_tags(tags)
        , m_page(page)
    {
        m_out.reserve(32768);
    }

    /// Box `index` of the page. False when a text box cannot be written here (see DocumentWriter::write()).
    bool add(const LayoutBox &b, int index)
    {
        switch (b.kind) {
        case BoxKind::Text:
            return text(b, index);
        case BoxKind::Frame:
        case BoxKind::Tick:
            lineWidth(b.lineWidth);
            openPath(b.rect.normalized());
            rect(b.rect);
            m_out += "S";
            closeMarked();
            break;
        case BoxKind::Fill:
            fill(b.grey);
            openPath(b.rect.normalized());
            rect(b.rect);
            m_out += "f";
            closeMarked();
            break;
        case BoxKind::Rule:
            lineWidth(b.lineWidth);
            openPath(
                QRectF(QPointF(b.rect.left(), b.rect.bottom()), QPointF(b.rect.right(), b.rect.bottom())).normalized());
            number(&m_out, b.rect.left());
            m_out += ' ';
            number(&m_out, m_height - b.rect.bottom());
            m_out += " m ";
            number(&m_out, b.rect.right());
            m_out += ' ';
            number(&m_out, m_height - b.rect.bottom());
            m_out += " l S";
            closeMarked();
            break;
        case BoxKind::Picture:
            if (!b.picture.isEmpty())
                break; // PicturePlacer draws it
            // An empty slot to draw in: a dashed square (Qt's dash line: 4 on, 2 off, in line widths).
            lineWidth(1);
            m_out += "[4 2] 0 d\n";
            openPath(b.rect.normalized());
            rect(b.rect);
            m_out += "S";
            closeMarked();
            m_out += "[] 0 d\n";
            break;
        }
        return true;
    }

    QByteArray data() const { return QByteArray(m_out.data(), qsizetype(m_out.size())); }
    const std::vector<int> &fontsUsed() const { return m_used; }

private:
    bool text(const LayoutBox &b, int box)
    {
        if (b.glyphs.isEmpty())
            return b.text.isEmpty();
        const QPointF origin(b.rect.left(), b.rect.top() + b.baseline);
        bool first = true;
        for (const GlyphRun &run : b.glyphs) {
            const int index = m_fonts.find(run.font);
            if (index < 0)
                return false;
            if (run.glyphs.isEmpty() || run.positions.isEmpty())
                continue; // nothing drawn, so nothing to mark
            if (m_tags)
                m_tags->openText(&m_out, m_page, box, first);
            first = false;
            glyphs(run, m_fonts.font(index), index, runFont(run.font).pixelSize, origin, m_style.grey(b.style));
            if (m_tags) {
                m_out.pop_back(); // the line end after ET: closing the marked content gives one
                TagWriter::close(&m_out);
            }
        }
        return true;
    }

    void openPath(const QRectF &bounds)
    {
        if (m_tags)
            m_tags->openPath(&m_out, m_page, bounds);
    }

    /// Ends the path or text object just written, and the marked content around it.
    void closeMarked()
    {
        if (m_tags)
            TagWriter::close(&m_out);
        else
            m_out += '\n';
    }

    /// One text object: the run's glyphs from where the first is drawn, spaces too (so that text extraction sees
    /// the words), and what the font's advances do not give (kerning) as TJ adjustments.
    void glyphs(const GlyphRun &run, PdfFont &font, int index, double size, QPointF origin, int grey)
    {
        const QList<quint32> &ids = run.glyphs;
        const QList<QPointF> &positions = run.positions;
        bool open = false;
        double penX = 0, lineY = 0;
        for (qsizetype i = 0; i < ids.size() && i < positions.size(); ++i) {
            const quint32 g = ids.at(i);
            const double x = origin.x() + positions.at(i).x(), y = origin.y() + positions.at(i).y();
            if (!open || std::abs(y - lineY) > 1e-4) {
                if (open) {
                    m_out += ")] TJ\n";
                } else {
                    m_out += "BT\n";
                    fill(grey);
                    m_out += "/F";
                    m_out += std::to_string(index);
                    m_out += ' ';
                    number(&m_out, size);
                    m_out += " Tf\n";
                    open = true;
                    useFont(index);
                }
                m_out += "1 0 0 1 ";
                number(&m_out, x);
                m_out += ' ';
                number(&m_out, m_height - y);
                m_out += " Tm\n[(";
                penX = x;
                lineY = y;
            } else {
                // Qt's positions are the advances rounded to 1/64 of a pixel: a difference below 2 thousandths of the
                // em (0.024 pt at 12 pt) is that rounding, not kerning, and is not written. The pen follows what is
                // written, so such differences never add up.
                const double adjust = std::round((penX - x) * 1000 / size * 1000) / 1000;
                if (std::abs(adjust) >= kRoundingOnly) {
                    m_out += ')';
                    number(&m_out, adjust);
                    m_out += '(';
                    penX -= adjust * size / 1000;
                }
            }
            appendCode(&m_out, g);
            font.use(g);
            penX += font.width(g) * size / 1000;
        }
        if (open)
            m_out += ")] TJ\nET\n";
    }

    void useFont(int index)
    {
        for (const int f : m_used) {
            if (f == index)
                return;
        }
        m_used.push_back(index);
    }

    void rect(const QRectF &r)
    {
        number(&m_out, r.left());
        m_out += ' ';
        number(&m_out, m_height - r.bottom());
        m_out += ' ';
        number(&m_out, r.width());
        m_out += ' ';
        number(&m_out, r.height());
        m_out += " re ";
    }

    void lineWidth(double w)
    {
        if (w == m_lineWidth)
            return;
        m_lineWidth = w;
        number(&m_out, w);
        m_out += " w\n";
    }

    /// The fill colour: a grey level, 0 (black) to 255 (white).
    void fill(int grey)
    {
        if (grey == m_fill)
            return;
        m_fill = grey;
        const double level = grey / 255.0;
        for (int i = 0; i < 3; ++i) {
            number(&m_out, level);
            m_out += i < 2 ? " " : " rg\n";
        }
    }

    const PrintStyle &m_style;
    FontSet &m_fonts;
    double m_height;
    TagWriter *m_tags;
    int m_page;
    std::string m_out;
    std::vector<int> m_used;
    double m_lineWidth = 1; // PDF's initial graphics state
    int m_fill = 0;         // black
};

QString xmlEscaped(const QString &s)
{
    return s.toHtmlEscaped();
}

/// The XMP packet of a PDF/A-1b file: what the information dictionary says, and the PDF/A part and conformance.
QByteArray pdfAMetadata(const QString &title, const QString &creator, const QString &producer, const QString &date)
{
    QString xmp = QStringLiteral("<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                                 "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                                 "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                                 "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
                                 "<dc:format>application/pdf</dc:format>\n");
    if (!title.isEmpty())
        xmp += QStringLiteral("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">%1</rdf:li></rdf:Alt></dc:title>\n")
                   .arg(xmlEscaped(title));
    xmp += QStringLiteral("</rdf:Description>\n"
                          "<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" "
                          "xmp:CreatorTool=\"%1\" xmp:CreateDate=\"%2\" xmp:ModifyDate=\"%2\"/>\n"
                          "<rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" "
                          "pdf:Producer=\"%3\"/>\n"
                          "<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\" "
                          "pdfaid:part=\"1\" pdfaid:conformance=\"B\"/>\n"
                          "</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>")
               .arg(xmlEscaped(creator), date, xmlEscaped(producer));
    return xmp.toUtf8();
}

} // namespace

DocumentWriter::DocumentWriter(const PrintStyle &style)
    : m_style(style)
{}

bool DocumentWriter::write(const Layout &layout, QByteArray *pdf) const
{
    if (m_pdfA && m_srgb.isEmpty())
        return false;
    std::unique_ptr<TagWriter> tags = m_tags && m_log ? std::make_unique<TagWriter>(*m_log, *m_tags) : nullptr;
    if (tags && m_log->size() != layout.pages.size())
        return false;
    PdfObjects objects;
    objects.setCompressed(!m_storeStreams || tags); // tagged here, so no pass comes after to compress them
    const int catalogue = objects.add(), pageTree = objects.add(), info = objects.add();
    FontSet fonts;
    const double width = layout.pageSize.width(), height = layout.pageSize.height();
    QByteArray mediaBox = "[0 0 ";
    number(&mediaBox, width);
    mediaBox += ' ';
    number(&mediaBox, height);
    mediaBox += ']';

    std::vector<int> pages, contents;
    std::vector<std::vector<int>> pageFonts;
    pages.reserve(size_t(layout.pages.size()));
    for (const LayoutPage &page : layout.pages) {
        PageContent content(m_style, fonts, height, tags.get(), int(pages.size()));
        for (int i = 0; i < page.boxes.size(); ++i) {
            if (!content.add(page.boxes.at(i), i))
                return false;
        }
        pages.push_back(objects.add()); // its dictionary is written when the fonts' object numbers are known
        contents.push_back(objects.add());
        objects.setStream(contents.back(), QByteArray(), content.data());
        pageFonts.push_back(content.fontsUsed());
    }

    std::vector<int> fontIds;
    for (int i = 0; i < fonts.size(); ++i) {
        fontIds.push_back(objects.add());
        if (!fonts.font(i).write(objects, fontIds.back()))
            return false;
    }
    if (tags)
        tags->write(objects, pages, height);
    QByteArray kids;
    for (size_t p = 0; p < pages.size(); ++p) {
        QByteArray dict = "<</Type /Page /Parent " + QByteArray::number(pageTree) + " 0 R /MediaBox " + mediaBox
                          + " /Contents " + QByteArray::number(contents[p]) + " 0 R /Resources <</ProcSet [/PDF /Text]";
        if (!pageFonts[p].empty()) {
            dict += " /Font <<";
            for (const int f : pageFonts[p])
                dict += "/F" + QByteArray::number(f) + ' ' + QByteArray::number(fontIds[size_t(f)]) + " 0 R ";
            dict += ">>";
        }
        dict += ">>";
        if (tags)
            dict += tags->pageEntries(int(p));
        objects.set(pages[p], dict + ">>");
        kids += QByteArray::number(pages[p]) + " 0 R ";
    }
    objects.set(pageTree,
                "<</Type /Pages /Kids [" + kids + "] /Count " + QByteArray::number(qulonglong(pages.size())) + ">>");

    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString creator = QStringLiteral("Coform"), producer = QStringLiteral("Coform");
    const QByteArray date = "(D:" + now.toString(QStringLiteral("yyyyMMddHHmmss")).toLatin1() + "Z00'00')";
    objects.set(info, "<</Title " + PdfObjects::textString(layout.title) + " /Creator "
                          + PdfObjects::textString(creator) + " /Producer " + PdfObjects::textString(producer)
                          + " /CreationDate " + date + " /ModDate " + date + ">>");
    QByteArray root = "<</Type /Catalog /Pages " + QByteArray::number(pageTree) + " 0 R";
    if (m_pdfA) {
        // PDF/A-1b: the XMP metadata (unfiltered) and an output intent saying the colours are sRGB.
        const int metadata = objects.add(), profile = objects.add();
        objects.setStream(
            metadata, " /Type /Metadata /Subtype /XML",
            pdfAMetadata(layout.title, creator, producer, now.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"))), true);
        objects.setStream(profile, " /N 3", m_srgb);
        root += " /Metadata " + QByteArray::number(metadata)
                + " 0 R /OutputIntents [<</Type /OutputIntent /S "
                  "/GTS_PDFA1 /OutputConditionIdentifier (sRGB_IEC61966-2-1_black_scaled) /Info (sRGB IEC61966 v2.1 "
                  "with black scaling) /RegistryName (http://www.color.org) /DestOutputProfile "
                + QByteArray::number(profile) + " 0 R>>]";
    }
    if (tags) {
        root += tags->catalogueEntries();
        if (!m_pdfA) {
            const int metadata = objects.add();
            objects.setStream(metadata, " /Type /Metadata /Subtype /XML",
                              taggedMetadata(layout.title, m_tags->lang, creator, producer), true);
            root += " /Metadata " + QByteArray::number(metadata) + " 0 R";
        }
    }
    objects.set(catalogue, root + ">>");
    // Marked content with /ActualText and pages' /Tabs are PDF 1.5; PDF/A-1 stays at the 1.4 of its standard.
    *pdf = objects.file(catalogue, info, tags && !m_pdfA ? "1.5" : "1.4");
    return true;
}

} // namespace coform
