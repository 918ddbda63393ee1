#include "fontconfiguration.h"

#include "model/jsonreader.h"
#include "pdf/printstyle.h"

#include <QFile>

#include <fontconfig/fontconfig.h>

namespace coform::cli {

void loadSystemFontConfiguration()
{
    FcConfig *config = FcConfigCreate();
    if (!config)
        return;
    // Quietly: when this fails, fontconfig's own start-up reads the configuration again and says what is wrong, once.
    bool usable = FcConfigParseAndLoad(config, nullptr, FcFalse) && FcConfigBuildFonts(config);
    if (usable) { // a configuration naming no cache directory is left to fontconfig's start-up, which adds its own
        FcStrList *caches = FcConfigGetCacheDirs(config);
        usable = caches && FcStrListNext(caches);
        if (caches)
            FcStrListDone(caches);
    }
    if (usable)
        FcConfigSetCurrent(config); // holds its own reference
    FcConfigDestroy(config);
}

void useOnlyThePrintFonts()
{
    FcConfig *config = FcConfigCreate();
    if (!config)
        return;                      // fontconfig then starts as it would have: slower, the same PDF
    if (!FcConfigSetCurrent(config)) // builds its (empty) font list
        loadSystemFontConfiguration();
    FcConfigDestroy(config);
}

bool printFontsCoverFiles(const QStringList &paths)
{
    for (const QString &path : paths) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return false;
        const uchar *mapped = f.size() > 0 ? f.map(0, f.size()) : nullptr;
        const QByteArray bytes = mapped ? QByteArray() : f.readAll();
        const QByteArrayView json =
            mapped ? QByteArrayView(reinterpret_cast<const char *>(mapped), f.size()) : QByteArrayView(bytes);
        // A line break is no glyph: the layout breaks the line there. Everything else (a tab, a control character,
        // a character the fonts lack) is left to Qt's font fallback, which needs the system's fonts.
        const bool covered = JsonReader::everyCharacter(json, [](char32_t c) {
            return c == u'\n' || c == u'\r' || c == 0x2028 || c == 0x2029 || PrintStyle::textFontsHave(c);
        });
        if (!covered)
            return false;
    }
    return true;
}

} // namespace coform::cli
