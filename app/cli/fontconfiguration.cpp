#include "fontconfiguration.h"

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

} // namespace coform::cli
