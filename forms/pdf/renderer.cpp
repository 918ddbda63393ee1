#define POINTERHOLDER_TRANSITION 4
#include "pdf/renderer.h"

#include "pdf/aboutformpdf.h"
#include "pdf/flate.h"
#include "pdf/formcontent.h"
#include "pdf/htmlwriter.h"
#include "pdf/layoutengine.h"
#include "pdf/pdffields.h"
#include "pdf/pdfpictures.h"
#include "pdf/pdftagger.h"
#include "pdf/pdfwriter.h"
#include "pdf/printstyle.h"

#include <qpdf/QPDF.hh>

#include <QGuiApplication>

namespace coform {

std::optional<PrintProfile> printProfileFromName(const QString &name)
{
    if (name == QLatin1String("standard"))
        return PrintProfile::Standard;
    if (name == QLatin1String("large"))
        return PrintProfile::Large;
    if (name == QLatin1String("easy"))
        return PrintProfile::Easy;
    return std::nullopt;
}

QString printProfileName(PrintProfile profile)
{
    switch (profile) {
    case PrintProfile::Standard:
        return QStringLiteral("standard");
    case PrintProfile::Large:
        return QStringLiteral("large");
    case PrintProfile::Easy:
        return QStringLiteral("easy");
    }
    return {};
}

Layout layoutForm(const Template &t, const Answers *answers, const RenderOptions &options)
{
    const PrintStyle style(options.profile, options.paper);
    const FormContent content = buildFormContent(t, answers, options);
    return LayoutEngine(content, style).run();
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
    const PrintStyle style(options.profile, options.paper);
    const FormContent content = buildFormContent(t, answers, options);
    const Layout layout = LayoutEngine(content, style).run();
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
    // Passes over the written PDF, on one parsed copy. Form fields (when fillable) come before tagging, which puts
    // their widgets into the structure tree.
    QVector<PdfPass> passes;
    FieldOptions fieldOptions;               // outlives the passes, which refer to it
    PicturePlacer pictures(layout.pictures); // outlives the PDF's writing, which reads the pictures from it
    if (!layout.pictures.isEmpty())
        passes.append([&](QPDF &q, QString *e) { return pictures.place(q, drawn, e); });
    if (options.fillable) {
        fieldOptions.fontFile = PrintStyle::textFontFile();
        fieldOptions.fontSize = style.bodySize();
        fieldOptions.languages = options.languages;
        passes.append([&](QPDF &q, QString *e) { return addFormFields(q, drawn, t, fieldOptions, e); });
    }
    passes.append([&](QPDF &q, QString *e) { return tagPdf(q, drawn, tags, e); });
    passes.append(compressStoredStreams);
    return runPdfPasses(pdf, passes, QStringLiteral("the PDF of the form"), error);
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
