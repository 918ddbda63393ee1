#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace coform {

/// What the field tree of a PDF says about one field, as seen by qpdf (poppler's API does not give radio export
/// values): the labels of a radio group's buttons in order.
struct PdfFieldHint
{
    QStringList radioOptions;
    bool required = false; ///< the field must be filled in (/Ff bit 2)
    int maxLength = 0;     ///< the longest text allowed (/MaxLen), 0 for none
};

/// The result of looking at a PDF with qpdf before poppler ever reads it (docs/import.md, "Hostile PDFs").
struct PdfPrecheck
{
    bool refused = false;
    QString reason;       ///< one line, when refused
    bool damaged = false; ///< refused because qpdf cannot open the file at all (poppler may still read it)
    /// qpdf could not read the file but poppler, in the worker under the same limits, could: the fields are what
    /// poppler's repair of the file made of it (no radio labels from qpdf).
    bool readByPopplerOnly = false;
    bool encrypted = false;
    bool xfa = false;                   ///< an XFA packet is present
    int fieldCount = 0;                 ///< terminal fields (paths from /Fields to a leaf)
    QHash<QString, PdfFieldHint> hints; ///< fully qualified field name -> hint
};

/// Opens the PDF with qpdf (empty user password only) and walks /AcroForm /Fields with a visited set, a depth limit
/// and a budget of paths, so that a field tree that is a loop or whose paths explode (the same kid listed many times
/// on many levels) is refused in milliseconds instead of handed to poppler, whose walk of it is exponential.
/// The refusals in plain words, with what to do next.
QString damagedReason();
QString noFieldsReason();

PdfPrecheck precheckPdf(const QString &path, int maxFields, int maxDepth);
/// What precheckPdf() runs, in the PDF passes module (libqpdf is loaded only there: see pdf/pdfpasses.h).
PdfPrecheck precheckPdfWithQpdf(const QString &path, int maxFields, int maxDepth);

} // namespace coform
