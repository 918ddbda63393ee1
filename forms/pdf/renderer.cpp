#include "pdf/renderer.h"
#include "pdf/qtglyphruns.h"
#include "pdf/qtprintfonts.h"

#include "pdf/aboutformpdf.h"
#include "pdf/formcontent.h"
#include "pdf/htmlwriter.h"
#include "pdf/layoutengine.h"
#include "pdf/pdfpasses.h"
#include "pdf/pdfwriter.h"
#include "pdf/printstyle.h"

#include <QGuiApplication>

namespace coform {

Layout layoutForm(const Template &t, const Answers *answers, const RenderOptions &options)
{
    const PrintStyle style(options.profile, options.paper);
    const FormContent content = buildFormContent(t, answers, options);
    return LayoutEngine(content, style, &qtTextFallback()).run();
}

bool renderPdf(const Template &t, const Answers *answers, const RenderOptions &options, QByteArray *pdf, QString *error)
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        if (error)
            *error = QStringLiteral("rendering a PDF needs a QGuiApplication (fonts)");
        return false;
    }
    if (options.fillable && answers) {
        if (error)
            *error = QStringLiteral("a fillable form is a blank form: it cannot also be filled with answers");
        return false;
    }
    if (const QString problem =
            PrintStyle::fontsProblem().isEmpty() ? qtPrintFontsProblem() : PrintStyle::fontsProblem();
        !problem.isEmpty()) {
        if (error)
            *error = problem;
        return false;
    }
    const PrintStyle style(options.profile, options.paper);
    const FormContent content = buildFormContent(t, answers, options);
    const Layout layout = LayoutEngine(content, style, &qtTextFallback()).run();
    QVector<PageDrawLog> drawn;
    const TagOptions tags{layout.title, layout.language, options.pdfA};
    PdfWriter writer(style);
    writer.setPdfA(options.pdfA);
    writer.setDrawLog(&drawn);
    writer.setStoreStreams(true); // compressed once, by the last pass
    if (!options.fillable)
        writer.setTags(&tags); // written with the pages, when Coform writes them and there are no pictures
    pdf->clear();
    if (!writer.write(layout, pdf, error))
        return false;
    if (writer.tagged())
        return true;
    // Pictures, form fields and tags otherwise go in by the passes over the written PDF (pdf/pdfpasses.h).
    RenderPasses passes;
    passes.drawn = &drawn;
    passes.pictures = layout.pictures;
    if (options.fillable) {
        passes.fillable = &t;
        passes.fields.fontFile = PrintStyle::textFontFile();
        passes.fields.fontSize = style.bodySize();
        passes.fields.languages = options.languages;
    }
    passes.tags = tags;
    return runRenderPasses(pdf, passes, QStringLiteral("the PDF of the form"), error);
}

bool renderHtml(const Template &t, const Answers *answers, const RenderOptions &options, QByteArray *html,
                QString *error)
{
    Q_UNUSED(error);
    const FormContent content = buildFormContent(t, answers, options);
    *html = HtmlWriter(content).write();
    if (options.about) {
        const QByteArray end("</main>");
        const qsizetype at = html->lastIndexOf(end);
        if (at >= 0)
            html->insert(at, aboutFormHtml(*options.about).toUtf8());
    }
    return true;
}

} // namespace coform
