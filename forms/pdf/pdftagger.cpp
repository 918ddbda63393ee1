// libqpdf 11: use std::shared_ptr, not its PointerHolder.
#define POINTERHOLDER_TRANSITION 4

#include "pdf/pdftagger.h"

#include "pdf/phrases.h"

#include <libdeflate.h>
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <QHash>
#include <QPointF>
#include <QRectF>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstring>
#include <exception>
#include <string_view>
#include <vector>

namespace coform {

namespace {

// ---------------------------------------------------------------------------------------------------------------
// Reading a page's content stream: where each text object and each path starts and ends, and where it is drawn.

/// An affine matrix as PDF writes it ([a b c d e f]); points are row vectors, so p' = p * M.
struct Matrix
{
    double a = 1, b = 0, c = 0, d = 1, e = 0, f = 0;

    /// This transformation followed by m.
    Matrix then(const Matrix &m) const
    {
        return {a * m.a + b * m.c, a * m.b + b * m.d,       c * m.a + d * m.c,
                c * m.b + d * m.d, e * m.a + f * m.c + m.e, e * m.b + f * m.d + m.f};
    }
    QPointF map(double x, double y) const { return {x * a + y * c + e, x * b + y * d + f}; }
};

/// A graphics object of the content stream: [start, end) in bytes.
struct ContentObject
{
    enum class Kind { Text, Path, Other };
    Kind kind = Kind::Other;
    qsizetype start = 0;
    qsizetype end = 0;
    bool hasOrigin = false;
    QPointF origin; ///< Text: where the first glyph is drawn (points, origin top-left, y down)
    QRectF bounds;  ///< Path: the points it goes through (points, origin top-left, y down)
};

enum CharClass : unsigned char { Regular = 0, White = 1, Delimiter = 2 };

constexpr std::array<unsigned char, 256> charClasses = [] {
    std::array<unsigned char, 256> t{};
    for (const char c : {' ', '\n', '\r', '\t', '\f', '\0'})
        t[static_cast<unsigned char>(c)] = White;
    for (const char c : {'(', ')', '<', '>', '[', ']', '{', '}', '/', '%'})
        t[static_cast<unsigned char>(c)] = Delimiter;
    return t;
}();

/// The bytes that need a look when skipping the glyphs of a text object: the start of ET, strings and comments.
constexpr std::array<bool, 256> textStops = [] {
    std::array<bool, 256> t{};
    for (const char c : {'E', '(', '<', '%'})
        t[static_cast<unsigned char>(c)] = true;
    return t;
}();

inline bool isWhite(char c)
{
    return charClasses[static_cast<unsigned char>(c)] == White;
}

inline bool isRegular(char c)
{
    return charClasses[static_cast<unsigned char>(c)] == Regular;
}

/// Splits a content stream into graphics objects. Tracks the current transformation matrix (q, Q, cm) and the text
/// matrix (Tm, Td, TD, T*) so that each object's position is known in page coordinates. `pageTop` is the top of the
/// media box, to turn PDF's y-up coordinates into the draw log's y-down ones.
class ContentScanner
{
public:
    ContentScanner(const char *data, qsizetype size, double pageTop)
        : m_s(data)
        , m_n(size)
        , m_top(pageTop)
    {}

    bool run(std::vector<ContentObject> *objects, QString *error)
    {
        qsizetype i = 0;
        int nesting = 0; // inside arrays and dictionaries: operands, never operators
        while (i < m_n) {
            if (m_inText && m_hasOrigin) {
                // Where the text is drawn is known; only the end of the text object (ET) matters now, so glyphs
                // and their positions are skipped without reading them.
                i = skipToEndOfText(i);
                if (i < 0)
                    return fail(error, m_n, "a string in a text object is not closed");
                reset();
                if (i >= m_n)
                    break;
            }
            const char ch = m_s[i];
            if (isWhite(ch)) {
                ++i;
                continue;
            }
            if (ch == '%') {
                while (i < m_n && m_s[i] != '\n' && m_s[i] != '\r')
                    ++i;
                continue;
            }
            if (m_opStart < 0)
                m_opStart = i;
            if (ch == '(') {
                int depth = 0;
                for (; i < m_n; ++i) {
                    const char c = m_s[i];
                    if (c == '\\') {
                        ++i;
                    } else if (c == '(') {
                        ++depth;
                    } else if (c == ')' && --depth == 0) {
                        ++i;
                        break;
                    }
                }
                if (depth != 0)
                    return fail(error, i, "a string is not closed");
                operand();
                continue;
            }
            if (ch == '<') {
                if (i + 1 < m_n && m_s[i + 1] == '<') {
                    i += 2;
                    ++nesting;
                    continue;
                }
                while (i < m_n && m_s[i] != '>')
                    ++i;
                if (i >= m_n)
                    return fail(error, i, "a hex string is not closed");
                ++i;
                operand();
                continue;
            }
            if (ch == '>') {
                if (i + 1 >= m_n || m_s[i + 1] != '>' || nesting == 0)
                    return fail(error, i, "unexpected \">\"");
                i += 2;
                if (--nesting == 0)
                    operand();
                continue;
            }
            if (ch == '[' || ch == '{') {
                ++i;
                ++nesting;
                continue;
            }
            if (ch == ']' || ch == '}') {
                if (nesting == 0)
                    return fail(error, i, "unexpected closing bracket");
                ++i;
                if (--nesting == 0)
                    operand();
                continue;
            }
            if (ch == ')')
                return fail(error, i, "unexpected \")\"");
            if (ch == '/') {
                ++i;
                while (i < m_n && isRegular(m_s[i]))
                    ++i;
                if (nesting == 0)
                    operand();
                continue;
            }
            const qsizetype begin = i;
            while (i < m_n && isRegular(m_s[i]))
                ++i;
            if (ch == '-' || ch == '+' || ch == '.' || (ch >= '0' && ch <= '9')) {
                if (nesting == 0)
                    number(begin, i);
                continue;
            }
            if (nesting > 0)
                continue; // true, false, null inside an array or dictionary
            const std::string_view op(m_s + begin, size_t(i - begin));
            if (op == "BI") {
                // An inline image: its dictionary, ID, binary data up to EI between white space.
                const qsizetype id = find("ID", i);
                if (id < 0)
                    return fail(error, begin, "an inline image has no ID");
                qsizetype j = id + 3;
                qsizetype end = -1;
                for (; j + 1 < m_n; ++j) {
                    if (m_s[j] == 'E' && m_s[j + 1] == 'I' && isWhite(m_s[j - 1])
                        && (j + 2 == m_n || isWhite(m_s[j + 2]))) {
                        end = j + 2;
                        break;
                    }
                }
                if (end < 0)
                    return fail(error, begin, "an inline image has no EI");
                objects->push_back({ContentObject::Kind::Other, m_opStart, end, false, {}, {}});
                i = end;
                reset();
                continue;
            }
            if (!operatorFound(op, i, objects, error))
                return false;
            reset();
        }
        if (m_inText)
            return fail(error, m_n, "a text object (BT) is not closed (ET)");
        return true;
    }

private:
    /// The offset of the next "ET" operator from `i` on, past strings and comments (m_n when there is none; -1 for
    /// a string that is not closed).
    qsizetype skipToEndOfText(qsizetype i) const
    {
        while (i < m_n) {
            while (i < m_n && !textStops[static_cast<unsigned char>(m_s[i])])
                ++i;
            if (i >= m_n)
                break;
            const char c = m_s[i];
            if (c == 'E') {
                if (i + 1 < m_n && m_s[i + 1] == 'T' && (i == 0 || !isRegular(m_s[i - 1]))
                    && (i + 2 == m_n || !isRegular(m_s[i + 2])))
                    return i;
                ++i;
            } else if (c == '(') {
                int depth = 0;
                for (; i < m_n; ++i) {
                    const char d = m_s[i];
                    if (d == '\\') {
                        ++i;
                    } else if (d == '(') {
                        ++depth;
                    } else if (d == ')' && --depth == 0) {
                        ++i;
                        break;
                    }
                }
                if (depth != 0)
                    return -1;
            } else if (c == '<') {
                if (i + 1 < m_n && m_s[i + 1] == '<') {
                    i += 2;
                    continue;
                }
                const void *close = std::memchr(m_s + i, '>', size_t(m_n - i));
                if (!close)
                    return -1;
                i = static_cast<const char *>(close) - m_s + 1;
            } else {
                while (i < m_n && m_s[i] != '\n' && m_s[i] != '\r')
                    ++i; // a comment
            }
        }
        return m_n;
    }

    qsizetype find(const char *word, qsizetype from) const
    {
        for (qsizetype j = from; j + 1 < m_n; ++j) {
            if (m_s[j] == word[0] && m_s[j + 1] == word[1] && isWhite(m_s[j - 1])
                && (j + 2 == m_n || isWhite(m_s[j + 2])))
                return j;
        }
        return -1;
    }

    static bool fail(QString *error, qsizetype at, const char *what)
    {
        if (error)
            *error = QStringLiteral("page content, byte %1: %2").arg(at).arg(QLatin1String(what));
        return false;
    }

    void operand()
    {
        // Anything but a number breaks a run of numbers: operators read only trailing numbers.
        m_count = 0;
    }

    /// Numbers are kept as text and read only when an operator needs them (most are glyph positions that do not
    /// matter here).
    void number(qsizetype begin, qsizetype end)
    {
        if (m_count == MaxOperands) {
            for (int k = 1; k < MaxOperands; ++k)
                m_nums[k - 1] = m_nums[k];
            --m_count;
        }
        m_nums[m_count++] = {begin, end};
    }

    double arg(int k, int of) const
    {
        const NumberText &n = m_nums[m_count - of + k];
        const char *p = m_s + n.begin;
        if (*p == '+')
            ++p;
        double v = 0;
        const auto r = std::from_chars(p, m_s + n.end, v);
        return r.ec == std::errc() ? v : 0;
    }

    void reset()
    {
        m_count = 0;
        m_opStart = -1;
    }

    QPointF toPage(const QPointF &p) const { return {p.x(), m_top - p.y()}; }

    void addPoint(double x, double y)
    {
        const QPointF p = toPage(m_ctm.map(x, y));
        if (!m_hasBounds) {
            m_bounds = QRectF(p, QSizeF(0, 0));
            m_hasBounds = true;
            return;
        }
        m_bounds.setLeft(qMin(m_bounds.left(), p.x()));
        m_bounds.setTop(qMin(m_bounds.top(), p.y()));
        m_bounds.setRight(qMax(m_bounds.right(), p.x()));
        m_bounds.setBottom(qMax(m_bounds.bottom(), p.y()));
    }

    void pathStart()
    {
        if (m_pathStart < 0) {
            m_pathStart = m_opStart;
            m_hasBounds = false;
        }
    }

    /// An operator as a number, for a switch: its length and first three bytes.
    static constexpr quint32 code(std::string_view op)
    {
        quint32 c = quint32(op.size() > 255 ? 255 : op.size()) << 24;
        for (size_t k = 0; k < op.size() && k < 3; ++k)
            c |= quint32(static_cast<unsigned char>(op[k])) << (16 - 8 * k);
        return c;
    }

    bool operatorFound(std::string_view op, qsizetype end, std::vector<ContentObject> *objects, QString *error)
    {
        const auto has = [&](int n) { return m_count >= n; };
        switch (code(op)) {
        case code("q"):
            m_stack.push_back(m_ctm);
            break;
        case code("Q"):
            if (m_stack.empty())
                return fail(error, end, "Q without q");
            m_ctm = m_stack.back();
            m_stack.pop_back();
            break;
        case code("cm"):
            if (has(6))
                m_ctm = Matrix{arg(0, 6), arg(1, 6), arg(2, 6), arg(3, 6), arg(4, 6), arg(5, 6)}.then(m_ctm);
            break;
        case code("BT"):
            if (m_inText)
                return fail(error, end, "BT inside a text object");
            m_inText = true;
            m_textStart = m_opStart;
            m_tm = m_tlm = Matrix{};
            m_hasOrigin = false;
            break;
        case code("ET"):
            if (!m_inText)
                return fail(error, end, "ET without BT");
            m_inText = false;
            objects->push_back({ContentObject::Kind::Text, m_textStart, end, m_hasOrigin, m_origin, {}});
            break;
        case code("Tm"):
            if (has(6) && !m_hasOrigin)
                m_tm = m_tlm = Matrix{arg(0, 6), arg(1, 6), arg(2, 6), arg(3, 6), arg(4, 6), arg(5, 6)};
            break;
        case code("Td"):
        case code("TD"):
            // Only the position of the first glyph matters; glyph by glyph moves after it are not read.
            if (has(2) && !m_hasOrigin) {
                if (op[1] == 'D')
                    m_leading = -arg(1, 2);
                m_tm = m_tlm = Matrix{1, 0, 0, 1, arg(0, 2), arg(1, 2)}.then(m_tlm);
            }
            break;
        case code("TL"):
            if (has(1))
                m_leading = arg(0, 1);
            break;
        case code("T*"):
            m_tm = m_tlm = Matrix{1, 0, 0, 1, 0, -m_leading}.then(m_tlm);
            break;
        case code("'"):
        case code("\""):
            m_tm = m_tlm = Matrix{1, 0, 0, 1, 0, -m_leading}.then(m_tlm);
            [[fallthrough]];
        case code("Tj"):
        case code("TJ"):
            if (!m_hasOrigin) {
                m_origin = toPage(m_tm.then(m_ctm).map(0, 0));
                m_hasOrigin = true;
            }
            break;
        case code("m"):
        case code("l"):
            pathStart();
            if (has(2))
                addPoint(arg(0, 2), arg(1, 2));
            break;
        case code("c"):
            pathStart();
            if (has(6)) {
                for (int k = 0; k < 3; ++k)
                    addPoint(arg(2 * k, 6), arg(2 * k + 1, 6));
            }
            break;
        case code("v"):
        case code("y"):
            pathStart();
            if (has(4)) {
                addPoint(arg(0, 4), arg(1, 4));
                addPoint(arg(2, 4), arg(3, 4));
            }
            break;
        case code("re"):
            pathStart();
            if (has(4)) {
                const double x = arg(0, 4), y = arg(1, 4), w = arg(2, 4), h = arg(3, 4);
                addPoint(x, y);
                addPoint(x + w, y);
                addPoint(x, y + h);
                addPoint(x + w, y + h);
            }
            break;
        case code("h"):
        case code("W"):
        case code("W*"):
            pathStart();
            break;
        case code("S"):
        case code("s"):
        case code("f"):
        case code("F"):
        case code("f*"):
        case code("B"):
        case code("B*"):
        case code("b"):
        case code("b*"):
        case code("n"):
            if (m_pathStart >= 0 && op != "n")
                objects->push_back({ContentObject::Kind::Path, m_pathStart, end, false, {}, m_bounds});
            m_pathStart = -1;
            break;
        case code("Do"):
        case code("sh"):
            if (!m_inText)
                objects->push_back({ContentObject::Kind::Other, m_opStart, end, false, {}, {}});
            break;
        default:
            break;
        }
        return true;
    }

    static constexpr int MaxOperands = 8;

    const char *m_s;
    qsizetype m_n;
    double m_top;
    struct NumberText
    {
        qsizetype begin = 0;
        qsizetype end = 0;
    };
    NumberText m_nums[MaxOperands] = {};
    int m_count = 0;
    qsizetype m_opStart = -1;
    Matrix m_ctm;
    std::vector<Matrix> m_stack;
    bool m_inText = false;
    qsizetype m_textStart = 0;
    Matrix m_tm, m_tlm;
    double m_leading = 0;
    bool m_hasOrigin = false;
    QPointF m_origin;
    qsizetype m_pathStart = -1;
    bool m_hasBounds = false;
    QRectF m_bounds;
};

// ---------------------------------------------------------------------------------------------------------------
// The structure tree, planned from the draw log before the content is read.

enum class Artifact { None, Layout, Header, Footer, Pagination };

/// What one drawn box becomes: content of a structure element, an artifact, or nothing (empty text).
struct Mark
{
    int elem = -1;
    Artifact artifact = Artifact::None;
};

struct Kid
{
    int elem = -1;  ///< a child element
    int page = -1;  ///< a marked-content reference on this page
    int mcid = -1;  ///<   with this id
    int annot = -1; ///< an object reference to this widget annotation (index into Structure::annots)
};

struct Elem
{
    QByteArray type;
    int parent = -1;
    std::vector<Kid> kids;
    QString alt;
    QString lang; ///< of all its text, when the same
    bool hasText = false;
    bool mixedLang = false;
    int bboxPage = -1;
    QRectF bbox; ///< Figure: the picture slot (points, origin top-left)
};

class Structure
{
public:
    explicit Structure(const QString &docLang)
        : m_docLang(docLang)
    {
        m_doc = add("Document", -1);
    }

    std::vector<Elem> elems;
    std::vector<QPDFObjectHandle> annots;
    QHash<QString, int> divs; ///< item id -> the item's group element

    int add(const QByteArray &type, int parent)
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
    QString langOf(const DrawnBox &b) const
    {
        if (b.lang.isEmpty() || (b.lang == QLatin1String("en") && m_docLang == QLatin1String("en-GB")))
            return {};
        const QString tag = documentLanguageTag(b.lang);
        return tag == m_docLang ? QString() : tag;
    }

    void addContent(int elem, int page, int mcid, const QString &lang)
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
    QVector<QVector<Mark>> plan(const QVector<PageDrawLog> &log)
    {
        QHash<QString, QString> numbers;
        for (const PageDrawLog &page : log) {
            for (const DrawnBox &b : page) {
                if (b.role == BoxRole::QuestionNumber && !numbers.contains(b.itemId)) {
                    QString n = b.text.trimmed();
                    if (n.endsWith(QLatin1Char('.')))
                        n.chop(1);
                    numbers.insert(b.itemId, n);
                }
            }
        }
        QVector<QVector<Mark>> marks;
        marks.reserve(log.size());
        for (int p = 0; p < log.size(); ++p) {
            QVector<Mark> pageMarks;
            pageMarks.reserve(log.at(p).size());
            for (const DrawnBox &b : log.at(p))
                pageMarks.append(planBox(b, p, numbers));
            marks.append(std::move(pageMarks));
        }
        return marks;
    }

private:
    int container(const QString &itemId)
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
    int paragraph(const DrawnBox &b, int parent, const QByteArray &type)
    {
        const bool anyLang = type == "H1";
        if (!b.newBlock && m_last >= 0 && elems[size_t(m_last)].parent == parent && elems[size_t(m_last)].type == type
            && m_lastRole == b.role && m_lastItem == b.itemId && (anyLang || m_lastLang == b.lang)
            && m_lastContinued == b.continued)
            return m_last;
        return add(type, parent);
    }

    void startItem(const QString &itemId)
    {
        int &list = m_lists[itemId];
        if (list == 0)
            list = add("L", container(itemId)) + 1;
        m_li = add("LI", list - 1);
        m_liItem = itemId;
        m_lbl = m_lbody = -1;
    }

    Mark planBox(const DrawnBox &b, int page, const QHash<QString, QString> &numbers)
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
            m.elem = add("Figure", container(b.itemId));
            Elem &e = elems[size_t(m.elem)];
            const QString n = numbers.value(b.itemId);
            e.alt =
                n.isEmpty() ? QStringLiteral("Picture space") : QStringLiteral("Picture space for question %1").arg(n);
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
            const bool newRow = m_tr < 0 || m_rowItem != b.itemId || m_rowPage != page
                                || (!text && qAbs(b.rect.top() - m_rowTop) > 0.5);
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

    QString m_docLang;
    int m_doc = -1;
    int m_sect = -1;
    QString m_sectId;
    QHash<QString, int> m_headings, m_lists, m_tables; // index + 1, 0 when none yet
    int m_li = -1, m_lbl = -1, m_lbody = -1;
    QString m_liItem;
    int m_tr = -1, m_cell = -1, m_rowPage = -1;
    qreal m_rowTop = 0;
    QString m_rowItem;
    int m_last = -1;
    BoxRole m_lastRole = BoxRole::Decoration;
    QString m_lastItem, m_lastLang;
    bool m_lastContinued = false;
};

// ---------------------------------------------------------------------------------------------------------------

/// Appends `text` as a PDF text string in UTF-16BE with a byte order mark, as a literal string: (\376\377...),
/// with the bytes that a literal string cannot hold as they are escaped.
void appendUtf16String(QByteArray *out, const QString &text)
{
    const qsizetype at = out->size();
    out->resize(at + 10 + text.size() * 4); // at most \ddd\ddd a character, and the brackets and mark
    char *p = out->data() + at;
    const auto put = [&p](unsigned char byte) {
        switch (byte) {
        case '(':
        case ')':
        case '\\':
            *p++ = '\\';
            *p++ = char(byte);
            break;
        case '\r':
            *p++ = '\\';
            *p++ = 'r';
            break;
        case '\n':
            *p++ = '\\';
            *p++ = 'n';
            break;
        default:
            *p++ = char(byte);
        }
    };
    *p++ = '(';
    put(0xFE);
    put(0xFF);
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        put(static_cast<unsigned char>(u >> 8));
        put(static_cast<unsigned char>(u & 0xFF));
    }
    *p++ = ')';
    out->resize(p - out->constData());
}

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

int matchFigure(const PageDrawLog &boxes, const QRectF &bounds)
{
    for (int i = 0; i < boxes.size(); ++i) {
        const DrawnBox &b = boxes.at(i);
        if (b.kind == BoxKind::Picture && b.role == BoxRole::Figure && b.rect.adjusted(-2, -2, 2, 2).contains(bounds)
            && bounds.width() > b.rect.width() - 4 && bounds.height() > b.rect.height() - 4)
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

/// Flate compression and decompression of whole page contents with libdeflate (several times faster than zlib).
class Flate
{
public:
    Flate()
        : m_compressor(libdeflate_alloc_compressor(1))
        , m_decompressor(libdeflate_alloc_decompressor())
    {}
    ~Flate()
    {
        libdeflate_free_compressor(m_compressor);
        libdeflate_free_decompressor(m_decompressor);
    }
    Flate(const Flate &) = delete;
    Flate &operator=(const Flate &) = delete;

    bool ok() const { return m_compressor && m_decompressor; }

    /// Appends the decompressed zlib stream `in` to `out`; false when it is not a valid one.
    bool inflate(const unsigned char *in, size_t size, QByteArray *out)
    {
        const qsizetype start = out->size();
        size_t room = qMax<size_t>(size * 6, 4096);
        for (int attempt = 0; attempt < 12; ++attempt, room *= 4) {
            if (room > size_t(1) << 30)
                return false;
            out->resize(start + qsizetype(room));
            size_t written = 0;
            const libdeflate_result r =
                libdeflate_zlib_decompress(m_decompressor, in, size, out->data() + start, room, &written);
            if (r == LIBDEFLATE_SUCCESS) {
                out->resize(start + qsizetype(written));
                return true;
            }
            if (r != LIBDEFLATE_INSUFFICIENT_SPACE)
                return false;
        }
        return false;
    }

    /// `data` as a zlib stream (level 1: the content was compressed once already by Qt, so speed matters more).
    std::string deflate(const QByteArray &data)
    {
        std::string out(libdeflate_zlib_compress_bound(m_compressor, size_t(data.size())), '\0');
        const size_t n =
            libdeflate_zlib_compress(m_compressor, data.constData(), size_t(data.size()), out.data(), out.size());
        out.resize(n);
        return out;
    }

private:
    libdeflate_compressor *m_compressor;
    libdeflate_decompressor *m_decompressor;
};

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
        return v.isString() ? xmlEscaped(QString::fromStdString(v.getUTF8Value())) : QString();
    };
    QString xmp = QStringLiteral("<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                                 "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                                 "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n");
    xmp += QStringLiteral("<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
                          "<dc:format>application/pdf</dc:format>\n");
    if (!options.title.isEmpty())
        xmp += QStringLiteral("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">%1</rdf:li></rdf:Alt></dc:title>\n")
                   .arg(title);
    if (!options.lang.isEmpty())
        xmp += QStringLiteral("<dc:language><rdf:Bag><rdf:li>%1</rdf:li></rdf:Bag></dc:language>\n")
                   .arg(xmlEscaped(options.lang));
    xmp += QStringLiteral("</rdf:Description>\n");
    const QString creator = infoText("/Creator");
    if (!creator.isEmpty())
        xmp += QStringLiteral("<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" "
                              "xmp:CreatorTool=\"%1\"/>\n")
                   .arg(creator);
    const QString producer = infoText("/Producer");
    if (!producer.isEmpty())
        xmp += QStringLiteral("<rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" "
                              "pdf:Producer=\"%1\"/>\n")
                   .arg(producer);
    xmp += QStringLiteral("</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>");
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
    for (size_t p = 0; p < pageList.size(); ++p) {
        QPDFObjectHandle page = pageList[p].getObjectHandle();
        const PageDrawLog &boxes = log.at(qsizetype(p));
        const QVector<Mark> &pageMarks = marks.at(qsizetype(p));
        const QByteArray data = pageContent(page, flate);
        QPDFObjectHandle mediaBox = page.getKey("/MediaBox");
        double top = 0;
        if (mediaBox.isArray() && mediaBox.getArrayNItems() == 4 && mediaBox.getArrayItem(3).isNumber())
            top = mediaBox.getArrayItem(3).getNumericValue();
        else
            return failed(QStringLiteral("page %1: no media box").arg(p + 1));

        std::vector<ContentObject> objects;
        objects.reserve(size_t(boxes.size()) + 16);
        QString scanError;
        if (!ContentScanner(data.constData(), data.size(), top).run(&objects, &scanError))
            return failed(QStringLiteral("page %1: %2").arg(p + 1).arg(scanError));

        QByteArray out;
        out.reserve(data.size() + qsizetype(objects.size()) * 96 + 64);
        qsizetype pos = 0;
        int cursor = 0;
        int previous = -1;
        std::vector<int> &mcids = pageMcids[p];
        for (const ContentObject &o : objects) {
            int boxIndex = -1;
            if (o.kind == ContentObject::Kind::Text && o.hasOrigin)
                boxIndex = matchText(boxes, o.origin, cursor);
            else if (o.kind == ContentObject::Kind::Path)
                boxIndex = matchFigure(boxes, o.bounds);
            const Mark mark = boxIndex >= 0 ? pageMarks.at(boxIndex) : Mark{-1, Artifact::Layout};
            out.append(data.constData() + pos, o.start - pos);
            if (mark.elem >= 0) {
                const DrawnBox &b = boxes.at(boxIndex);
                const int mcid = int(mcids.size());
                mcids.push_back(mark.elem);
                const QString lang = structure.langOf(b);
                structure.addContent(mark.elem, int(p), mcid, lang);
                out += '/';
                out += structure.elems[size_t(mark.elem)].type;
                out += " <</MCID ";
                appendNumber(&out, mcid);
                if (o.kind == ContentObject::Kind::Text) {
                    out += " /ActualText ";
                    if (boxIndex == previous)
                        out += "<FEFF>"; // the rest of a line Qt drew in two parts: its text is in the first
                    else
                        appendUtf16String(&out, b.text);
                }
                if (!lang.isEmpty()) {
                    out += " /Lang (";
                    out += lang.toLatin1();
                    out += ')';
                }
                out += ">> BDC\n";
            } else {
                out += artifactOpen(mark.artifact == Artifact::None ? Artifact::Layout : mark.artifact);
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

        // The page's own content stream gets the new content (a new stream object costs qpdf a walk over every
        // object); a /Contents array becomes one stream.
        QPDFObjectHandle stream = page.getKey("/Contents");
        if (!stream.isStream()) {
            stream = pdf.newStream();
            page.replaceKey("/Contents", stream);
        }
        stream.replaceStreamData(flate.deflate(out), name("/FlateDecode"), QPDFObjectHandle::newNull());
        page.replaceKey("/Tabs", name("/S"));
    }

    // Widget annotations of form fields named by an item id: a Form element in the item's group.
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
            const int index = int(structure.annots.size());
            structure.annots.push_back(annot);
            structure.elems[size_t(form)].kids.push_back(Kid{-1, int(p), -1, index});
            annotKeys.emplace_back(index, form);
        }
    }

    // Write the elements.
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
                objr.replaceKey("/Obj", structure.annots[size_t(k.annot)]);
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
            if (!docLang.startsWith(QLatin1String("en")))
                o.replaceKey("/Lang", QPDFObjectHandle::newUnicodeString("en-GB"));
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
    for (const auto &[annot, form] : annotKeys) {
        QPDFObjectHandle widget = structure.annots[size_t(annot)];
        widget.replaceKey("/StructParent", QPDFObjectHandle::newInteger(key));
        nums.appendItem(QPDFObjectHandle::newInteger(key));
        nums.appendItem(objs[size_t(form)]);
        ++key;
    }
    QPDFObjectHandle parentTree = QPDFObjectHandle::newDictionary();
    parentTree.replaceKey("/Nums", nums);
    root.replaceKey("/ParentTree", pdf.makeIndirectObject(parentTree));
    root.replaceKey("/ParentTreeNextKey", QPDFObjectHandle::newInteger(key));

    // The catalogue and the document information.
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
