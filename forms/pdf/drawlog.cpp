#include "pdf/pdfwriter.h"

namespace coform {

QVector<PageDrawLog> drawLog(const Layout &layout)
{
    QVector<PageDrawLog> log;
    log.reserve(layout.pages.size());
    for (const LayoutPage &page : layout.pages) {
        PageDrawLog drawn;
        drawn.reserve(page.boxes.size());
        for (const LayoutBox &b : page.boxes)
            drawn.append({b.role, b.kind, b.itemId, b.lang, b.rect, b.text, b.continued, false, b.picture});
        log.append(std::move(drawn));
    }
    return log;
}

} // namespace coform
