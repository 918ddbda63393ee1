#include "pdf/pdffont.h"

#include "pdf/pdfobjects.h"
#include "pdf/printfonts.h"

#include <hb-subset.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <vector>

namespace coform {

namespace {

using PrintFonts::findTable;
using PrintFonts::read16;
using PrintFonts::read32;

qint16 i16(const QByteArray &b, qsizetype at)
{
    return qint16(read16(b, at));
}

/// Calls `f(character, glyph)` for every character the cmap subtable at `at` (format 4 or 12) maps.
template<typename F> void forEachMapping(const QByteArray &b, qsizetype at, F f)
{
    if (at < 0)
        return;
    const int format = read16(b, at);
    if (format == 4 && at + 14 <= b.size()) {
        const qsizetype segX2 = read16(b, at + 6);
        const qsizetype ends = at + 14, starts = ends + segX2 + 2, deltas = starts + segX2, ranges = deltas + segX2;
        if (ranges + segX2 > b.size())
            return;
        for (qsizetype s = 0; s < segX2; s += 2) {
            const quint32 start = read16(b, starts + s), end = read16(b, ends + s);
            const quint16 delta = read16(b, deltas + s), range = read16(b, ranges + s);
            for (quint32 c = start; c <= end && c != 0xffff; ++c) {
                quint16 g;
                if (range == 0) {
                    g = quint16(c + delta);
                } else {
                    const qsizetype where = ranges + s + range + 2 * qsizetype(c - start);
                    if (where + 2 > b.size())
                        break;
                    g = read16(b, where);
                    if (g != 0)
                        g = quint16(g + delta);
                }
                if (g != 0)
                    f(char32_t(c), quint32(g));
            }
        }
    } else if (format == 12 && at + 16 <= b.size()) {
        const quint32 groups = read32(b, at + 12);
        for (quint32 i = 0; i < groups && at + 16 + 12 * qsizetype(i + 1) <= b.size(); ++i) {
            const qsizetype g = at + 16 + 12 * qsizetype(i);
            const quint32 start = read32(b, g), end = read32(b, g + 4), glyph = read32(b, g + 8);
            for (quint32 c = start; c <= end && c <= 0x10ffff; ++c)
                f(char32_t(c), glyph + (c - start));
        }
    }
}

void appendHex4(QByteArray *out, quint32 v)
{
    static const char hex[] = "0123456789ABCDEF";
    *out += hex[v >> 12 & 15];
    *out += hex[v >> 8 & 15];
    *out += hex[v >> 4 & 15];
    *out += hex[v & 15];
}

/// The glyphs the font program `sfnt` holds an outline for (its loca table), by id.
std::vector<bool> glyphsWithOutlines(const QByteArray &sfnt)
{
    const auto [head, headSize] = findTable(sfnt, "head");
    const auto [maxp, maxpSize] = findTable(sfnt, "maxp");
    const auto [loca, locaSize] = findTable(sfnt, "loca");
    if (head < 0 || headSize < 54 || maxp < 0 || maxpSize < 6 || loca < 0)
        return {};
    const int count = read16(sfnt, maxp + 4);
    const bool longOffsets = i16(sfnt, head + 50) != 0;
    if (locaSize < (longOffsets ? 4 : 2) * qsizetype(count + 1))
        return {};
    std::vector<bool> present(size_t(count), false);
    for (int g = 0; g < count; ++g) {
        const quint32 from = longOffsets ? read32(sfnt, loca + 4 * g) : 2u * read16(sfnt, loca + 2 * g);
        const quint32 to = longOffsets ? read32(sfnt, loca + 4 * (g + 1)) : 2u * read16(sfnt, loca + 2 * (g + 1));
        present[size_t(g)] = to > from;
    }
    return present;
}

} // namespace

PdfFont::PdfFont(QByteArray sfnt, QByteArray name)
    : m_sfnt(std::move(sfnt))
    , m_name(std::move(name))
{
    const auto [head, headSize] = findTable(m_sfnt, "head");
    const auto [hhea, hheaSize] = findTable(m_sfnt, "hhea");
    const auto [hmtx, hmtxSize] = findTable(m_sfnt, "hmtx");
    if (head < 0 || headSize < 54 || hhea < 0 || hheaSize < 36 || hmtx < 0)
        return;
    m_metricCount = read16(m_sfnt, hhea + 34);
    if (m_metricCount == 0 || hmtxSize < 4 * qsizetype(m_metricCount))
        return;
    m_hmtx = hmtx;
    m_hmtxSize = hmtxSize;
    for (int i = 0; i < 4; ++i)
        m_bbox[i] = i16(m_sfnt, head + 36 + 2 * i);
    m_ascent = i16(m_sfnt, hhea + 4);
    m_descent = i16(m_sfnt, hhea + 6);
    m_capHeight = m_ascent;
    const auto [os2, os2Size] = findTable(m_sfnt, "OS/2");
    if (os2 >= 0 && os2Size >= 90 && read16(m_sfnt, os2) >= 2)
        m_capHeight = i16(m_sfnt, os2 + 88);
    const auto [cmap, cmapSize] = findTable(m_sfnt, "cmap");
    if (cmap >= 0 && cmapSize >= 4) {
        int best = 0;
        for (int i = 0, n = read16(m_sfnt, cmap + 2); i < n && 4 + 8 * qsizetype(i + 1) <= cmapSize; ++i) {
            const qsizetype record = cmap + 4 + 8 * qsizetype(i);
            const int platform = read16(m_sfnt, record);
            const qsizetype at = cmap + qsizetype(read32(m_sfnt, record + 4));
            if (at + 2 > m_sfnt.size())
                continue;
            const int format = read16(m_sfnt, at);
            const int rank = format == 12 && (platform == 3 || platform == 0)  ? 3
                             : format == 4 && (platform == 3 || platform == 0) ? 2
                                                                               : 0;
            if (rank > best) {
                best = rank;
                m_cmap = at;
            }
        }
    }
    m_unitsPerEm = read16(m_sfnt, head + 18);
}

double PdfFont::width(quint32 gid) const
{
    const quint32 index = qMin<quint32>(gid, quint32(m_metricCount - 1));
    const double advance = read16(m_sfnt, m_hmtx + 4 * qsizetype(index));
    return std::round(advance * 1e6 / m_unitsPerEm) / 1000;
}

QHash<quint32, char32_t> PdfFont::characters() const
{
    QHash<quint32, char32_t> chars;
    forEachMapping(m_sfnt, m_cmap, [&](char32_t c, quint32 g) {
        if (g < m_usedEnd && m_used[g] && !chars.contains(g))
            chars.insert(g, c);
    });
    return chars;
}

bool PdfFont::write(PdfObjects &objects, int id) const
{
    std::vector<quint32> used;
    for (quint32 g = 0; g < m_usedEnd; ++g) {
        if (m_used[g])
            used.push_back(g);
    }
    const QHash<quint32, char32_t> chars = characters();

    // The font program: the glyphs drawn, at their own ids, without hinting or layout tables.
    hb_blob_t *blob =
        hb_blob_create(m_sfnt.constData(), unsigned(m_sfnt.size()), HB_MEMORY_MODE_READONLY, nullptr, nullptr);
    hb_face_t *face = hb_face_create(blob, 0);
    hb_blob_destroy(blob);
    hb_subset_input_t *input = hb_subset_input_create_or_fail();
    QByteArray program;
    if (input) {
        hb_set_t *glyphs = hb_subset_input_glyph_set(input);
        hb_set_add(glyphs, 0);
        for (const quint32 g : used)
            hb_set_add(glyphs, g);
        hb_set_t *unicodes = hb_subset_input_unicode_set(input);
        for (auto it = chars.cbegin(); it != chars.cend(); ++it)
            hb_set_add(unicodes, it.value());
        hb_set_t *dropped = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
        for (const char *t : {"GSUB", "GPOS", "GDEF", "kern", "DSIG", "hdmx", "LTSH", "VDMX", "gasp", "BASE", "JSTF"})
            hb_set_add(dropped, HB_TAG(t[0], t[1], t[2], t[3]));
        hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_RETAIN_GIDS | HB_SUBSET_FLAGS_NO_HINTING);
        if (hb_face_t *subset = hb_subset_or_fail(face, input)) {
            hb_blob_t *out = hb_face_reference_blob(subset);
            unsigned length = 0;
            const char *data = hb_blob_get_data(out, &length);
            program = QByteArray(data, qsizetype(length));
            hb_blob_destroy(out);
            hb_face_destroy(subset);
        }
        hb_subset_input_destroy(input);
    }
    hb_face_destroy(face);
    if (program.isEmpty())
        return false;

    // A subset's name starts with a tag of six capitals that differs between subsets (here: from the glyphs).
    quint32 hash = 2166136261u;
    for (const quint32 g : used)
        hash = (hash ^ g) * 16777619u;
    QByteArray fontName;
    for (int i = 0; i < 6; ++i, hash /= 26)
        fontName += char('A' + hash % 26);
    fontName += '+';
    fontName += m_name;

    const auto scaled = [this](double v) { return v * 1000 / m_unitsPerEm; };
    const int fileId = objects.add(), setId = objects.add(), descriptorId = objects.add(), cidId = objects.add(),
              unicodeId = objects.add();
    objects.setStream(fileId, " /Length1 " + QByteArray::number(program.size()), program);

    // CIDSet: the glyphs the program holds (those drawn, and the parts of composite ones).
    std::vector<bool> present = glyphsWithOutlines(program);
    for (const quint32 g : used) {
        if (g >= present.size())
            present.resize(g + 1, false);
        present[g] = true;
    }
    if (present.empty())
        present.resize(1);
    present[0] = true;
    QByteArray bits((qsizetype(present.size()) + 7) / 8, '\0');
    for (size_t g = 0; g < present.size(); ++g) {
        if (present[g])
            bits[qsizetype(g / 8)] = char(uchar(bits.at(qsizetype(g / 8))) | (0x80 >> (g % 8)));
    }
    objects.setStream(setId, QByteArray(), bits);

    QByteArray d = "<</Type /FontDescriptor /FontName /" + fontName + " /Flags 4 /FontBBox [";
    for (int i = 0; i < 4; ++i) {
        if (i)
            d += ' ';
        PdfObjects::appendNumber(&d, scaled(m_bbox[i]));
    }
    d += "] /ItalicAngle 0 /Ascent ";
    PdfObjects::appendNumber(&d, scaled(m_ascent));
    d += " /Descent ";
    PdfObjects::appendNumber(&d, scaled(m_descent));
    d += " /CapHeight ";
    PdfObjects::appendNumber(&d, scaled(m_capHeight));
    d += " /StemV 80 /FontFile2 " + QByteArray::number(fileId) + " 0 R /CIDSet " + QByteArray::number(setId) + " 0 R>>";
    objects.set(descriptorId, d);

    QByteArray cid = "<</Type /Font /Subtype /CIDFontType2 /BaseFont /" + fontName
                     + " /CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) /Supplement 0>> /FontDescriptor "
                     + QByteArray::number(descriptorId) + " 0 R /CIDToGIDMap /Identity /DW 0 /W [";
    for (size_t i = 0; i < used.size();) {
        cid += QByteArray::number(used[i]);
        cid += " [";
        size_t j = i;
        do {
            if (j > i)
                cid += ' ';
            PdfObjects::appendNumber(&cid, width(used[j]));
            ++j;
        } while (j < used.size() && used[j] == used[j - 1] + 1);
        cid += "] ";
        i = j;
    }
    cid += "]>>";
    objects.set(cidId, cid);

    QByteArray map = "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                     "/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def\n"
                     "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                     "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
    std::vector<std::pair<quint32, char32_t>> pairs;
    for (const quint32 g : used) {
        const auto it = chars.constFind(g);
        if (it != chars.constEnd())
            pairs.emplace_back(g, *it);
    }
    for (size_t i = 0; i < pairs.size(); i += 100) {
        const size_t n = qMin<size_t>(100, pairs.size() - i);
        map += QByteArray::number(qulonglong(n)) + " beginbfchar\n";
        for (size_t k = i; k < i + n; ++k) {
            map += '<';
            appendHex4(&map, pairs[k].first);
            map += "> <";
            const char32_t c = pairs[k].second;
            if (c > 0xffff) {
                appendHex4(&map, 0xd800 + ((c - 0x10000) >> 10));
                appendHex4(&map, 0xdc00 + ((c - 0x10000) & 0x3ff));
            } else {
                appendHex4(&map, c);
            }
            map += ">\n";
        }
        map += "endbfchar\n";
    }
    map += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
    objects.setStream(unicodeId, QByteArray(), map);

    objects.set(id, "<</Type /Font /Subtype /Type0 /BaseFont /" + fontName + " /Encoding /Identity-H /DescendantFonts ["
                        + QByteArray::number(cidId) + " 0 R] /ToUnicode " + QByteArray::number(unicodeId) + " 0 R>>");
    return true;
}

} // namespace coform
