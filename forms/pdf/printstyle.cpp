#include "pdf/printstyle.h"

#include "pdf/printfonts.h"

#include <QFile>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QRawFont>

#include <array>
#include <mutex>

#include <hb.h>

namespace coform {

namespace {

struct LoadedFonts
{
    QString text;
    QString textFile; ///< the file of the regular text font
    QString symbol;
    QVector<PrintFontFile> files;
};

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

/// Loads the bundled-with-the-system fonts that cover English and Welsh (w and y with circumflex) explicitly, so the
/// PDF never depends on what fontconfig happens to pick.
const LoadedFonts &loadedFonts()
{
    static LoadedFonts fonts;
    static std::once_flag once;
    std::call_once(once, [] {
        // Each font is read into memory without its hinting and named "Coform Text" (see PrintFonts::withoutHinting),
        // and the tick mark is a font of its own holding only the tick. A file Qt does not take is passed over for
        // the next one.
        const auto load = [](size_t source, QString *file = nullptr) -> QString {
            const FontSource &from = fontSources()[source];
            const MadeFonts &made = madeFonts();
            for (const QString &path : from.paths) {
                const QByteArray font = path == made.paths[source] ? made.fonts[source] : makeFont(path, from.only);
                if (font.isEmpty())
                    continue;
                const int id = QFontDatabase::addApplicationFontFromData(font);
                const QStringList families = QFontDatabase::applicationFontFamilies(id);
                if (!families.isEmpty()) {
                    if (file)
                        *file = path;
                    const QByteArray os2 = PrintFonts::table(font, "OS/2");
                    const bool bold = os2.size() >= 6 && (uchar(os2.at(4)) << 8 | uchar(os2.at(5))) >= 600;
                    QByteArray name = families.first().toLatin1();
                    name.replace(' ', QByteArray());
                    name += bold ? "-Bold" : "-Regular";
                    fonts.files.append({font, families.first(), name, PrintFonts::table(font, "head"), bold});
                    return families.first();
                }
            }
            return {};
        };
        fonts.text = load(0, &fonts.textFile);
        load(1);
        fonts.symbol = load(2);
        if (fonts.text.isEmpty())
            fonts.text = QFontDatabase::systemFont(QFontDatabase::GeneralFont).family();
        if (fonts.symbol.isEmpty())
            fonts.symbol = fonts.text;
    });
    return fonts;
}

} // namespace

bool PrintStyle::textFontsHave(char32_t c)
{
    return hb_set_has(madeFonts().textCharacters, c);
}

QString PrintStyle::fontsProblem()
{
    if (!fontFiles().isEmpty() || !QFontDatabase::families().isEmpty())
        return {};
    return QStringLiteral("there are no fonts to print with: Qt's platform plugin \"%1\" loads none (leave "
                          "QT_QPA_PLATFORM unset, or set it to offscreen)")
        .arg(QGuiApplication::platformName());
}

QString PrintStyle::textFamily()
{
    return loadedFonts().text;
}

QString PrintStyle::textFontFile()
{
    return loadedFonts().textFile;
}

QString PrintStyle::symbolFamily()
{
    return loadedFonts().symbol;
}

const QVector<PrintFontFile> &PrintStyle::fontFiles()
{
    return loadedFonts().files;
}

int PrintStyle::fontFileOf(const QRawFont &raw)
{
    const QByteArray head = raw.fontTable("head");
    if (head.isEmpty())
        return -1;
    const QString family = raw.familyName();
    const bool bold = raw.weight() >= 600;
    const QVector<PrintFontFile> &files = fontFiles();
    for (int i = 0; i < files.size(); ++i) {
        const PrintFontFile &f = files.at(i);
        if (f.family == family && f.head == head && f.bold == bold)
            return i;
    }
    return -1;
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

    const QString family = textFamily();
    const auto make = [&](TextStyle s, qreal size, bool bold, const QString &fam) {
        QFont f(fam);
        f.setPixelSize(qRound(size));
        f.setBold(bold);
        f.setHintingPreference(QFont::PreferNoHinting);
        f.setKerning(true);
        m_fonts[size_t(s)] = f;
        m_pixelSizes[size_t(s)] = qRound(size);
        m_files[size_t(s)] = -1;
        for (int i = 0; i < fontFiles().size(); ++i) {
            if (fontFiles().at(i).family == fam && fontFiles().at(i).bold == bold)
                m_files[size_t(s)] = i;
        }
        m_metrics[size_t(s)].emplace(f);
        m_lineHeights[size_t(s)] = qRound(size) * leading;
    };
    make(TextStyle::Title, title, true, family);
    make(TextStyle::Heading, heading, true, family);
    make(TextStyle::Label, m_bodySize, true, family);
    make(TextStyle::Body, m_bodySize, false, family);
    make(TextStyle::BodyBold, m_bodySize, true, family);
    make(TextStyle::Help, m_bodySize, false, family);
    make(TextStyle::Header, header, false, family);
    make(TextStyle::HeaderBold, header, true, family);
    make(TextStyle::Footer, header, false, family);
    make(TextStyle::Number, m_bodySize, true, family);
    make(TextStyle::Tick, m_tickSize, true, symbolFamily());
    m_lineHeights[size_t(TextStyle::Title)] = qRound(title) * 1.25;
    m_lineHeights[size_t(TextStyle::Heading)] = qRound(heading) * 1.3;
    m_lineHeights[size_t(TextStyle::Header)] = qRound(header) * 1.3;
    m_lineHeights[size_t(TextStyle::HeaderBold)] = qRound(header) * 1.3;
    m_lineHeights[size_t(TextStyle::Footer)] = qRound(header) * 1.3;
    m_numberColumn = metrics(TextStyle::Number).horizontalAdvance(QStringLiteral("00.")) + m_bodySize * 0.6;
}

QColor PrintStyle::colour(TextStyle style) const
{
    // Help is a very dark grey (contrast about 12:1 on white); everything else black.
    return style == TextStyle::Help ? QColor(0x30, 0x30, 0x30) : QColor(Qt::black);
}

qreal PrintStyle::baseline(TextStyle style) const
{
    const QFontMetricsF &fm = metrics(style);
    const qreal lh = lineHeight(style);
    return (lh - (fm.ascent() + fm.descent())) / 2 + fm.ascent();
}

} // namespace coform
