#pragma once

#include <QByteArray>
#include <QString>

#include <utility>

namespace coform::PrintFonts {

/// The TrueType font `sfnt` without its hinting (the fpgm, prep and cvt tables and the hinted device metrics). A
/// PDF is drawn by its reader at any size, so the hints are never used for layout (Coform lays out unhinted); they
/// only cost time: to embed a font, Qt reads each glyph's outline at the em size, and FreeType runs the font's prep
/// program again for every glyph. The outlines, metrics, character map and layout tables are kept byte for byte.
/// With a `family`, the font is named that (in its own style): a changed font does not go by its maker's name (the
/// SIL Open Font License reserves it), and Qt then takes this font, not the system's copy of the original.
/// Anything that is not a plain TrueType font, or does not read cleanly, is returned unchanged.
QByteArray withoutHinting(const QByteArray &sfnt, const QString &family = {});

/// A font holding only the character `ch` of `sfnt`: its character map maps that one character, its glyph keeps its
/// id but the other glyphs' outlines are left out, it has no hinting and no layout tables, and it is named `family`
/// (in the original's style). Used for the tick mark, so that embedding
/// it in a PDF does not look up every character of a large font. Empty when `sfnt` has no glyph for `ch` or cannot be
/// read.
QByteArray oneCharacterFont(const QByteArray &sfnt, char32_t ch, const QString &family);

/// Where table `tag` ("head", "OS/2") of the TrueType font `sfnt` starts and how long it is; {-1, 0} when it has
/// none or the table lies outside the font.
std::pair<qsizetype, qsizetype> findTable(const QByteArray &sfnt, const char *tag);
/// Table `tag` of the TrueType font `sfnt`; empty when it has none or cannot be read.
QByteArray table(const QByteArray &sfnt, const char *tag);

/// Big-endian numbers in font data, at `at` (which the caller has checked lies inside `b`).
quint32 read32(const QByteArray &b, qsizetype at);
quint16 read16(const QByteArray &b, qsizetype at);

} // namespace coform::PrintFonts
