#include "pdf/tagwriter.h"

#include "pdf/pdfobjects.h"

#include <charconv>

namespace coform {

using Tagging::Artifact;
using Tagging::Elem;
using Tagging::Kid;
using Tagging::Mark;

namespace {

QByteArray reference(int id)
{
    return QByteArray::number(id) + " 0 R";
}

void appendInt(std::string *out, int n)
{
    char buffer[16];
    const auto r = std::to_chars(buffer, buffer + sizeof buffer, n);
    out->append(buffer, size_t(r.ptr - buffer));
}

QString xmlEscaped(const QString &s)
{
    return s.toHtmlEscaped();
}

} // namespace

TagWriter::TagWriter(const QVector<PageDrawLog> &log, const TagOptions &options)
    : m_log(log)
    , m_options(options)
    , m_structure(options.lang)
    , m_marks(m_structure.plan(log))
    , m_pageMcids(size_t(log.size()))
    , m_structParents(size_t(log.size()), -1)
{}

void TagWriter::openText(std::string *out, int page, int box, bool first)
{
    open(out, page, box, true, first);
}

void TagWriter::openPath(std::string *out, int page, const QRectF &bounds)
{
    open(out, page, Tagging::figureAt(m_log.at(page), bounds), false, false);
}

void TagWriter::open(std::string *out, int page, int box, bool text, bool first)
{
    const Mark mark = box >= 0 ? m_marks.at(page).at(box) : Mark{-1, Artifact::Layout};
    if (mark.elem < 0) {
        out->append(Tagging::artifactOpen(mark.artifact));
        return;
    }
    const DrawnBox &b = m_log.at(page).at(box);
    std::vector<int> &mcids = m_pageMcids[size_t(page)];
    const int mcid = int(mcids.size());
    mcids.push_back(mark.elem);
    const QString lang = m_structure.langOf(b);
    m_structure.addContent(mark.elem, page, mcid, lang);
    *out += '/';
    out->append(m_structure.elems[size_t(mark.elem)].type.constData());
    out->append(" <</MCID ");
    appendInt(out, mcid);
    if (text) {
        out->append(" /ActualText ");
        if (first)
            appendUtf16Literal(out, b.text);
        else
            out->append("<FEFF>"); // the rest of a line drawn in two fonts: its text is in the first part
    }
    if (!lang.isEmpty()) {
        out->append(" /Lang (");
        out->append(lang.toLatin1().constData());
        *out += ')';
    }
    out->append(">> BDC\n");
}

void TagWriter::write(PdfObjects &objects, const std::vector<int> &pages, double pageHeight)
{
    const std::vector<Elem> &elems = m_structure.elems;
    std::vector<int> ids(elems.size());
    for (int &id : ids)
        id = objects.add();
    m_root = objects.add();
    std::string o;
    const auto ref = [&o](int id) {
        appendInt(&o, id);
        o.append(" 0 R");
    };
    const auto number = [&o](double v) {
        o += ' ';
        PdfObjects::appendNumber(&o, v);
    };
    for (size_t i = 0; i < elems.size(); ++i) {
        const Elem &e = elems[i];
        // /Type /StructElem is optional, and left out as tagPdf() leaves it out.
        o.assign("<</S /");
        o.append(e.type.constData(), size_t(e.type.size()));
        o.append(" /P ");
        ref(e.parent >= 0 ? ids[size_t(e.parent)] : m_root);
        int pg = -1;
        for (const Kid &k : e.kids) {
            if (k.page >= 0) {
                pg = k.page;
                break;
            }
        }
        if (pg >= 0) {
            o.append(" /Pg ");
            ref(pages[size_t(pg)]);
        }
        o.append(e.kids.size() == 1 ? " /K " : " /K ["); // one kid needs no array
        for (size_t k = 0; k < e.kids.size(); ++k) {
            const Kid &kid = e.kids[k];
            if (k > 0)
                o += ' ';
            if (kid.elem >= 0) {
                ref(ids[size_t(kid.elem)]);
            } else if (kid.page == pg) {
                appendInt(&o, kid.mcid);
            } else {
                o.append("<</Type /MCR /Pg ");
                ref(pages[size_t(kid.page)]);
                o.append(" /MCID ");
                appendInt(&o, kid.mcid);
                o.append(">>");
            }
        }
        if (e.kids.size() != 1)
            o += ']';
        QString lang = e.hasText && !e.mixedLang ? e.lang : QString();
        if (e.type == "Figure") {
            o.append(" /Alt ");
            o.append(PdfObjects::textString(e.alt).toStdString());
            if (!e.altLang.isEmpty())
                lang = e.altLang; // the words for a picture say which language they are in
            if (e.bboxPage >= 0) {
                o.append(" /A <</O /Layout /BBox [");
                number(e.bbox.left());
                number(pageHeight - e.bbox.bottom());
                number(e.bbox.right());
                number(pageHeight - e.bbox.top());
                o.append("] /Placement /Block>>");
            }
        } else if (e.type == "TH") {
            o.append(" /A <</O /Table /Scope /Column>>");
        }
        if (!lang.isEmpty()) {
            o.append(" /Lang ");
            o.append(PdfObjects::textString(lang).toStdString());
        }
        o.append(">>");
        objects.set(ids[i], QByteArray(o.data(), qsizetype(o.size())));
    }

    // The parent tree: for each page with marked content, the element of each MCID.
    std::string nums;
    int key = 0;
    for (size_t p = 0; p < m_pageMcids.size(); ++p, ++key) {
        if (m_pageMcids[p].empty())
            continue;
        o.clear(); // not o.assign("["): GCC 12 at -O3 warns of an overlap that cannot happen (-Wrestrict)
        o += '[';
        for (const int e : m_pageMcids[p]) {
            ref(ids[size_t(e)]);
            o += ' ';
        }
        o += ']';
        const int arrayId = objects.add();
        objects.set(arrayId, QByteArray(o.data(), qsizetype(o.size())));
        appendInt(&nums, key);
        nums += ' ';
        appendInt(&nums, arrayId);
        nums.append(" 0 R ");
        m_structParents[p] = key;
    }
    const int tree = objects.add();
    objects.set(tree, "<</Nums [" + QByteArray(nums.data(), qsizetype(nums.size())) + "]>>");
    o.assign("<</Type /StructTreeRoot /K ");
    ref(ids.front());
    o.append(" /ParentTree ");
    ref(tree);
    o.append(" /ParentTreeNextKey ");
    appendInt(&o, key);
    o.append(">>");
    objects.set(m_root, QByteArray(o.data(), qsizetype(o.size())));
}

QByteArray TagWriter::pageEntries(int page) const
{
    const int key = m_structParents.at(size_t(page));
    return key >= 0 ? " /StructParents " + QByteArray::number(key) + " /Tabs /S" : QByteArray(" /Tabs /S");
}

QByteArray TagWriter::catalogueEntries() const
{
    QByteArray entries = " /StructTreeRoot " + reference(m_root) + " /MarkInfo <</Marked true>>";
    if (!m_options.lang.isEmpty())
        entries += " /Lang " + PdfObjects::textString(m_options.lang);
    return entries + " /ViewerPreferences <</DisplayDocTitle true>>";
}

QByteArray taggedMetadata(const QString &title, const QString &lang, const QString &creator, const QString &producer)
{
    QString xmp = QStringLiteral("<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                                 "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                                 "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n");
    xmp += QStringLiteral("<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
                          "<dc:format>application/pdf</dc:format>\n");
    if (!title.isEmpty())
        xmp += QStringLiteral("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">%1</rdf:li></rdf:Alt></dc:title>\n")
                   .arg(xmlEscaped(title));
    if (!lang.isEmpty())
        xmp +=
            QStringLiteral("<dc:language><rdf:Bag><rdf:li>%1</rdf:li></rdf:Bag></dc:language>\n").arg(xmlEscaped(lang));
    xmp += QStringLiteral("</rdf:Description>\n");
    if (!creator.isEmpty())
        xmp += QStringLiteral("<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" "
                              "xmp:CreatorTool=\"%1\"/>\n")
                   .arg(xmlEscaped(creator));
    if (!producer.isEmpty())
        xmp += QStringLiteral("<rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" "
                              "pdf:Producer=\"%1\"/>\n")
                   .arg(xmlEscaped(producer));
    xmp += QStringLiteral("</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>");
    return xmp.toUtf8();
}

} // namespace coform
