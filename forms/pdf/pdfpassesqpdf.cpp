// What the PDF passes module runs (pdf/pdfpasses.h): libqpdf is linked here, not into the programs.
#include "pdf/pdfpasses.h"

#include "pdf/flate.h"
#include "pdf/pdfpictures.h"

namespace coform {

namespace {

bool runRender(QByteArray *pdf, const RenderPasses &p, const QString &description, QString *error)
{
    QVector<PdfPass> passes;
    PicturePlacer pictures(p.pictures); // outlives the PDF's writing, which reads the pictures from it
    if (!p.pictures.isEmpty())
        passes.append([&](QPDF &q, QString *e) { return pictures.place(q, *p.drawn, e); });
    // Form fields come before tagging, which puts their widgets into the structure tree.
    if (p.fillable)
        passes.append([&](QPDF &q, QString *e) { return addFormFields(q, *p.drawn, *p.fillable, p.fields, e); });
    passes.append([&](QPDF &q, QString *e) { return tagPdf(q, *p.drawn, p.tags, e); });
    passes.append(compressStoredStreams);
    return runPdfPasses(pdf, passes, description, error);
}

bool tagDrawn(QByteArray *pdf, const QVector<PageDrawLog> &drawn, const TagOptions &tags, const QString &description,
              QString *error)
{
    return runPdfPasses(pdf, {[&](QPDF &q, QString *e) { return tagPdf(q, drawn, tags, e); }}, description, error);
}

bool placePictures(QByteArray *pdf, const QMap<QString, Picture> &pictures, const QVector<PageDrawLog> &drawn,
                   const QString &description, QString *error)
{
    PicturePlacer placer(pictures);
    return runPdfPasses(pdf, {[&](QPDF &q, QString *e) { return placer.place(q, drawn, e); }}, description, error);
}

} // namespace

const PdfPassFunctions &pdfPassesWithQpdf()
{
    static const PdfPassFunctions functions{runRender, tagDrawn, placePictures};
    return functions;
}

} // namespace coform
