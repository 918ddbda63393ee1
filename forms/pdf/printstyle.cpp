#include "pdf/printstyle.h"

#include "pdf/printfonts.h"

#include "pdf/fontmeasure.h"
#include "pdf/wordwrap.h"

#include <QFile>

#include <array>
#include <mutex>

#include <hb.h>

namespace coform {

namespace {

/// The system font files each print font is made from, in the order tried: the text font, its bold, and the tick
/// (U+2713) as a font of its own, so that embedding it does not look through a large font.
struct FontSource
{
    QStringList paths;
    char32_t only = 0; ///< the one character the font keeps; 0: the whole font, without its hinting
};

const std::array<FontSource, 3> &fontSources()
{
    static const std::array<FontSource, 3> sources = [] {
        const QString liberation = QStringLiteral("/usr/share/fonts/truetype/liberation2/LiberationSans-");
        const QString liberationOld = QStringLiteral("/usr/share/fonts/truetype/liberation/LiberationSans-");
        const QString dejavu = QStringLiteral("/usr/share/fonts/truetype/dejavu/DejaVuSans");
        return std::array<FontSource, 3>{
            FontSource{{liberation + QStringLiteral("Regular.ttf"), liberationOld + QStringLiteral("Regular.ttf"),
                        dejavu + QStringLiteral(".ttf")}},
            FontSource{{liberation + QStringLiteral("Bold.ttf"), liberationOld + QStringLiteral("Bold.ttf"),
                        dejavu + QStringLiteral("-Bold.ttf")}},
            FontSource{{dejavu + QStringLiteral("-Bold.ttf"), dejavu + QStringLiteral(".ttf")}, U'\u2713'}};
    }();
    return sources;
}

/// The print font made from the file at `path` (see PrintFonts::withoutHinting and oneCharacterFont); empty when the
/// file cannot be read. The file is mapped, not read: only the pages the new font is made from are touched, and it is
/// written once, into a buffer of its own (so the mapping may end when the file closes).
QByteArray makeFont(const QString &path, char32_t only)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly) || f.size() <= 0)
        return {};
    const uchar *mapped = f.map(0, f.size());
    if (!mapped)
        return {};
    const QByteArray data = QByteArray::fromRawData(reinterpret_cast<const char *>(mapped), f.size());
    QByteArray font = only ? PrintFonts::oneCharacterFont(data, only, QStringLiteral("Coform Tick"))
                           : PrintFonts::withoutHinting(data, QStringLiteral("Coform Text"));
    if (font.isEmpty() || font.constData() == data.constData())
        font = QByteArray(data.constData(), data.size());
    return font;
}

/// Each source's font, made from the first of its files that can be read, and the characters that both text fonts
/// (regular and bold) have: made once a process, without Qt Gui.
struct MadeFonts
{
    std::array<QString, 3> paths;
    std::array<QByteArray, 3> fonts;
    hb_set_t *textCharacters = nullptr;
};

const MadeFonts &madeFonts()
{
    static const MadeFonts made = [] {
        MadeFonts m;
        for (size_t i = 0; i < m.fonts.size(); ++i) {
            for (const QString &path : fontSources()[i].paths) {
                m.fonts[i] = makeFont(path, fontSources()[i].only);
                if (!m.fonts[i].isEmpty()) {
                    m.paths[i] = path;
                    break;
                }
            }
        }
        m.textCharacters = hb_set_create();
        for (size_t i = 0; i < 2; ++i) {
            hb_set_t *characters = hb_set_create();
            hb_blob_t *blob = hb_blob_create(m.fonts[i].constData(), unsigned(m.fonts[i].size()),
                                             HB_MEMORY_MODE_READONLY, nullptr, nullptr);
            hb_face_t *face = hb_face_create(blob, 0);
            hb_face_collect_unicodes(face, characters);
            if (i == 0)
                hb_set_union(m.textCharacters, characters);
            else
                hb_set_intersect(m.textCharacters, characters);
            hb_face_destroy(face);
            hb_blob_destroy(blob);
            hb_set_destroy(characters);
        }
        return m;
    }();
    return made;
}

/// The print fonts, made once a process from the first system file of each that FreeType reads (see fontFiles()).
const QVector<PrintFontFile> &loadedFonts()
{
    static const QVector<PrintFontFile> files = [] {
        QVector<PrintFontFile> all(3);
        const MadeFonts &made = madeFonts();
        for (qsizetype source = 0; source < all.size(); ++source) {
            const FontSource &from = fontSources()[size_t(source)];
            for (const QString &path : from.paths) {
                const QByteArray font =
                    path == made.paths[size_t(source)] ? made.fonts[size_t(source)] : makeFont(path, from.only);
                FontMeasure measure(font, 12);
                if (!measure.isValid())
                    continue;
                const QByteArray os2 = PrintFonts::table(font, "OS/2");
                const bool bold = os2.size() >= 6 && (uchar(os2.at(4)) << 8 | uchar(os2.at(5))) >= 600;
                QByteArray name = measure.familyName().toLatin1();
                name.replace(' ', QByteArray());
                name += bold ? "-Bold" : "-Regular";
                all[source] = {font, measure.familyName(), name, PrintFonts::table(font, "head"), bold, path};
                break;
            }
        }
        return all;
    }();
    return files;
}

} // namespace

bool PrintStyle::textFontsHave(char32_t c)
{
    return hb_set_has(madeFonts().textCharacters, c);
}

QString PrintStyle::fontsProblem()
{
    const QVector<PrintFontFile> &files = fontFiles();
    if (!files.at(0).data.isEmpty() && !files.at(1).data.isEmpty() && !files.at(2).data.isEmpty())
        return {};
    return QStringLiteral("the fonts Coform prints with are missing: install the package fonts-liberation2 (or "
                          "fonts-liberation) and fonts-dejavu-core");
}

QString PrintStyle::textFontFile()
{
    return fontFiles().at(0).path;
}

const QVector<PrintFontFile> &PrintStyle::fontFiles()
{
    return loadedFonts();
}

PrintStyle::PrintStyle(PrintProfile profile, PaperSize paper)
    : m_profile(profile)
{
    m_pageSize = paper == PaperSize::Letter ? QSizeF(612, 792) : QSizeF(595.276, 841.89);

    // Sizes in points: body text at or above the profile's minimum, headings clearly larger.
    qreal title = 22, heading = 16, header = 11.5, leading = 1.45;
    switch (profile) {
    case PrintProfile::Standard:
        m_bodySize = 12;
        title = 22;
        heading = 16;
        header = 12;
        leading = 1.45;
        m_margins = QMarginsF(62, 40, 62, 36);
        m_itemGap = 14;
        m_sectionGap = 22;
        break;
    case PrintProfile::Large:
        m_bodySize = 16;
        title = 26;
        heading = 21;
        header = 16;
        leading = 1.4;
        m_margins = QMarginsF(50, 36, 50, 32);
        m_itemGap = 18;
        m_sectionGap = 26;
        break;
    case PrintProfile::Easy:
        m_bodySize = 14;
        title = 24;
        heading = 19;
        header = 14;
        leading = 1.6;
        m_margins = QMarginsF(50, 38, 50, 34);
        m_itemGap = 24;
        m_sectionGap = 30;
        m_pictureSize = 72;
        break;
    }
    m_tickSize = qMax<qreal>(14, m_bodySize * 1.1);
    m_writeInLine = qMax<qreal>(28, m_bodySize * 2.1);

    const auto make = [&](TextStyle s, qreal size, bool bold, int file) {
        m_pixelSizes[size_t(s)] = qRound(size);
        m_bold[size_t(s)] = bold;
        m_lineHeights[size_t(s)] = qRound(size) * leading;
        const PrintFontFile &f = fontFiles().at(file);
        // A bold style in a font that is not bold would be drawn with a bold made up by Qt: not a print font.
        m_files[size_t(s)] = f.data.isEmpty() || f.bold != bold ? -1 : file;
        if (m_files[size_t(s)] >= 0) {
            const FontMeasure measure(f.data, qRound(size));
            m_ascents[size_t(s)] = measure.ascent() / 64.0;
            m_descents[size_t(s)] = measure.descent() / 64.0;
        }
    };
    make(TextStyle::Title, title, true, 1);
    make(TextStyle::Heading, heading, true, 1);
    make(TextStyle::Label, m_bodySize, true, 1);
    make(TextStyle::Body, m_bodySize, false, 0);
    make(TextStyle::BodyBold, m_bodySize, true, 1);
    make(TextStyle::Help, m_bodySize, false, 0);
    make(TextStyle::Header, header, false, 0);
    make(TextStyle::HeaderBold, header, true, 1);
    make(TextStyle::Footer, header, false, 0);
    make(TextStyle::Number, m_bodySize, true, 1);
    make(TextStyle::Tick, m_tickSize, fontFiles().at(2).bold, 2); // in its own weight: never a bold made up by Qt
    m_lineHeights[size_t(TextStyle::Title)] = qRound(title) * 1.25;
    m_lineHeights[size_t(TextStyle::Heading)] = qRound(heading) * 1.3;
    m_lineHeights[size_t(TextStyle::Header)] = qRound(header) * 1.3;
    m_lineHeights[size_t(TextStyle::HeaderBold)] = qRound(header) * 1.3;
    m_lineHeights[size_t(TextStyle::Footer)] = qRound(header) * 1.3;
    m_numberColumn = advance(QStringLiteral("00."), TextStyle::Number).value_or(0) + m_bodySize * 0.6;
}

int PrintStyle::grey(TextStyle style) const
{
    // Help is a very dark grey (contrast about 12:1 on white); everything else black.
    return style == TextStyle::Help ? 0x30 : 0;
}

qreal PrintStyle::baseline(TextStyle style) const
{
    const qreal lh = lineHeight(style);
    return (lh - (ascent(style) + descent(style))) / 2 + ascent(style);
}

std::optional<qreal> PrintStyle::advance(const QString &text, TextStyle style) const
{
    if (fontFile(style) < 0)
        return std::nullopt;
    WordWrap shaper(fontFile(style), pixelSize(style));
    const std::optional<qint64> advance = shaper.lineAdvance(text);
    if (!advance)
        return std::nullopt;
    return *advance / 64.0;
}

} // namespace coform
