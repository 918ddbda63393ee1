// The entry points of the PDF passes module (libcoform-pdfpasses.so; pdf/pdfpasses.h, format/modules.h).
#include "format/pdfprecheck.h"
#include "pdf/pdfpasses.h"

#include <QtGlobal>

extern "C" Q_DECL_EXPORT const coform::PdfPassFunctions *coform_pdfPasses()
{
    return &coform::pdfPassesWithQpdf();
}

extern "C" Q_DECL_EXPORT coform::PdfPrecheck coform_precheckPdf(const QString &path, int maxFields, int maxDepth)
{
    return coform::precheckPdfWithQpdf(path, maxFields, maxDepth);
}
