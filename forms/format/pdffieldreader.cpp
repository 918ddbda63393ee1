#include "format/pdffieldreader.h"

#include "format/modules.h"

namespace coform {

namespace {

using ReadFields = bool (*)(const QString &path, QByteArray *fields, QString *error);

} // namespace

QByteArray readPdfFieldsWithPoppler(const QString &path, QString *error)
{
    error->clear();
    QString why;
    const auto read = reinterpret_cast<ReadFields>(
        coformModuleFunction("coform-pdfreader", "coform_readPdfFields", QStringLiteral("Coform's PDF reader"), &why));
    if (!read) {
        *error = why;
        return {};
    }
    QByteArray fields;
    if (!read(path, &fields, error))
        return {};
    return fields;
}

} // namespace coform
