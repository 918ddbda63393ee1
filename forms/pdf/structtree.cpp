// The structure tree of a tagged PDF written into a parsed PDF (libqpdf), for the tagging pass: in the PDF passes
// module (pdf/pdfpasses.h).
// libqpdf 11: use std::shared_ptr, not its PointerHolder.
#define POINTERHOLDER_TRANSITION 4

#include "pdf/structtree.h"

#include <qpdf/QPDF.hh>

#include <string>

namespace coform::Tagging {

namespace {

std::string utf8(const QString &s)
{
    return s.toStdString();
}

QPDFObjectHandle name(const char *n)
{
    return QPDFObjectHandle::newName(n);
}

} // namespace

QPDFObjectHandle writeStructTree(QPDF &pdf, const Structure &structure, const std::vector<QPDFObjectHandle> &annots,
                                 std::vector<QPDFPageObjectHelper> &pageList,
                                 const std::vector<std::vector<int>> &pageMcids,
                                 const std::vector<std::pair<int, int>> &annotForms)
{
    std::vector<QPDFObjectHandle> objs;
    objs.reserve(structure.elems.size());
    for (size_t i = 0; i < structure.elems.size(); ++i)
        objs.push_back(pdf.makeIndirectObject(QPDFObjectHandle::newDictionary()));
    QPDFObjectHandle root = pdf.makeIndirectObject(QPDFObjectHandle::newDictionary());
    root.replaceKey("/Type", name("/StructTreeRoot"));
    root.replaceKey("/K", objs.front());
    std::vector<QPDFObjectHandle> pageObjects;
    pageObjects.reserve(pageList.size());
    for (QPDFPageObjectHelper &page : pageList)
        pageObjects.push_back(page.getObjectHandle());
    for (size_t i = 0; i < structure.elems.size(); ++i) {
        const Elem &e = structure.elems[i];
        QPDFObjectHandle o = objs[i];
        // /Type /StructElem is optional: left out, which makes a file with a thousand elements quicker to write.
        o.replaceKey("/S", name(('/' + e.type).constData())); // a direct object each (libqpdf must not share them)
        o.replaceKey("/P", e.parent >= 0 ? objs[size_t(e.parent)] : root);
        int pg = -1;
        for (const Kid &k : e.kids) {
            if (k.page >= 0) {
                pg = k.page;
                break;
            }
        }
        if (pg >= 0)
            o.replaceKey("/Pg", pageObjects[size_t(pg)]);
        std::vector<QPDFObjectHandle> kids;
        kids.reserve(e.kids.size());
        for (const Kid &k : e.kids) {
            if (k.elem >= 0) {
                kids.push_back(objs[size_t(k.elem)]);
            } else if (k.annot >= 0) {
                QPDFObjectHandle objr = QPDFObjectHandle::newDictionary();
                objr.replaceKey("/Type", name("/OBJR"));
                objr.replaceKey("/Obj", annots[size_t(k.annot)]);
                objr.replaceKey("/Pg", pageObjects[size_t(k.page)]);
                kids.push_back(objr);
            } else if (k.page == pg) {
                kids.push_back(QPDFObjectHandle::newInteger(k.mcid));
            } else {
                QPDFObjectHandle mcr = QPDFObjectHandle::newDictionary();
                mcr.replaceKey("/Type", name("/MCR"));
                mcr.replaceKey("/Pg", pageObjects[size_t(k.page)]);
                mcr.replaceKey("/MCID", QPDFObjectHandle::newInteger(k.mcid));
                kids.push_back(mcr);
            }
        }
        // One kid needs no array.
        o.replaceKey("/K", kids.size() == 1 ? kids.front() : QPDFObjectHandle::newArray(kids));
        if (e.hasText && !e.mixedLang && !e.lang.isEmpty())
            o.replaceKey("/Lang", QPDFObjectHandle::newUnicodeString(utf8(e.lang)));
        if (e.type == "Figure") {
            o.replaceKey("/Alt", QPDFObjectHandle::newUnicodeString(utf8(e.alt)));
            // The words for a picture say which language they are in, whatever the document's is.
            if (!e.altLang.isEmpty())
                o.replaceKey("/Lang", QPDFObjectHandle::newUnicodeString(utf8(e.altLang)));
            if (e.bboxPage >= 0) {
                const double pageTop = pageList[size_t(e.bboxPage)].getMediaBox().getArrayItem(3).getNumericValue();
                QPDFObjectHandle attrs = QPDFObjectHandle::newDictionary();
                attrs.replaceKey("/O", name("/Layout"));
                attrs.replaceKey("/BBox", QPDFObjectHandle::newArray(std::vector<QPDFObjectHandle>{
                                              QPDFObjectHandle::newReal(e.bbox.left(), 2),
                                              QPDFObjectHandle::newReal(pageTop - e.bbox.bottom(), 2),
                                              QPDFObjectHandle::newReal(e.bbox.right(), 2),
                                              QPDFObjectHandle::newReal(pageTop - e.bbox.top(), 2)}));
                attrs.replaceKey("/Placement", name("/Block"));
                o.replaceKey("/A", attrs);
            }
        } else if (e.type == "TH") {
            QPDFObjectHandle attrs = QPDFObjectHandle::newDictionary();
            attrs.replaceKey("/O", name("/Table"));
            attrs.replaceKey("/Scope", name("/Column"));
            o.replaceKey("/A", attrs);
        }
    }

    // The parent tree: for each page, the element of each MCID; for each widget, its Form element.
    QPDFObjectHandle nums = QPDFObjectHandle::newArray();
    int key = 0;
    for (size_t p = 0; p < pageList.size(); ++p, ++key) {
        const std::vector<int> &mcids = pageMcids[p];
        if (mcids.empty())
            continue;
        QPDFObjectHandle arr = QPDFObjectHandle::newArray();
        for (const int e : mcids)
            arr.appendItem(objs[size_t(e)]);
        nums.appendItem(QPDFObjectHandle::newInteger(key));
        nums.appendItem(pdf.makeIndirectObject(arr));
        pageList[p].getObjectHandle().replaceKey("/StructParents", QPDFObjectHandle::newInteger(key));
    }
    for (const auto &[annot, form] : annotForms) {
        QPDFObjectHandle widget = annots[size_t(annot)];
        widget.replaceKey("/StructParent", QPDFObjectHandle::newInteger(key));
        nums.appendItem(QPDFObjectHandle::newInteger(key));
        nums.appendItem(objs[size_t(form)]);
        ++key;
    }
    QPDFObjectHandle parentTree = QPDFObjectHandle::newDictionary();
    parentTree.replaceKey("/Nums", nums);
    root.replaceKey("/ParentTree", pdf.makeIndirectObject(parentTree));
    root.replaceKey("/ParentTreeNextKey", QPDFObjectHandle::newInteger(key));
    return root;
}

} // namespace coform::Tagging
