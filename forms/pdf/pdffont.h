#pragma once

#include <QByteArray>
#include <QHash>

#include <vector>

namespace coform {

class PdfObjects;

/// A TrueType font as DocumentWriter (pdf/documentwriter.h) embeds it: a Type 0 font whose character codes are the
/// font's own glyph ids (/Identity-H, /CIDToGIDMap /Identity), so that the glyphs a layout shaped are written as they
/// are. Only the glyphs drawn are embedded (hb-subset, keeping their ids); /W gives their advances from the font's
/// hmtx table and /ToUnicode their characters from its cmap, so that text can be copied and searched.
class PdfFont
{
public:
    /// `sfnt` is the font as Qt was given it; `name` its PostScript-style name without spaces ("CoformText-Bold").
    PdfFont(QByteArray sfnt, QByteArray name);

    /// False when the font's head, hhea or hmtx table cannot be read: it cannot be embedded this way.
    bool isValid() const { return m_unitsPerEm > 0; }
    /// The advance of glyph `gid`, in thousandths of the em, exactly as /W gives it.
    double width(quint32 gid) const;
    /// Notes that glyph `gid` is drawn.
    void use(quint32 gid)
    {
        if (gid < m_used.size()) {
            m_used[gid] = true;
            m_usedEnd = qMax(m_usedEnd, gid + 1);
        }
    }

    /// Writes the font program, descriptor, CID font and ToUnicode map into `objects` and the Type 0 font dictionary
    /// into object `id`. False when the font cannot be subset (nothing is written then).
    bool write(PdfObjects &objects, int id) const;

private:
    QHash<quint32, char32_t> characters() const;

    QByteArray m_sfnt;
    QByteArray m_name;
    int m_unitsPerEm = 0;
    int m_metricCount = 0;
    qsizetype m_hmtx = -1;
    qsizetype m_hmtxSize = 0;
    int m_bbox[4] = {0, 0, 0, 0};
    int m_ascent = 0;
    int m_descent = 0;
    int m_capHeight = 0;
    qsizetype m_cmap = -1;                                        ///< the Unicode subtable (format 4 or 12)
    std::vector<bool> m_used = std::vector<bool>(0x10000, false); ///< by glyph id (TrueType has at most 65,536)
    quint32 m_usedEnd = 0;                                        ///< one after the largest glyph id used
};

} // namespace coform
