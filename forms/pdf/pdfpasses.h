#pragma once

#include "model/picture.h"
#include "pdf/pdffields.h"
#include "pdf/pdftagger.h"
#include "pdf/pdfwriter.h"

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QVector>

namespace coform {

struct Template;

/// The passes over a PDF once PdfWriter has written it, all with libqpdf (pdf/pdftagger.h): pictures, form fields,
/// tags, compression. libqpdf and what it links (GnuTLS and its own) cost every process about 8 ms of start-up, so
/// they are in a module of their own (libcoform-pdfpasses.so, format/modules.h), loaded the first time a pass is
/// needed: a standard or large-print form that Coform writes and tags itself (pdf/tagwriter.h) never loads it.
/// Each function returns false with the reason in `error`, which names the document (`description`), or says the
/// module is missing.

/// What renderPdf() asks of the passes.
struct RenderPasses
{
    const QVector<PageDrawLog> *drawn = nullptr; ///< what the writer drew where
    QMap<QString, Picture> pictures;             ///< placed where the draw log names them (PicturePlacer)
    const Template *fillable = nullptr;          ///< form fields for this template's questions (a fillable form)
    FieldOptions fields;
    TagOptions tags;
};

/// Pictures, then form fields, then tags, then the stored streams compressed (PdfWriter::setStoreStreams()).
bool runRenderPasses(QByteArray *pdf, const RenderPasses &passes, const QString &description, QString *error);
/// Tags a PDF drawn with QPainter from its draw log (the About this form and What changed PDFs).
bool tagDrawnPdf(QByteArray *pdf, const QVector<PageDrawLog> &drawn, const TagOptions &tags, const QString &description,
                 QString *error);
/// Places the pictures of `drawn` in an untagged PDF (the preview).
bool placeDrawnPictures(QByteArray *pdf, const QMap<QString, Picture> &pictures, const QVector<PageDrawLog> &drawn,
                        const QString &description, QString *error);

/// The module's functions (`coform_pdfPasses()` returns them), for the calls above.
struct PdfPassFunctions
{
    bool (*runRender)(QByteArray *, const RenderPasses &, const QString &, QString *);
    bool (*tagDrawn)(QByteArray *, const QVector<PageDrawLog> &, const TagOptions &, const QString &, QString *);
    bool (*placePictures)(QByteArray *, const QMap<QString, Picture> &, const QVector<PageDrawLog> &, const QString &,
                          QString *);
};

/// What the module runs (pdfpassesqpdf.cpp), for a caller that links libqpdf itself (the tests).
const PdfPassFunctions &pdfPassesWithQpdf();

} // namespace coform
