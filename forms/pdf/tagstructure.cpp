#include "pdf/tagstructure.h"

#include "pdf/phrases.h"

#include <algorithm>

namespace coform::Tagging {

Structure::Structure(const QString &docLang)
    : m_docLang(docLang)
{
    m_doc = add("Document", -1);
}

int Structure::add(const QByteArray &type, int parent)
{
    const int index = int(elems.size());
    Elem e;
    e.type = type;
    e.parent = parent;
    elems.push_back(std::move(e));
    if (parent >= 0)
        elems[size_t(parent)].kids.push_back(Kid{index, -1, -1, -1});
    return index;
}

/// The language tag to write for a box's text: empty when it is the document's.
QString Structure::langOf(const DrawnBox &b) const
{
    if (b.lang.isEmpty() || (b.lang == QLatin1String("en") && m_docLang == QLatin1String("en-GB")))
        return {};
    const QString tag = documentLanguageTag(b.lang);
    return tag == m_docLang ? QString() : tag;
}

void Structure::addContent(int elem, int page, int mcid, const QString &lang)
{
    Elem &e = elems[size_t(elem)];
    e.kids.push_back(Kid{-1, page, mcid, -1});
    if (!e.hasText) {
        e.hasText = true;
        e.lang = lang;
    } else if (e.lang != lang) {
        e.mixedLang = true;
    }
}

/// Decides for every box of the log what it becomes.
QVector<QVector<Mark>> Structure::plan(const QVector<PageDrawLog> &log)
{
    QVector<QVector<Mark>> marks;
    marks.reserve(log.size());
    for (int p = 0; p < log.size(); ++p) {
        QVector<Mark> pageMarks;
        pageMarks.reserve(log.at(p).size());
        for (const DrawnBox &b : log.at(p))
            pageMarks.append(planBox(b, p));
        marks.append(std::move(pageMarks));
    }
    return marks;
}

int Structure::container(const QString &itemId)
{
    if (itemId.isEmpty())
        return m_doc;
    if (m_sect >= 0 && itemId == m_sectId)
        return m_sect;
    const auto it = divs.constFind(itemId);
    if (it != divs.constEnd())
        return it.value();
    const int div = add("Div", m_sect >= 0 ? m_sect : m_doc);
    divs.insert(itemId, div);
    return div;
}

/// The element a text box joins: the last one when it continues it (same role, item, language), else a new one.
/// Headings keep every language's text in one element (the Welsh part is marked with /Lang in the content).
int Structure::paragraph(const DrawnBox &b, int parent, const QByteArray &type)
{
    const bool anyLang = type == "H1";
    if (!b.newBlock && m_last >= 0 && elems[size_t(m_last)].parent == parent && elems[size_t(m_last)].type == type
        && m_lastRole == b.role && m_lastItem == b.itemId && (anyLang || m_lastLang == b.lang)
        && m_lastContinued == b.continued)
        return m_last;
    return add(type, parent);
}

void Structure::startItem(const QString &itemId)
{
    int &list = m_lists[itemId];
    if (list == 0)
        list = add("L", container(itemId)) + 1;
    m_li = add("LI", list - 1);
    m_liItem = itemId;
    m_lbl = m_lbody = -1;
}

Mark Structure::planBox(const DrawnBox &b, int page)
{
    Mark m;
    const bool text = b.kind == BoxKind::Text;
    if (text && b.text.isEmpty())
        return m; // nothing drawn
    switch (b.role) {
    case BoxRole::Header:
        m.artifact = Artifact::Header;
        return m;
    case BoxRole::Footer:
        m.artifact = Artifact::Footer;
        return m;
    case BoxRole::Decoration:
    case BoxRole::WriteIn:
    case BoxRole::Signature:
        m.artifact = Artifact::Layout;
        return m;
    case BoxRole::Figure: {
        if (b.kind != BoxKind::Picture) {
            m.artifact = Artifact::Layout;
            return m;
        }
        // An option's picture belongs to the option's list item (after its tick box); others to their item.
        int parent = container(b.itemId);
        if (m_li >= 0 && m_liItem == b.itemId) {
            if (m_lbody < 0)
                m_lbody = add("LBody", m_li);
            parent = m_lbody;
        }
        m.elem = add("Figure", parent);
        Elem &e = elems[size_t(m.elem)];
        e.alt = b.text;
        e.altLang = b.lang.isEmpty() ? QString() : documentLanguageTag(b.lang);
        e.bbox = b.rect;
        e.bboxPage = page;
        m_last = -1;
        return m;
    }
    case BoxRole::TickBox:
        if (!text) {
            m.artifact = Artifact::Layout;
            startItem(b.itemId);
            m_last = -1;
            return m;
        }
        if (m_li < 0 || m_liItem != b.itemId)
            startItem(b.itemId);
        if (m_lbl < 0)
            m_lbl = add("Lbl", m_li);
        m.elem = m_lbl;
        break;
    case BoxRole::OptionLabel:
        if (!text) {
            m.artifact = Artifact::Layout;
            return m;
        }
        if (m_li < 0 || m_liItem != b.itemId)
            startItem(b.itemId);
        if (m_lbody < 0)
            m_lbody = add("LBody", m_li);
        m.elem = m_lbody;
        break;
    case BoxRole::TableHeader:
    case BoxRole::TableCell: {
        if (b.continued) {
            // The header row repeated on each page the table goes on to.
            m.artifact = Artifact::Pagination;
            return m;
        }
        const bool header = b.role == BoxRole::TableHeader;
        int &table = m_tables[b.itemId];
        if (table == 0)
            table = add("Table", container(b.itemId)) + 1;
        const bool newRow =
            m_tr < 0 || m_rowItem != b.itemId || m_rowPage != page || (!text && qAbs(b.rect.top() - m_rowTop) > 0.5);
        if (newRow) {
            m_tr = add("TR", table - 1);
            m_rowItem = b.itemId;
            m_rowPage = page;
            m_rowTop = b.rect.top();
            m_cell = -1;
        }
        if (!text) {
            m.artifact = Artifact::Layout;
            if (b.kind == BoxKind::Frame)
                m_cell = add(header ? "TH" : "TD", m_tr);
            m_last = -1;
            return m;
        }
        if (m_cell < 0)
            m_cell = add(header ? "TH" : "TD", m_tr);
        m.elem = m_cell;
        break;
    }
    case BoxRole::Title:
        if (!text) {
            m.artifact = Artifact::Layout;
            return m;
        }
        m.elem = paragraph(b, m_doc, "H1");
        break;
    case BoxRole::Notice:
        if (!text) {
            m.artifact = Artifact::Layout;
            return m;
        }
        m.elem = paragraph(b, m_doc, "P");
        break;
    case BoxRole::Heading:
        if (!text) {
            m.artifact = Artifact::Layout;
            return m;
        }
        if (m_sect < 0 || b.itemId != m_sectId) {
            m_sect = add("Sect", m_doc);
            m_sectId = b.itemId;
        }
        m.elem = paragraph(b, m_sect, "H1");
        break;
    case BoxRole::QuestionNumber:
    case BoxRole::Label: {
        if (!text) {
            m.artifact = Artifact::Layout;
            return m;
        }
        const int parent = container(b.itemId);
        if (b.continued) {
            m.elem = paragraph(b, parent, "P");
            break;
        }
        int &h2 = m_headings[b.itemId];
        if (h2 == 0) {
            // The heading comes first in the item's group, before a picture slot drawn beside it.
            h2 = add("H2", parent) + 1;
            std::vector<Kid> &kids = elems[size_t(parent)].kids;
            std::rotate(kids.begin(), kids.end() - 1, kids.end());
            m.elem = h2 - 1;
        } else if (m_last == h2 - 1) {
            m.elem = h2 - 1;
        } else {
            m.elem = paragraph(b, parent, "P"); // a label further on (signature: name, date)
        }
        break;
    }
    case BoxRole::SectionHelp:
    case BoxRole::Condition:
    case BoxRole::Help:
    case BoxRole::Info:
    case BoxRole::Answer:
    case BoxRole::NotAnswered:
        if (!text) {
            m.artifact = Artifact::Layout;
            return m;
        }
        m.elem = paragraph(b, container(b.itemId), "P");
        break;
    }
    m_last = m.elem;
    m_lastRole = b.role;
    m_lastItem = b.itemId;
    m_lastLang = b.lang;
    m_lastContinued = b.continued;
    return m;
}

int figureAt(const PageDrawLog &boxes, const QRectF &bounds)
{
    if (bounds.isNull())
        return -1;
    for (int i = 0; i < boxes.size(); ++i) {
        const DrawnBox &b = boxes.at(i);
        if (b.kind == BoxKind::Picture && b.role == BoxRole::Figure && b.rect.adjusted(-2, -2, 2, 2).contains(bounds))
            return i;
    }
    return -1;
}

const char *artifactOpen(Artifact a)
{
    switch (a) {
    case Artifact::Header:
        return "/Artifact <</Type /Pagination /Subtype /Header>> BDC\n";
    case Artifact::Footer:
        return "/Artifact <</Type /Pagination /Subtype /Footer>> BDC\n";
    case Artifact::Pagination:
        return "/Artifact <</Type /Pagination>> BDC\n";
    case Artifact::Layout:
    case Artifact::None:
        break;
    }
    return "/Artifact BMC\n";
}

} // namespace coform::Tagging
