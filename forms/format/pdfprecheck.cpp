#include "format/pdfprecheck.h"

#include "format/modules.h"

namespace coform {

QString damagedReason()
{
    return QStringLiteral("This PDF is damaged. Open it in a PDF reader, save a copy, and import the copy");
}

QString noFieldsReason()
{
    return QStringLiteral("This PDF has no boxes to fill in: Coform can only import fillable forms");
}

PdfPrecheck precheckPdf(const QString &path, int maxFields, int maxDepth)
{
    using Precheck = PdfPrecheck (*)(const QString &, int, int);
    QString why;
    const auto precheck = reinterpret_cast<Precheck>(
        coformModuleFunction("coform-pdfpasses", "coform_precheckPdf", QStringLiteral("Coform's PDF passes"), &why));
    if (!precheck) {
        PdfPrecheck out;
        out.refused = true;
        out.reason = why;
        return out;
    }
    return precheck(path, maxFields, maxDepth);
}

} // namespace coform
