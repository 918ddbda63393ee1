#pragma once

#include <QByteArray>
#include <QString>
#include <QVector>

#include <memory>
#include <string>

namespace coform {

class Flate;

/// The objects of a PDF file being written, numbered from 1, and the file they make (header, objects, cross-reference
/// table, trailer). Streams are written as Flate streams of stored blocks (deflate without compression), for a
/// caller whose last pass is compressStoredStreams() (pdf/flate.h), or compressed; a stream that must stay readable
/// as it is (XMP metadata in PDF/A) is written without a filter.
class PdfObjects
{
public:
    PdfObjects();
    ~PdfObjects();
    PdfObjects(const PdfObjects &) = delete;
    PdfObjects &operator=(const PdfObjects &) = delete;

    /// A new object number; its body is set later with set() or setStream().
    int add();
    /// Object `id` is `body` (a dictionary, array or other value, as PDF text).
    void set(int id, QByteArray body);
    /// Streams compressed (libdeflate) rather than stored.
    void setCompressed(bool compressed) { m_compressed = compressed; }
    /// Object `id` is a stream: `dict` holds the dictionary's own entries without the brackets, /Length and /Filter.
    /// With `plain`, the data is written as it is, without a filter.
    void setStream(int id, const QByteArray &dict, const QByteArray &data, bool plain = false);
    /// The whole file, with the trailer naming `root` (the catalogue) and `info` (the information dictionary) and
    /// giving the file an /ID (from its bytes), in PDF `version` ("1.4", "1.5").
    QByteArray file(int root, int info, const char *version = "1.4") const;

    /// `value` as a PDF number: at most three decimals, no exponent, no trailing zeros.
    static void appendNumber(QByteArray *out, double value);
    static void appendNumber(std::string *out, double value);
    /// `text` as a PDF text string: (ASCII) when it is printable ASCII, else <FEFF...> (UTF-16BE with a byte order
    /// mark).
    static QByteArray textString(const QString &text);

private:
    QVector<QByteArray> m_bodies; ///< object n is m_bodies[n - 1]
    bool m_compressed = false;
    std::unique_ptr<Flate> m_flate; ///< made when the first stream is compressed
};

/// `data` as a zlib stream of stored (uncompressed) deflate blocks.
QByteArray storedZlib(const QByteArray &data);

/// Writes `byte` as it goes inside a PDF literal string at `out` (room for 2) and returns how many characters that is:
/// brackets and backslashes escaped, and line ends, which a reader would otherwise read as a plain line feed.
inline int escapeStringByte(unsigned char byte, char *out)
{
    switch (byte) {
    case '(':
    case ')':
    case '\\':
        out[0] = '\\';
        out[1] = char(byte);
        return 2;
    case '\r':
        out[0] = '\\';
        out[1] = 'r';
        return 2;
    case '\n':
        out[0] = '\\';
        out[1] = 'n';
        return 2;
    default:
        out[0] = char(byte);
        return 1;
    }
}

/// Appends `text` as a PDF text string in UTF-16BE with a byte order mark, as a literal string: (\376\377...),
/// with the bytes that a literal string cannot hold as they are escaped.
template<typename Bytes> void appendUtf16Literal(Bytes *out, const QString &text)
{
    const auto at = out->size();
    out->resize(at + decltype(at)(10 + text.size() * 4)); // at most \ddd\ddd a character, and the brackets and mark
    char *p = out->data() + at;
    const auto put = [&p](unsigned char byte) { p += escapeStringByte(byte, p); };
    *p++ = '(';
    put(0xFE);
    put(0xFF);
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        put(static_cast<unsigned char>(u >> 8));
        put(static_cast<unsigned char>(u & 0xFF));
    }
    *p++ = ')';
    out->resize(decltype(at)(p - out->data()));
}

} // namespace coform
