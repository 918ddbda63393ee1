#include "pdf/qtglyphruns.h"

#include "pdf/printstyle.h"

#include <mutex>
#include <vector>

namespace coform {

namespace {

/// Qt's fonts by number, as they were first seen.
struct Known
{
    std::mutex lock;
    std::vector<std::pair<QRawFont, int>> fonts;
};

Known &known()
{
    static Known k;
    return k;
}

} // namespace

int runFontId(const QRawFont &raw)
{
    Known &k = known();
    const std::lock_guard<std::mutex> locked(k.lock);
    for (const auto &[font, id] : k.fonts) {
        if (font == raw)
            return id;
    }
    const int file = PrintStyle::fontFileOf(raw);
    const int id = file >= 0 ? runFontId(file, raw.pixelSize()) : newForeignRunFont(raw.pixelSize());
    k.fonts.emplace_back(raw, id);
    return id;
}

QRawFont runRawFont(int id)
{
    Known &k = known();
    {
        const std::lock_guard<std::mutex> locked(k.lock);
        for (const auto &[font, number] : k.fonts) {
            if (number == id)
                return font;
        }
    }
    const RunFont run = runFont(id);
    if (run.file < 0)
        return {};
    const PrintFontFile &file = PrintStyle::fontFiles().at(run.file);
    QFont font(file.family);
    font.setPixelSize(int(run.pixelSize));
    font.setBold(file.bold);
    font.setHintingPreference(QFont::PreferNoHinting);
    font.setKerning(true);
    const QRawFont raw = QRawFont::fromFont(font);
    const std::lock_guard<std::mutex> locked(k.lock);
    k.fonts.emplace_back(raw, id);
    return raw;
}

GlyphRun fromQt(const QGlyphRun &run)
{
    // The layout's text has no underline, overline or strike-out (a print style's fonts have none).
    return {runFontId(run.rawFont()), run.glyphIndexes(), run.positions()};
}

QGlyphRun toQt(const GlyphRun &run)
{
    QGlyphRun qt;
    qt.setRawFont(runRawFont(run.font));
    qt.setGlyphIndexes(run.glyphs);
    qt.setPositions(run.positions);
    return qt;
}

} // namespace coform
