#include "pdf/pdfobjects.h"

#include "pdf/flate.h"

#include <QCryptographicHash>

#include <zlib.h>

#include <charconv>
#include <cmath>

namespace coform {

PdfObjects::PdfObjects() = default;
PdfObjects::~PdfObjects() = default;

int PdfObjects::add()
{
    m_bodies.append(QByteArray());
    return int(m_bodies.size());
}

void PdfObjects::set(int id, QByteArray body)
{
    m_bodies[id - 1] = std::move(body);
}

void PdfObjects::setStream(int id, const QByteArray &dict, const QByteArray &data, bool plain)
{
    QByteArray bytes;
    if (plain) {
        bytes = data;
    } else if (m_compressed) {
        if (!m_flate)
            m_flate = std::make_unique<Flate>();
        const std::string deflated = m_flate->ok() ? m_flate->deflate(data) : std::string();
        bytes = deflated.empty() ? storedZlib(data) : QByteArray(deflated.data(), qsizetype(deflated.size()));
    } else {
        bytes = storedZlib(data);
    }
    QByteArray body;
    body.reserve(dict.size() + bytes.size() + 64);
    body += "<<";
    body += dict;
    if (!plain)
        body += " /Filter /FlateDecode";
    body += " /Length ";
    body += QByteArray::number(bytes.size());
    body += ">>\nstream\n";
    body += bytes;
    body += "\nendstream";
    m_bodies[id - 1] = std::move(body);
}

QByteArray PdfObjects::file(int root, int info, const char *version) const
{
    QByteArray out;
    qsizetype total = 64;
    for (const QByteArray &b : m_bodies)
        total += b.size() + 48;
    out.reserve(total);
    // The binary comment tells a reader the file holds binary data (PDF/A asks for it).
    out += "%PDF-";
    out += version;
    out += "\n%\xE2\xE3\xCF\xD3\n";
    QVector<qsizetype> offsets;
    offsets.reserve(m_bodies.size());
    for (int i = 0; i < m_bodies.size(); ++i) {
        offsets.append(out.size());
        out += QByteArray::number(i + 1);
        out += " 0 obj\n";
        out += m_bodies.at(i);
        out += "\nendobj\n";
    }
    const qsizetype xref = out.size();
    out += "xref\n0 ";
    out += QByteArray::number(m_bodies.size() + 1);
    out += "\n0000000000 65535 f \n";
    // Each entry is 20 bytes: the offset in ten digits with leading zeros, then " 00000 n " and a line end.
    char entry[21] = "0000000000 00000 n \n";
    for (qsizetype offset : offsets) {
        for (int digit = 9; digit >= 0; --digit, offset /= 10)
            entry[digit] = char('0' + offset % 10);
        out.append(entry, 20);
    }
    out += "trailer\n<</Size ";
    out += QByteArray::number(m_bodies.size() + 1);
    out += " /Root ";
    out += QByteArray::number(root);
    out += " 0 R /Info ";
    out += QByteArray::number(info);
    // The file identifier (PDF/A asks for one): the MD5 of what comes before it, twice, as the file is new.
    const QByteArray id = QCryptographicHash::hash(out, QCryptographicHash::Md5).toHex();
    out += " 0 R /ID [<" + id + "> <" + id + ">]>>\nstartxref\n";
    out += QByteArray::number(xref);
    out += "\n%%EOF\n";
    return out;
}

namespace {

/// `value` rounded to thousandths, written at `buffer` (at least 32 bytes); returns the end.
char *writeNumber(char *buffer, double value)
{
    long long thousandths = std::llround(value * 1000);
    char *p = buffer;
    if (thousandths < 0) {
        *p++ = '-';
        thousandths = -thousandths;
    }
    p = std::to_chars(p, buffer + 32, thousandths / 1000).ptr;
    const int fraction = int(thousandths % 1000);
    if (fraction == 0)
        return p;
    *p++ = '.';
    *p++ = char('0' + fraction / 100);
    if (fraction % 100 == 0)
        return p;
    *p++ = char('0' + fraction / 10 % 10);
    if (fraction % 10 != 0)
        *p++ = char('0' + fraction % 10);
    return p;
}

} // namespace

void PdfObjects::appendNumber(QByteArray *out, double value)
{
    char buffer[32];
    out->append(buffer, writeNumber(buffer, value) - buffer);
}

void PdfObjects::appendNumber(std::string *out, double value)
{
    char buffer[32];
    out->append(buffer, size_t(writeNumber(buffer, value) - buffer));
}

QByteArray PdfObjects::textString(const QString &text)
{
    bool plain = true;
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7e) {
            plain = false;
            break;
        }
    }
    QByteArray out;
    if (plain) {
        out += '(';
        for (const QChar c : text) {
            const char ch = char(c.unicode());
            if (ch == '(' || ch == ')' || ch == '\\')
                out += '\\';
            out += ch;
        }
        out += ')';
        return out;
    }
    static const char hex[] = "0123456789ABCDEF";
    out += "<FEFF";
    for (const QChar c : text) {
        const ushort u = c.unicode();
        out += hex[u >> 12];
        out += hex[u >> 8 & 15];
        out += hex[u >> 4 & 15];
        out += hex[u & 15];
    }
    out += '>';
    return out;
}

QByteArray storedZlib(const QByteArray &data)
{
    constexpr qsizetype block = 65535; // the most a stored block holds
    QByteArray out;
    out.reserve(data.size() + (data.size() / block + 1) * 5 + 6);
    out += char(0x78);
    out += char(0x01); // deflate, 32 KiB window, fastest; the header's check bits make 0x7801 a multiple of 31
    qsizetype at = 0;
    do {
        const qsizetype n = qMin(block, data.size() - at);
        const bool last = at + n == data.size();
        out += char(last ? 1 : 0);
        out += char(n & 0xff);
        out += char(n >> 8 & 0xff);
        out += char(~n & 0xff);
        out += char(~n >> 8 & 0xff);
        out.append(data.constData() + at, n);
        at += n;
    } while (at < data.size());
    const uLong adler =
        adler32(adler32(0, nullptr, 0), reinterpret_cast<const Bytef *>(data.constData()), uInt(data.size()));
    out += char(adler >> 24 & 0xff);
    out += char(adler >> 16 & 0xff);
    out += char(adler >> 8 & 0xff);
    out += char(adler & 0xff);
    return out;
}

} // namespace coform
