// libqpdf 11: use std::shared_ptr, not its PointerHolder.
#define POINTERHOLDER_TRANSITION 4
#include "pdf/fieldfont.h"

#include <qpdf/QPDF.hh>

#include <QFile>
#include <QHash>
#include <QMutex>
#include <QPointF>
#include <QRawFont>
#include <QVector>
#include <QtEndian>

#include <string>

namespace coform {

namespace {

using Handle = QPDFObjectHandle;

Handle name(const char *n)
{
    return Handle::newName(n);
}

Handle nameOf(const QString &n)
{
    return Handle::newName((QLatin1Char('/') + n).toStdString());
}

/// Unicode of the WinAnsiEncoding codes 128 to 159 (0: not defined).
constexpr char16_t winAnsiHigh[32] = {0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                      0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
                                      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                      0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

char16_t winAnsiToUnicode(int code)
{
    if (code >= 128 && code < 160)
        return winAnsiHigh[code - 128];
    return char16_t(code);
}

/// What the font dictionary needs from a TrueType file, read once a process for each file.
struct FontData
{
    QByteArray compressed; ///< the whole file, zlib-compressed (/FlateDecode)
    qint64 length = 0;     ///< the file's size (/Length1)
    QString psName;
    QVector<int> widths; ///< WinAnsi codes 32 to 255, 1000 units an em
    QVector<int> bbox;
    int ascent = 0;
    int descent = 0;
    int capHeight = 0;
};

bool readFontData(const QString &path, FontData *out, QString *error)
{
    QFile file(path);
    if (path.isEmpty() || !file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("no TrueType font file for the form fields%1 (install the Liberation or DejaVu fonts)")
                     .arg(path.isEmpty() ? QString() : QStringLiteral(" (%1 cannot be read)").arg(path));
        return false;
    }
    const QByteArray data = file.readAll();
    const QRawFont raw(data, 1000, QFont::PreferNoHinting);
    if (!raw.isValid()) {
        *error = QStringLiteral("%1 is not a font Qt can read").arg(path);
        return false;
    }
    const qreal unitsPerEm = raw.unitsPerEm();
    const auto scaled = [&](qreal fontUnits) { return qRound(fontUnits * 1000.0 / unitsPerEm); };
    // Font bounding box from the 'head' table (xMin, yMin, xMax, yMax at byte 36, signed 16-bit font units).
    out->bbox = {-200, -250, 1100, 950};
    const QByteArray head = raw.fontTable("head");
    if (head.size() >= 44) {
        for (int i = 0; i < 4; ++i)
            out->bbox[i] = scaled(qFromBigEndian<qint16>(head.constData() + 36 + 2 * i));
    }
    QVector<quint32> glyphs(1);
    int glyphCount = 1;
    for (int code = 32; code <= 255; ++code) {
        const QChar c(winAnsiToUnicode(code));
        qreal width = 0;
        if (!c.isNull() && raw.glyphIndexesForChars(&c, 1, glyphs.data(), &glyphCount) && glyphs.at(0) != 0) {
            const QVector<QPointF> advances = raw.advancesForGlyphIndexes(glyphs);
            width = advances.isEmpty() ? 0 : advances.first().x();
        }
        out->widths.append(qRound(width));
    }
    out->psName = raw.familyName();
    out->psName.remove(QLatin1Char(' '));
    if (!raw.styleName().isEmpty() && raw.styleName() != QLatin1String("Regular"))
        out->psName += QLatin1Char('-') + QString(raw.styleName()).remove(QLatin1Char(' '));
    out->ascent = qRound(raw.ascent());
    out->descent = -qRound(raw.descent());
    out->capHeight = qRound(raw.capHeight());
    out->length = data.size();
    // qCompress gives a 4-byte length and then a zlib stream, which is what /FlateDecode reads.
    out->compressed = qCompress(data, 6).mid(4);
    return true;
}

} // namespace

/// The embedded font: a whole TrueType file as /FontFile2, simple font with /WinAnsiEncoding.
bool makeFieldFont(QPDF &pdf, const QString &path, Handle *font, QString *error)
{
    static QMutex mutex;
    static QHash<QString, FontData> cache;
    FontData data;
    {
        const QMutexLocker lock(&mutex);
        if (!cache.contains(path)) {
            FontData read;
            if (!readFontData(path, &read, error))
                return false;
            cache.insert(path, read);
        }
        data = cache.value(path);
    }
    Handle widths = Handle::newArray();
    for (const int w : data.widths)
        widths.appendItem(Handle::newInteger(w));
    Handle fontFile = Handle::newStream(&pdf, data.compressed.toStdString());
    fontFile.getDict().replaceKey("/Filter", name("/FlateDecode"));
    fontFile.getDict().replaceKey("/Length1", Handle::newInteger(data.length));
    Handle descriptor = Handle::newDictionary();
    descriptor.replaceKey("/Type", name("/FontDescriptor"));
    descriptor.replaceKey("/FontName", nameOf(data.psName));
    descriptor.replaceKey("/Flags", Handle::newInteger(32)); // non-symbolic
    Handle box = Handle::newArray();
    for (const int v : data.bbox)
        box.appendItem(Handle::newInteger(v));
    descriptor.replaceKey("/FontBBox", box);
    descriptor.replaceKey("/ItalicAngle", Handle::newInteger(0));
    descriptor.replaceKey("/Ascent", Handle::newInteger(data.ascent));
    descriptor.replaceKey("/Descent", Handle::newInteger(data.descent));
    descriptor.replaceKey("/CapHeight", Handle::newInteger(data.capHeight));
    descriptor.replaceKey("/StemV", Handle::newInteger(80));
    descriptor.replaceKey("/FontFile2", fontFile);

    Handle dict = Handle::newDictionary();
    dict.replaceKey("/Type", name("/Font"));
    dict.replaceKey("/Subtype", name("/TrueType"));
    dict.replaceKey("/BaseFont", nameOf(data.psName));
    dict.replaceKey("/FirstChar", Handle::newInteger(32));
    dict.replaceKey("/LastChar", Handle::newInteger(255));
    dict.replaceKey("/Widths", widths);
    dict.replaceKey("/Encoding", name("/WinAnsiEncoding"));
    dict.replaceKey("/FontDescriptor", pdf.makeIndirectObject(descriptor));
    *font = pdf.makeIndirectObject(dict);
    return true;
}

} // namespace coform
