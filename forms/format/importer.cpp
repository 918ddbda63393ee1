#include "importer.h"

#include "format/fhirimport.h"
#include "format/fhirvaluesets.h"
#include "format/pdfimport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace coform {

ImportResult importFile(const QString &path, const ImportOptions &options)
{
    ImportResult result;
    result.report.file = path;
    QFile file(path);
    if (!QFileInfo(path).isFile() || !file.open(QIODevice::ReadOnly)) {
        result.report.refuse(QStringLiteral("the file cannot be read"));
        return result;
    }
    const QByteArray head = file.peek(1024);
    if (head.contains("%PDF-")) {
        file.close();
        PdfImportOptions pdf;
        pdf.workerPath = options.workerPath;
        pdf.timeoutMs = options.timeoutMs;
        pdf.maxBytes = std::max<qint64>(options.limits.maxBytes, pdf.maxBytes);
        pdf.maxFields = std::min(options.limits.maxItems, pdf.maxFields);
        result = importPdfForm(path, pdf);
    } else if (head.trimmed().startsWith('{')) {
        if (file.size() > options.limits.maxBytes) {
            result.report.refuse(
                QStringLiteral("the file is larger than %1 MB").arg(options.limits.maxBytes / (1024 * 1024)));
            return result;
        }
        FhirValueSets valueSets;
        QStringList problems;
        int found = 0;
        if (!options.valueSetFolder.isEmpty())
            found = valueSets.addFolder(options.valueSetFolder, &problems);
        result = importFhirQuestionnaire(file.readAll(), path, options.limits, options.timeoutMs, &valueSets);
        if (!options.valueSetFolder.isEmpty() && !result.report.refused) {
            result.report.add(
                ImportNote::Kind::Remark, {},
                QStringLiteral("%1 value sets read from the folder %2").arg(found).arg(options.valueSetFolder));
            for (const QString &problem : problems)
                result.report.add(ImportNote::Kind::Remark, {},
                                  QStringLiteral("value set file left out: %1").arg(problem));
        }
    } else {
        result.report.refuse(QStringLiteral("not a FHIR Questionnaire (JSON) or a fillable PDF form"));
        return result;
    }
    result.report.file = path;
    if (result.tmpl) {
        // What an import makes must open like any template: check it with the strict reader.
        Problems problems;
        const std::optional<Template> back = readTemplate(writeTemplate(*result.tmpl), path, &problems);
        if (!back) {
            QString first;
            for (const Problem &p : problems) {
                if (p.severity == Problem::Severity::Error) {
                    first = QStringLiteral("%1: %2").arg(p.pointer, p.message);
                    break;
                }
            }
            result.tmpl.reset();
            result.report.refuse(QStringLiteral("the template made from it is not valid (%1)").arg(first));
        }
    }
    return result;
}

ImportResult importFile(const QString &path, const QString &workerPath)
{
    ImportOptions options;
    options.workerPath = workerPath;
    return importFile(path, options);
}

QString defaultImportWorkerPath()
{
    const QString path = QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("coform-cli"));
    return QFileInfo(path).isExecutable() ? path : QString();
}

} // namespace coform
