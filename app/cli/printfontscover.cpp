#include "printfontscover.h"

#include "model/jsonreader.h"
#include "pdf/printstyle.h"

#include <algorithm>

namespace coform::cli {

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
