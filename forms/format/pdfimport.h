#pragma once

#include "format/importreport.h"
#include "format/pdfprecheck.h"

#include <QByteArray>
#include <QString>

namespace coform {

/// Limits and the helper program of a PDF form import.
struct PdfImportOptions
{
    /// The program that reads fields with poppler in a child process: coform-cli (run as
    /// `WORKER import --pdf-worker FILE`). Empty: poppler runs in this process, with the qpdf pre-check as the only
    /// guard (for tools that are themselves a disposable process).
    QString workerPath;
    int timeoutMs = 4000;                           ///< the worker is killed after this
    qint64 memoryLimitBytes = 1024LL * 1024 * 1024; ///< the worker's address space (not under AddressSanitizer)
    qint64 maxBytes = 64LL * 1024 * 1024;           ///< larger files are refused unread
    int maxFields = 5000;
    int maxDepth = 32;    ///< levels of the field tree
    bool precheck = true; ///< the qpdf walk of the field tree before poppler (tests turn it off)
};

/// Makes a template from a fillable PDF (AcroForm): one section a page; text fields, check boxes, radio groups,
/// combo and list boxes as questions; push buttons and signature fields reported and skipped. Refuses, with a
/// one-line reason, files it cannot read safely: encrypted with a password, XFA-only, malformed field trees, too
/// large, or taking longer than the time-out.
ImportResult importPdfForm(const QString &path, const PdfImportOptions &options = {});

/// Reads a PDF's form fields safely, as importPdfForm() does: refuses files larger than the limit, runs the qpdf
/// pre-check (filling `precheck`), then poppler in the worker (or in process without one). Returns the fields as
/// readPdfFieldsWithPoppler() prints them, or an empty array and a one-line reason in `error`.
QByteArray readPdfFormFields(const QString &path, const PdfImportOptions &options, PdfPrecheck *precheck,
                             QString *error);

/// The template for fields as the worker prints them (readPdfFieldsWithPoppler()), with qpdf's hints.
ImportResult templateFromPdfFields(const QByteArray &fieldsJson, const PdfPrecheck &precheck, const QString &fileName,
                                   int maxFields = 5000);

} // namespace coform
