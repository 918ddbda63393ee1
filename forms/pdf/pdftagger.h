#pragma once

#include "pdf/pdfwriter.h"

#include <QByteArray>
#include <QString>
#include <QVector>

#include <functional>

class QPDF;

namespace coform {

/// What the tagging pass writes besides the structure: the document's title (/Info, XMP dc:title, shown by viewers)
/// and language (/Lang on the catalogue, BCP 47 such as "en-GB").
struct TagOptions
{
    QString title;
    QString lang;
    bool pdfA = false; ///< the file is PDF/A-1b: keep Qt's XMP metadata (it already has the title) and its entries
};

/// Makes a PDF that QPdfWriter wrote into a tagged PDF, using what the writer drew on each page (`log`, one entry a
/// page, in drawing order):
/// - every text object (BT..ET) of a page's content is matched by position to the DrawnBox it came from and marked
///   as content (`/P <</MCID n /ActualText (..)>> BDC .. EMC`, /Lang for text in another language than the
///   document's) or, for the running header and footer, as a pagination artifact; paths (frames, rules, tick box
///   squares, write-in lines, bands) are layout artifacts, except easy-read picture slots, which are Figures;
/// - the structure tree is built from the boxes' roles and item ids (see docs/pdf.md): Document, H1 title, Sect per
///   section (H1 heading), Div per item (H2 number and label, P for help, conditions and answers, L/LI/Lbl/LBody for
///   options, Table/TR/TH/TD for tables, Figure with /Alt), and a Form element for each widget annotation whose
///   field name (/T, or its parent's /T) is an item id;
/// - the catalogue gets /MarkInfo, /Lang, /ViewerPreferences /DisplayDocTitle, XMP metadata with the title; pages
///   get /StructParents and /Tabs /S.
/// Returns false with the reason in `error` when the PDF cannot be tagged (content that cannot be read, a log that
/// does not fit the pages).
bool tagPdf(QPDF &pdf, const QVector<PageDrawLog> &log, const TagOptions &options, QString *error);

/// One pass over a parsed PDF (form fields, tags). Returns false with the reason in error.
using PdfPass = std::function<bool(QPDF &pdf, QString *error)>;

/// Parses the PDF in `pdf` with libqpdf, runs the passes in order and writes the result back into `pdf` (streams
/// compressed, object streams as they were; PDF 1.5, or 1.4 for PDF/A-1). `description` names the document in error
/// messages. libqpdf's warnings are errors here: what it writes must pass `qpdf --check`.
bool runPdfPasses(QByteArray *pdf, const QVector<PdfPass> &passes, const QString &description, QString *error);

} // namespace coform
