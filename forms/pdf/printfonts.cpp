#include "pdf/printfonts.h"

#include <QtEndian>

#include <hb-subset.h>

#include <cstring>
#include <map>

namespace coform::PrintFonts {

quint32 read32(const QByteArray &b, qsizetype at)
{
    const auto *p = reinterpret_cast<const uchar *>(b.constData() + at);
    return quint32(p[0]) << 24 | quint32(p[1]) << 16 | quint32(p[2]) << 8 | p[3];
}

quint16 read16(const QByteArray &b, qsizetype at)
{
    const auto *p = reinterpret_cast<const uchar *>(b.constData() + at);
    return quint16(p[0] << 8 | p[1]);
}

namespace {

quint32 tag(const char *t)
{
    return quint32(quint8(t[0])) << 24 | quint32(quint8(t[1])) << 16 | quint32(quint8(t[2])) << 8 | quint8(t[3]);
}

void put16(QByteArray &b, quint32 v)
{
    b.append(char(v >> 8 & 0xff)).append(char(v & 0xff));
}

void put32(QByteArray &b, quint32 v)
{
    put16(b, v >> 16);
    put16(b, v & 0xffff);
}

/// The tables of a plain TrueType font, by tag, each reading `sfnt`'s bytes in place (so `sfnt` must outlive them);
/// false when `sfnt` is not one or a table lies outside it.
bool readTables(const QByteArray &sfnt, std::map<quint32, QByteArray> *tables)
{
    if (sfnt.size() < 12)
        return false;
    const quint32 version = read32(sfnt, 0);
    if (version != 0x00010000 && version != tag("true"))
        return false;
    const int count = read16(sfnt, 4);
    if (count == 0 || sfnt.size() < 12 + 16 * qsizetype(count))
        return false;
    for (int i = 0; i < count; ++i) {
        const qsizetype record = 12 + 16 * qsizetype(i);
        const quint32 offset = read32(sfnt, record + 8), length = read32(sfnt, record + 12);
        if (qsizetype(offset) > sfnt.size() || qsizetype(length) > sfnt.size() - qsizetype(offset))
            return false;
        (*tables)[read32(sfnt, record)] = QByteArray::fromRawData(sfnt.constData() + offset, qsizetype(length));
    }
    return true;
}

/// The table's checksum: the sum of its big-endian 32-bit words, the last one padded with zeros.
quint32 checksum(const QByteArray &table)
{
    quint32 sum = 0;
    const qsizetype whole = table.size() / 4 * 4;
    for (qsizetype at = 0; at < whole; at += 4)
        sum += qFromBigEndian<quint32>(table.constData() + at);
    quint32 last = 0;
    for (qsizetype at = whole; at < table.size(); ++at)
        last |= quint32(quint8(table.at(at))) << (24 - 8 * (at - whole));
    return sum + last;
}

/// A TrueType font of `tables`, in tag order, each on a four-byte boundary, written into one buffer of its final size.
QByteArray writeFont(const std::map<quint32, QByteArray> &tables)
{
    const auto count = quint16(tables.size());
    quint16 power = 1, log = 0;
    while (power * 2 <= count) {
        power *= 2;
        ++log;
    }
    QByteArray out;
    put32(out, 0x00010000);
    put16(out, count);
    put16(out, power * 16);
    put16(out, log);
    put16(out, count * 16 - power * 16);
    qsizetype size = 12 + 16 * qsizetype(count);
    for (const auto &entry : tables)
        size += (entry.second.size() + 3) / 4 * 4;
    out.reserve(size);
    quint32 offset = 12 + 16 * quint32(count);
    for (const auto &[t, data] : tables) {
        put32(out, t);
        put32(out, checksum(data));
        put32(out, offset);
        put32(out, quint32(data.size()));
        offset += quint32((data.size() + 3) / 4 * 4);
    }
    for (const auto &entry : tables) {
        const QByteArray &data = entry.second;
        out.append(data);
        out.append((4 - data.size() % 4) % 4, '\0');
    }
    return out;
}

void dropHinting(std::map<quint32, QByteArray> &tables)
{
    for (const char *t : {"fpgm", "prep", "cvt ", "hdmx", "LTSH", "VDMX"})
        tables.erase(tag(t));
}

/// A character map with one (Windows, Unicode BMP) format 4 subtable mapping `ch` to `glyph`.
QByteArray oneCharacterMap(char32_t ch, quint16 glyph)
{
    QByteArray map;
    put16(map, 0); // version
    put16(map, 1); // one subtable
    put16(map, 3); // Windows
    put16(map, 1); // Unicode BMP
    put32(map, 12);
    put16(map, 4);  // format
    put16(map, 32); // length
    put16(map, 0);  // language
    put16(map, 4);  // two segments: ch, and the closing 0xFFFF
    put16(map, 4);  // search range
    put16(map, 1);  // entry selector
    put16(map, 0);  // range shift
    put16(map, quint32(ch));
    put16(map, 0xffff);
    put16(map, 0); // reserved
    put16(map, quint32(ch));
    put16(map, 0xffff);
    put16(map, quint32(glyph - quint32(ch)) & 0xffff);
    put16(map, 1);
    put16(map, 0);
    put16(map, 0);
    return map;
}

/// The Windows English (UTF-16) names of a name table, by name id; empty when it cannot be read.
std::map<quint16, QByteArray> windowsNames(const QByteArray &table)
{
    std::map<quint16, QByteArray> names;
    if (table.size() < 6)
        return names;
    const int count = read16(table, 2);
    const qsizetype strings = read16(table, 4);
    for (int i = 0; i < count && 6 + 12 * qsizetype(i + 1) <= table.size(); ++i) {
        const qsizetype r = 6 + 12 * qsizetype(i);
        const qsizetype at = strings + read16(table, r + 10), length = read16(table, r + 8);
        if (read16(table, r) == 3 && read16(table, r + 2) == 1 && read16(table, r + 4) == 0x0409
            && at + length <= table.size())
            names[read16(table, r + 6)] = table.mid(at, length);
    }
    return names;
}

/// A name record's big-endian UTF-16 as text.
QString fromUtf16(const QByteArray &bytes)
{
    QString text;
    for (qsizetype at = 0; at + 1 < bytes.size(); at += 2)
        text += QChar(read16(bytes, at));
    return text;
}

QByteArray utf16(const QString &text)
{
    QByteArray out;
    for (const QChar c : text)
        put16(out, c.unicode());
    return out;
}

/// A name table naming the font `family`, in the original's style (Regular, Bold, ...), keeping its copyright and
/// licence (ids 0, 13, 14).
QByteArray nameTable(const QByteArray &original, const QString &family, const QString &note)
{
    QString style = QStringLiteral("Regular");
    std::map<quint16, QByteArray> names;
    for (const auto &[id, text] : windowsNames(original)) {
        if (id == 0 || id == 13 || id == 14)
            names[id] = text;
        if (id == 2 && !text.isEmpty())
            style = fromUtf16(text);
    }
    names[1] = utf16(family);
    names[2] = utf16(style);
    names[3] = utf16(family + QLatin1Char(' ') + style);
    names[4] = names[3];
    names[10] = utf16(note); // description
    names[6] = utf16(QString(family).remove(QLatin1Char(' ')) + QLatin1Char('-') + style);
    QByteArray table, strings;
    put16(table, 0);
    put16(table, quint32(names.size()));
    put16(table, 6 + 12 * quint32(names.size()));
    for (const auto &[id, text] : names) {
        put16(table, 3);
        put16(table, 1);
        put16(table, 0x0409);
        put16(table, id);
        put16(table, quint32(text.size()));
        put16(table, quint32(strings.size()));
        strings.append(text);
    }
    return table + strings;
}

} // namespace

QByteArray withoutHinting(const QByteArray &sfnt, const QString &family)
{
    std::map<quint32, QByteArray> tables;
    if (!readTables(sfnt, &tables) || !tables.count(tag("glyf")))
        return sfnt;
    dropHinting(tables);
    if (!family.isEmpty() && tables.count(tag("name"))) {
        const QByteArray original = tables[tag("name")];
        const QString was = fromUtf16(windowsNames(original)[4]);
        tables[tag("name")] = nameTable(original, family, QStringLiteral("%1 without hinting").arg(was));
    }
    return writeFont(tables);
}

/// What a one-character font leaves out: layout (one character has nothing to substitute or position against)
/// and the names (made anew).
constexpr const char *droppedFromTheOneCharacterFont[] = {"GSUB", "GPOS", "GDEF", "kern", "morx",
                                                          "mort", "BASE", "JSTF", "MATH", "name"};

QByteArray oneCharacterFont(const QByteArray &sfnt, char32_t ch, const QString &family)
{
    std::map<quint32, QByteArray> tables;
    if (ch > 0xfffe || !readTables(sfnt, &tables) || !tables.count(tag("glyf")) || !tables.count(tag("name")))
        return {};
    // The one glyph (and any it is built from) at its own id, by HarfBuzz's subsetter: the other glyphs' outlines
    // are left out, so the font is a few kilobytes, not the whole of the original.
    hb_blob_t *blob =
        hb_blob_create(sfnt.constData(), unsigned(sfnt.size()), HB_MEMORY_MODE_READONLY, nullptr, nullptr);
    hb_face_t *face = hb_face_create(blob, 0);
    hb_blob_destroy(blob);
    hb_font_t *font = hb_font_create(face);
    hb_codepoint_t glyph = 0;
    const bool mapped = hb_font_get_nominal_glyph(font, ch, &glyph) && glyph != 0 && glyph <= 0xffff;
    hb_font_destroy(font);
    QByteArray subsetted;
    hb_subset_input_t *input = mapped ? hb_subset_input_create_or_fail() : nullptr;
    if (input) {
        hb_set_add(hb_subset_input_unicode_set(input), ch);
        hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_RETAIN_GIDS | HB_SUBSET_FLAGS_NO_HINTING);
        // The tables left out below are not subset either: their glyph closure (through every substitution of a
        // large font) was most of the work.
        hb_set_t *drop = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
        for (const char *t : droppedFromTheOneCharacterFont)
            hb_set_add(drop, tag(t));
        if (hb_face_t *subset = hb_subset_or_fail(face, input)) {
            hb_blob_t *out = hb_face_reference_blob(subset);
            unsigned length = 0;
            const char *data = hb_blob_get_data(out, &length);
            subsetted = QByteArray(data, qsizetype(length));
            hb_blob_destroy(out);
            hb_face_destroy(subset);
        }
        hb_subset_input_destroy(input);
    }
    hb_face_destroy(face);
    const QByteArray originalName = tables[tag("name")];
    tables.clear();
    if (subsetted.isEmpty() || !readTables(subsetted, &tables) || !tables.count(tag("glyf")))
        return {};
    dropHinting(tables);
    for (const char *t : droppedFromTheOneCharacterFont)
        tables.erase(tag(t));
    tables[tag("cmap")] = oneCharacterMap(ch, quint16(glyph));
    tables[tag("name")] = nameTable(originalName, family,
                                    QStringLiteral("Only the character U+%1 of %2, without hinting")
                                        .arg(quint32(ch), 4, 16, QLatin1Char('0'))
                                        .arg(fromUtf16(windowsNames(originalName)[1])));
    return writeFont(tables);
}

std::pair<qsizetype, qsizetype> findTable(const QByteArray &sfnt, const char *tagName)
{
    if (sfnt.size() < 12)
        return {-1, 0};
    const quint32 wanted = tag(tagName);
    const int count = read16(sfnt, 4);
    for (int i = 0; i < count && 12 + 16 * qsizetype(i + 1) <= sfnt.size(); ++i) {
        const qsizetype record = 12 + 16 * qsizetype(i);
        if (read32(sfnt, record) != wanted)
            continue;
        const qsizetype offset = read32(sfnt, record + 8), length = read32(sfnt, record + 12);
        if (offset > sfnt.size() || length > sfnt.size() - offset)
            return {-1, 0};
        return {offset, length};
    }
    return {-1, 0};
}

QByteArray table(const QByteArray &sfnt, const char *tagName)
{
    const auto [offset, length] = findTable(sfnt, tagName);
    return offset < 0 ? QByteArray() : sfnt.mid(offset, length);
}

} // namespace coform::PrintFonts
