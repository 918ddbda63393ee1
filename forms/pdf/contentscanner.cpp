#include "pdf/contentscanner.h"

#include <QPolygonF>

#include <array>
#include <charconv>
#include <cstring>
#include <string_view>

namespace coform {

namespace {

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
            if (!m_inText) {
                // An XObject (an image) fills the unit square of the current matrix: that is where it is drawn.
                QRectF bounds;
                if (op == "Do") {
                    QPolygonF corners;
                    static constexpr double unit[4][2] = {{0, 0}, {1, 0}, {0, 1}, {1, 1}};
                    for (const auto &corner : unit)
                        corners << toPage(m_ctm.map(corner[0], corner[1]));
                    bounds = corners.boundingRect();
                }
                objects->push_back({ContentObject::Kind::Other, m_opStart, end, false, {}, bounds});
            }
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

} // namespace

bool scanContent(const char *data, qsizetype size, double pageTop, std::vector<ContentObject> *objects, QString *error)
{
    return ContentScanner(data, size, pageTop).run(objects, error);
}

} // namespace coform
