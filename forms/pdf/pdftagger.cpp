// libqpdf 11: use std::shared_ptr, not its PointerHolder.
#define POINTERHOLDER_TRANSITION 4

#include "pdf/pdftagger.h"

#include "pdf/contentscanner.h"
#include "pdf/flate.h"
#include "pdf/pdfobjects.h"
#include "pdf/structtree.h"
#include "pdf/tagstructure.h"
#include "pdf/tagwriter.h"

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <QPointF>
#include <QRectF>

#include <charconv>
#include <exception>
#include <vector>

namespace coform {

using Tagging::Artifact;
using Tagging::Kid;
using Tagging::Mark;
using Tagging::Structure;

namespace {

void appendNumber(QByteArray *out, int n)
{
    char buffer[16];
    const auto r = std::to_chars(buffer, buffer + sizeof buffer, n);
    out->append(buffer, r.ptr - buffer);
}

std::string utf8(const QString &s)
{
    return s.toStdString();
}

QPDFObjectHandle name(const char *n)
{
    return QPDFObjectHandle::newName(n);
}

bool fits(const DrawnBox &b, const QPointF &p, bool strict)
{
    if (p.y() < b.rect.top() - 1.0 || p.y() > b.rect.bottom() + 1.0)
        return false;
    if (strict)
        return qAbs(p.x() - b.rect.left()) <= 1.0;
    return p.x() >= b.rect.left() - 1.0 && p.x() <= b.rect.right() + 1.0;
}

/// The box a text object drawn at `origin` came from: the first text box from `cursor` on that starts there (the
/// log is in drawing order, so nearly always the next one), else one that contains it. -1 when none does.
int matchText(const PageDrawLog &boxes, const QPointF &origin, int cursor)
{
    for (const bool strict : {true, false}) {
        for (int pass = 0; pass < 2; ++pass) {
            const int from = pass == 0 ? cursor : 0;
            const int to = pass == 0 ? int(boxes.size()) : qMin(cursor, int(boxes.size()));
            for (int i = from; i < to; ++i) {
                const DrawnBox &b = boxes.at(i);
                if (b.kind == BoxKind::Text && !b.text.isEmpty() && fits(b, origin, strict))
                    return i;
            }
        }
    }
    return -1;
}

/// The page's content, the streams of a /Contents array joined by a line break.
QByteArray pageContent(QPDFObjectHandle page, Flate &flate)
{
    QPDFObjectHandle contents = page.getKey("/Contents");
    QByteArray data;
    const auto append = [&](QPDFObjectHandle stream) {
        if (!stream.isStream())
            return;
        if (!data.isEmpty())
            data += '\n';
        QPDFObjectHandle dict = stream.getDict();
        QPDFObjectHandle filter = dict.getKey("/Filter");
        QPDFObjectHandle parms = dict.getKey("/DecodeParms");
        if (filter.isArray() && filter.getArrayNItems() == 1)
            filter = filter.getArrayItem(0);
        if (filter.isNameAndEquals("/FlateDecode") && parms.isNull()) {
            const std::shared_ptr<Buffer> raw = stream.getRawStreamData();
            const qsizetype before = data.size();
            if (flate.inflate(raw->getBuffer(), raw->getSize(), &data))
                return;
            data.resize(before); // not what libdeflate reads: let qpdf decode it (or say why it cannot)
        }
        const std::shared_ptr<Buffer> buffer = stream.getStreamData(qpdf_dl_generalized);
        data.append(reinterpret_cast<const char *>(buffer->getBuffer()), qsizetype(buffer->getSize()));
    };
    if (contents.isArray()) {
        for (int i = 0; i < contents.getArrayNItems(); ++i)
            append(contents.getArrayItem(i));
    } else {
        append(contents);
    }
    return data;
}

QString xmlEscaped(const QString &s)
{
    return s.toHtmlEscaped();
}

/// Makes sure the XMP metadata names the title (dc:title) and, when there is none yet, writes it.
void setMetadata(QPDF &pdf, QPDFObjectHandle catalogue, const TagOptions &options, QPDFObjectHandle info)
{
    QPDFObjectHandle meta = catalogue.getKey("/Metadata");
    const QString title = xmlEscaped(options.title);
    const QString titleXml =
        QStringLiteral("<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
                       "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">%1</rdf:li></rdf:Alt></dc:title>\n"
                       "</rdf:Description>\n")
            .arg(title);
    if (meta.isStream()) {
        const std::shared_ptr<Buffer> buffer = meta.getStreamData(qpdf_dl_generalized);
        QByteArray xmp(reinterpret_cast<const char *>(buffer->getBuffer()), qsizetype(buffer->getSize()));
        if (xmp.contains("<dc:title") || options.title.isEmpty())
            return;
        const qsizetype at = xmp.indexOf("</rdf:RDF>");
        if (at < 0)
            return;
        xmp.insert(at, titleXml.toUtf8());
        meta.replaceStreamData(xmp.toStdString(), QPDFObjectHandle::newNull(), QPDFObjectHandle::newNull());
        return;
    }
    const auto infoText = [&](const char *key) {
        QPDFObjectHandle v = info.isDictionary() ? info.getKey(key) : QPDFObjectHandle::newNull();
        return v.isString() ? QString::fromStdString(v.getUTF8Value()) : QString();
    };
    const QByteArray xmp = taggedMetadata(options.title, options.lang, infoText("/Creator"), infoText("/Producer"));
    QPDFObjectHandle stream = pdf.newStream(xmp.toStdString());
    stream.getDict().replaceKey("/Type", name("/Metadata"));
    stream.getDict().replaceKey("/Subtype", name("/XML"));
    catalogue.replaceKey("/Metadata", stream);
}

/// The item a widget annotation belongs to: the name of its top-level field, the first part of its fully qualified
/// name (a table cell "ITEM.ROW.COLUMN" is two levels below ITEM; a check box "ITEM.OPTION" one).
QString fieldName(QPDFObjectHandle annot)
{
    QString top;
    for (int depth = 0; depth < 8 && annot.isDictionary(); ++depth) {
        QPDFObjectHandle t = annot.getKey("/T");
        if (t.isString())
            top = QString::fromStdString(t.getUTF8Value());
        annot = annot.getKey("/Parent");
    }
    return top;
}

/// The content of one page with each graphics object of `objects` marked (see tagPdf()): text and figures as
/// content of the element their box was planned for (`pageMarks`), with /ActualText and /Lang, the rest as artifacts.
/// The element of each MCID is appended to `mcids`.
QByteArray markedContent(const QByteArray &data, const std::vector<ContentObject> &objects, const PageDrawLog &boxes,
                         const QVector<Mark> &pageMarks, int page, Structure &structure, std::vector<int> *mcids)
{
    QByteArray out;
    out.reserve(data.size() + qsizetype(objects.size()) * 96 + 64);
    qsizetype pos = 0;
    int cursor = 0;
    int previous = -1;
    for (const ContentObject &o : objects) {
        int boxIndex = -1;
        if (o.kind == ContentObject::Kind::Text && o.hasOrigin)
            boxIndex = matchText(boxes, o.origin, cursor);
        else if (o.kind == ContentObject::Kind::Path || o.kind == ContentObject::Kind::Other)
            boxIndex = Tagging::figureAt(boxes, o.bounds);
        const Mark mark = boxIndex >= 0 ? pageMarks.at(boxIndex) : Mark{-1, Artifact::Layout};
        out.append(data.constData() + pos, o.start - pos);
        if (mark.elem >= 0) {
            const DrawnBox &b = boxes.at(boxIndex);
            const int mcid = int(mcids->size());
            mcids->push_back(mark.elem);
            const QString lang = structure.langOf(b);
            structure.addContent(mark.elem, page, mcid, lang);
            out += '/';
            out += structure.elems[size_t(mark.elem)].type;
            out += " <</MCID ";
            appendNumber(&out, mcid);
            if (o.kind == ContentObject::Kind::Text) {
                out += " /ActualText ";
                if (boxIndex == previous)
                    out += "<FEFF>"; // the rest of a line Qt drew in two parts: its text is in the first
                else
                    appendUtf16Literal(&out, b.text);
            }
            if (!lang.isEmpty()) {
                out += " /Lang (";
                out += lang.toLatin1();
                out += ')';
            }
            out += ">> BDC\n";
        } else {
            out += Tagging::artifactOpen(mark.artifact);
        }
        if (o.kind == ContentObject::Kind::Text && boxIndex >= 0) {
            previous = boxIndex;
            cursor = boxIndex;
        }
        out.append(data.constData() + o.start, o.end - o.start);
        out += "\nEMC\n";
        pos = o.end;
    }
    out.append(data.constData() + pos, data.size() - pos);
    return out;
}

/// Marks the content of page `p` (see markedContent()) and sets its /Tabs. False with the reason in `error` when its
/// content cannot be read.
bool tagPage(QPDF &pdf, QPDFObjectHandle page, size_t p, const PageDrawLog &boxes, const QVector<Mark> &pageMarks,
             Structure &structure, Flate &flate, std::vector<int> *mcids, QString *error)
{
    const QByteArray data = pageContent(page, flate);
    QPDFObjectHandle mediaBox = page.getKey("/MediaBox");
    double top = 0;
    if (mediaBox.isArray() && mediaBox.getArrayNItems() == 4 && mediaBox.getArrayItem(3).isNumber()) {
        top = mediaBox.getArrayItem(3).getNumericValue();
    } else {
        *error = QStringLiteral("page %1: no media box").arg(p + 1);
        return false;
    }

    std::vector<ContentObject> objects;
    objects.reserve(size_t(boxes.size()) + 16);
    QString scanError;
    if (!scanContent(data.constData(), data.size(), top, &objects, &scanError)) {
        *error = QStringLiteral("page %1: %2").arg(p + 1).arg(scanError);
        return false;
    }
    const QByteArray out = markedContent(data, objects, boxes, pageMarks, int(p), structure, mcids);

    // The page's own content stream gets the new content (a new stream object costs qpdf a walk over every
    // object); a /Contents array becomes one stream.
    QPDFObjectHandle stream = page.getKey("/Contents");
    if (!stream.isStream()) {
        stream = pdf.newStream();
        page.replaceKey("/Contents", stream);
    }
    stream.replaceStreamData(flate.deflate(out), name("/FlateDecode"), QPDFObjectHandle::newNull());
    page.replaceKey("/Tabs", name("/S"));
    return true;
}

/// Widget annotations of form fields named by an item id: a Form element in the item's group. Returns (annotation
/// index, Form element) for each.
std::vector<std::pair<int, int>> addFormElements(std::vector<QPDFPageObjectHelper> &pageList, Structure &structure,
                                                 std::vector<QPDFObjectHandle> *annotList)
{
    std::vector<std::pair<int, int>> annotKeys; // (annot index, Form element)
    for (size_t p = 0; p < pageList.size(); ++p) {
        QPDFObjectHandle annots = pageList[p].getObjectHandle().getKey("/Annots");
        if (!annots.isArray())
            continue;
        for (int i = 0; i < annots.getArrayNItems(); ++i) {
            QPDFObjectHandle annot = annots.getArrayItem(i);
            if (!annot.isDictionary() || !annot.getKey("/Subtype").isNameAndEquals("/Widget"))
                continue;
            const auto div = structure.divs.constFind(fieldName(annot));
            if (div == structure.divs.constEnd())
                continue;
            const int form = structure.add("Form", div.value());
            const int index = int(annotList->size());
            annotList->push_back(annot);
            structure.elems[size_t(form)].kids.push_back(Kid{-1, int(p), -1, index});
            annotKeys.emplace_back(index, form);
        }
    }
    return annotKeys;
}

/// The catalogue gets the structure tree root, /MarkInfo, /Lang and /ViewerPreferences /DisplayDocTitle; the
/// document information and the XMP metadata the title.
void setCatalogue(QPDF &pdf, QPDFObjectHandle catalogue, QPDFObjectHandle root, const TagOptions &options)
{
    catalogue.replaceKey("/StructTreeRoot", root);
    QPDFObjectHandle markInfo = QPDFObjectHandle::newDictionary();
    markInfo.replaceKey("/Marked", QPDFObjectHandle::newBool(true));
    catalogue.replaceKey("/MarkInfo", markInfo);
    if (!options.lang.isEmpty())
        catalogue.replaceKey("/Lang", QPDFObjectHandle::newUnicodeString(utf8(options.lang)));
    QPDFObjectHandle viewer = catalogue.getKey("/ViewerPreferences");
    if (!viewer.isDictionary()) {
        viewer = QPDFObjectHandle::newDictionary();
        catalogue.replaceKey("/ViewerPreferences", viewer);
    }
    viewer.replaceKey("/DisplayDocTitle", QPDFObjectHandle::newBool(true));

    QPDFObjectHandle trailer = pdf.getTrailer();
    QPDFObjectHandle info = trailer.getKey("/Info");
    if (!info.isDictionary()) {
        info = pdf.makeIndirectObject(QPDFObjectHandle::newDictionary());
        trailer.replaceKey("/Info", info);
    }
    // PDF/A: the title in /Info must stay the one in the XMP metadata that Qt wrote with it.
    if (!options.title.isEmpty() && (!options.pdfA || !info.hasKey("/Title")))
        info.replaceKey("/Title", QPDFObjectHandle::newUnicodeString(utf8(options.title)));
    setMetadata(pdf, catalogue, options, info);
}

} // namespace

bool tagPdf(QPDF &pdf, const QVector<PageDrawLog> &log, const TagOptions &options, QString *error)
{
    const auto failed = [&](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    QPDFObjectHandle catalogue = pdf.getRoot();
    if (!catalogue.isDictionary())
        return failed(QStringLiteral("the PDF has no catalogue"));
    if (catalogue.hasKey("/StructTreeRoot"))
        return failed(QStringLiteral("the PDF is tagged already"));
    QPDFPageDocumentHelper pages(pdf);
    std::vector<QPDFPageObjectHelper> pageList = pages.getAllPages();
    if (qsizetype(pageList.size()) != log.size())
        return failed(QStringLiteral("the PDF has %1 pages but %2 were drawn").arg(pageList.size()).arg(log.size()));

    const QString docLang = options.lang.isEmpty() ? QString() : options.lang;
    Structure structure(docLang);
    const QVector<QVector<Mark>> marks = structure.plan(log);
    Flate flate;
    if (!flate.ok())
        return failed(QStringLiteral("out of memory"));

    // Marked content on each page; the parent tree's array for a page lists the element of each MCID in order.
    std::vector<std::vector<int>> pageMcids(pageList.size());
    QString pageError;
    for (size_t p = 0; p < pageList.size(); ++p) {
        if (!tagPage(pdf, pageList[p].getObjectHandle(), p, log.at(qsizetype(p)), marks.at(qsizetype(p)), structure,
                     flate, &pageMcids[p], &pageError))
            return failed(pageError);
    }
    std::vector<QPDFObjectHandle> annots;
    const std::vector<std::pair<int, int>> annotKeys = addFormElements(pageList, structure, &annots);
    const QPDFObjectHandle root = Tagging::writeStructTree(pdf, structure, annots, pageList, pageMcids, annotKeys);
    setCatalogue(pdf, catalogue, root, options);
    return true;
}

bool runPdfPasses(QByteArray *pdf, const QVector<PdfPass> &passes, const QString &description, QString *error)
{
    const QByteArray input = *pdf; // QPDF reads from this buffer until the writer is done
    try {
        QPDF qpdf;
        qpdf.setSuppressWarnings(true);
        qpdf.processMemoryFile(description.toStdString().c_str(), input.constData(), size_t(input.size()));
        for (const PdfPass &pass : passes) {
            if (!pass(qpdf, error)) {
                if (error)
                    *error = QStringLiteral("%1: %2").arg(description, *error);
                return false;
            }
        }
        QPDFWriter writer(qpdf);
        // Marked content with /ActualText and pages' /Tabs are PDF 1.5; PDF/A-1 (an output intent GTS_PDFA1) stays
        // at the 1.4 of its standard, where readers take them as they are.
        bool pdfA = false;
        QPDFObjectHandle intents = qpdf.getRoot().getKey("/OutputIntents");
        for (int i = 0; intents.isArray() && i < intents.getArrayNItems(); ++i)
            pdfA = pdfA || intents.getArrayItem(i).getKey("/S").isNameAndEquals("/GTS_PDFA1");
        if (!pdfA)
            writer.setMinimumPDFVersion("1.5");
        writer.setOutputMemory();
        writer.setCompressStreams(true);
        writer.setDecodeLevel(qpdf_dl_none);
        writer.setObjectStreamMode(qpdf_o_preserve);
        writer.setNewlineBeforeEndstream(true); // PDF/A wants an end of line before "endstream"
        writer.write();
        if (qpdf.anyWarnings()) {
            const std::vector<QPDFExc> warnings = qpdf.getWarnings();
            if (error)
                *error = QStringLiteral("%1: %2").arg(
                    description, warnings.empty() ? QStringLiteral("warnings from qpdf")
                                                  : QString::fromStdString(warnings.front().what()));
            return false;
        }
        const std::shared_ptr<Buffer> out = writer.getBufferSharedPointer();
        *pdf = QByteArray(reinterpret_cast<const char *>(out->getBuffer()), qsizetype(out->getSize()));
        return true;
    } catch (const std::exception &e) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(description, QString::fromLocal8Bit(e.what()));
        return false;
    }
}

} // namespace coform
