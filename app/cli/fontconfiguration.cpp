#include "fontconfiguration.h"

#include "model/jsonreader.h"
#include "pdf/printstyle.h"

#include <algorithm>

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

bool printFontsCover(const QList<QByteArrayView> &files)
{
    // A line break is no glyph: the layout breaks the line there. Everything else (a tab, a control character, a
    // character the fonts lack) is left to Qt's font fallback, which needs the system's fonts.
    return std::all_of(files.begin(), files.end(), [](QByteArrayView json) {
        return JsonReader::everyCharacter(json, [](char32_t c) {
            return c == u'\n' || c == u'\r' || c == 0x2028 || c == 0x2029 || PrintStyle::textFontsHave(c);
        });
    });
}

} // namespace coform::cli
