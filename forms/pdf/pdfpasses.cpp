#include "pdf/pdfpasses.h"

#include "format/modules.h"

namespace coform {

namespace {

/// The module's functions, or null with the reason in `error`.
const PdfPassFunctions *functions(QString *error)
{
    using Get = const PdfPassFunctions *(*)();
    QString why;
    const auto get = reinterpret_cast<Get>(
        coformModuleFunction("coform-pdfpasses", "coform_pdfPasses", QStringLiteral("Coform's PDF passes"), &why));
    if (!get) {
        if (error)
            *error = why;
        return nullptr;
    }
    return get();
}

} // namespace

bool runRenderPasses(QByteArray *pdf, const RenderPasses &passes, const QString &description, QString *error)
{
    const PdfPassFunctions *f = functions(error);
    return f && f->runRender(pdf, passes, description, error);
}

bool tagDrawnPdf(QByteArray *pdf, const QVector<PageDrawLog> &drawn, const TagOptions &tags, const QString &description,
                 QString *error)
{
    const PdfPassFunctions *f = functions(error);
    return f && f->tagDrawn(pdf, drawn, tags, description, error);
}

bool placeDrawnPictures(QByteArray *pdf, const QMap<QString, Picture> &pictures, const QVector<PageDrawLog> &drawn,
                        const QString &description, QString *error)
{
    const PdfPassFunctions *f = functions(error);
    return f && f->placePictures(pdf, pictures, drawn, description, error);
}

} // namespace coform
