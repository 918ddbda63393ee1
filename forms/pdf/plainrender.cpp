#include "pdf/plainrender.h"

#include "pdf/documentwriter.h"
#include "pdf/formcontent.h"
#include "pdf/layoutengine.h"
#include "pdf/pdfwriter.h"
#include "pdf/printstyle.h"

namespace coform {

bool mayRenderWithoutQt(const RenderOptions &options)
{
    // Form fields go in by a pass of libqpdf's; PDF/A's colour profile is Qt's; easy read's pictures are drawn by Qt.
    return !options.fillable && !options.pdfA && options.profile != PrintProfile::Easy;
}

PlainRender renderPdfWithoutQt(const Template &t, const Answers *answers, const RenderOptions &options, QByteArray *pdf,
                               QString *error)
{
    if (options.fillable && answers) {
        if (error)
            *error = QStringLiteral("a fillable form is a blank form: it cannot also be filled with answers");
        return PlainRender::Refused;
    }
    if (const QString problem = PrintStyle::fontsProblem(); !problem.isEmpty()) {
        if (error)
            *error = problem;
        return PlainRender::Refused;
    }
    if (!mayRenderWithoutQt(options))
        return PlainRender::NeedsQt;
    const PrintStyle style(options.profile, options.paper);
    const FormContent content = buildFormContent(t, answers, options);
    const Layout layout = LayoutEngine(content, style, nullptr).run();
    if (layout.needsQt || !layout.pictures.isEmpty())
        return PlainRender::NeedsQt;
    // As renderPdf() writes it: tagged with the pages, streams compressed as they are written.
    const QVector<PageDrawLog> drawn = drawLog(layout);
    const TagOptions tags{layout.title, layout.language, options.pdfA};
    DocumentWriter writer(style);
    writer.setStoreStreams(true);
    writer.setTags(&drawn, &tags);
    pdf->clear();
    if (!writer.write(layout, pdf)) {
        pdf->clear();
        return PlainRender::NeedsQt;
    }
    return PlainRender::Done;
}

} // namespace coform
