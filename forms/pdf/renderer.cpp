#define POINTERHOLDER_TRANSITION 4
#include "pdf/renderer.h"

#include "pdf/formcontent.h"
#include "pdf/htmlwriter.h"
#include "pdf/layoutengine.h"
#include "pdf/pdffields.h"
#include "pdf/pdfwriter.h"
#include "pdf/printstyle.h"

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFWriter.hh>

#include <QGuiApplication>

#include <exception>

namespace coform {

namespace {

/// Makes a blank form fillable (RenderOptions::fillable): parses the PDF QPdfWriter wrote with qpdf, adds the form
/// fields at the answer places the writer logged, and writes the result back into `pdf`.
bool addFieldsToPdf(QByteArray *pdf, const QVector<PageDrawLog> &log, const Template &t, const PrintStyle &style,
                    const RenderOptions &options, QString *error)
{
    try {
        QPDF qpdf;
        qpdf.setSuppressWarnings(true);
        qpdf.processMemoryFile("form.pdf", pdf->constData(), size_t(pdf->size()));
        FieldOptions fieldOptions;
        fieldOptions.fontFile = PrintStyle::textFontFile();
        fieldOptions.fontSize = style.bodySize();
        fieldOptions.languages = options.languages;
        if (!addFormFields(qpdf, log, t, fieldOptions, error))
            return false;
        QPDFWriter writer(qpdf);
        writer.setOutputMemory();
        writer.write();
        const std::shared_ptr<Buffer> out = writer.getBufferSharedPointer();
        *pdf = QByteArray(reinterpret_cast<const char *>(out->getBuffer()), qsizetype(out->getSize()));
        return true;
    } catch (const std::exception &e) {
        if (error)
            *error = QStringLiteral("cannot add the form fields: %1").arg(QString::fromStdString(e.what()));
        return false;
    }
}

} // namespace

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
    PdfWriter writer(style);
    writer.setPdfA(options.pdfA);
    QVector<PageDrawLog> log;
    if (options.fillable)
        writer.setDrawLog(&log);
    pdf->clear();
    if (!writer.write(layout, pdf, error))
        return false;
    return !options.fillable || addFieldsToPdf(pdf, log, t, style, options, error);
}

bool renderHtml(const Template &t, const Answers *answers, const RenderOptions &options, QByteArray *html,
                QString *error)
{
    Q_UNUSED(error);
    const FormContent content = buildFormContent(t, answers, options);
    *html = HtmlWriter(content).write();
    return true;
}

} // namespace coform
