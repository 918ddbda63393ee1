#include "pdf/glyphrun.h"

#include <mutex>
#include <vector>

namespace coform {

namespace {

/// The fonts numbered so far, by number. Layouts run on more than one thread (the preview lays out in the
/// background), so the list is guarded; it only grows, by a few fonts a process.
struct Registry
{
    std::mutex lock;
    std::vector<RunFont> fonts;
};

Registry &registry()
{
    static Registry r;
    return r;
}

} // namespace

int runFontId(int file, qreal pixelSize)
{
    Registry &r = registry();
    const std::lock_guard<std::mutex> locked(r.lock);
    for (size_t i = 0; i < r.fonts.size(); ++i) {
        if (r.fonts[i].file == file && file >= 0 && r.fonts[i].pixelSize == pixelSize)
            return int(i);
    }
    r.fonts.push_back({file, pixelSize});
    return int(r.fonts.size()) - 1;
}

int newForeignRunFont(qreal pixelSize)
{
    Registry &r = registry();
    const std::lock_guard<std::mutex> locked(r.lock);
    r.fonts.push_back({-1, pixelSize});
    return int(r.fonts.size()) - 1;
}

RunFont runFont(int id)
{
    Registry &r = registry();
    const std::lock_guard<std::mutex> locked(r.lock);
    return id >= 0 && size_t(id) < r.fonts.size() ? r.fonts[size_t(id)] : RunFont();
}

} // namespace coform
