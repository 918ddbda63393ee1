#include "preview/formprinter.h"

#include "pdf/layout.h"
#include "pdf/pagepainter.h"

#include <QCoreApplication>
#include <QPageLayout>
#include <QPainter>
#include <QPrinter>

namespace coform {

bool FormPrinter::print(const Template &t, const RenderOptions &options, QPrinter *printer, QString *error)
{
    const Layout layout = layoutForm(t, nullptr, options);
    if (layout.pages.isEmpty()) {
        if (error)
            *error = QCoreApplication::translate("FormPrinter", "The form has no pages to print.");
        return false;
    }
    // The layout has its own margins: the printer's page is the whole sheet.
    const QPageSize size(options.paper == PaperSize::Letter ? QPageSize::Letter : QPageSize::A4);
    printer->setFullPage(true);
    printer->setPageLayout(QPageLayout(size, QPageLayout::Portrait, QMarginsF()));
    printer->setDocName(layout.title);
    QPainter painter;
    if (!painter.begin(printer)) {
        if (error)
            *error = QCoreApplication::translate("FormPrinter", "The printer cannot be used.");
        return false;
    }
    const qreal scale = printer->resolution() / 72.0;
    const PagePainter pages(options);
    for (qsizetype i = 0; i < layout.pages.size(); ++i) {
        if (i > 0 && !printer->newPage()) {
            if (error)
                *error = QCoreApplication::translate("FormPrinter", "The printer stopped after page %1.").arg(i);
            painter.end();
            return false;
        }
        painter.save();
        painter.scale(scale, scale);
        pages.paint(painter, layout.pages.at(i), &layout.pictures);
        painter.restore();
    }
    return painter.end();
}

} // namespace coform
