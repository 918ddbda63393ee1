// coform-cli import: a template from a FHIR R4 Questionnaire or a fillable PDF; and the PDF reader worker it runs.
#include "command.h"

#include "format/importer.h"
#include "format/pdffieldreader.h"
#include "format/templateformat.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <cstdio>

using namespace coform;
using namespace coform::cli;

namespace {

/// `import --pdf-worker FILE`: reads the PDF's fields with poppler and prints them as JSON. Run as a child process by
/// the importer, under a time-out and a memory limit (docs/import.md); not meant to be typed.
int runPdfWorker(const QString &path)
{
    QString error;
    const QByteArray json = readPdfFieldsWithPoppler(path, &error);
    if (!error.isEmpty()) {
        printError(error);
        return InvalidInput;
    }
    std::fwrite(json.constData(), 1, size_t(json.size()), stdout);
    std::fflush(stdout);
    return Done;
}

int runImport(const QStringList &args)
{
    if (args.size() == 2 && args.first() == QLatin1String("--pdf-worker"))
        return runPdfWorker(args.at(1));
    QString input;
    QString output;
    QString valueSets;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("-o") && i + 1 < args.size()) {
            output = args[++i];
        } else if (args[i] == QLatin1String("--valuesets") && i + 1 < args.size()) {
            valueSets = args[++i];
        } else if (args[i].startsWith(QLatin1Char('-')) || !input.isEmpty()) {
            printError(QStringLiteral("usage: coform-cli import FILE [-o OUT.json] [--valuesets FOLDER]"));
            return BadUsage;
        } else {
            input = args[i];
        }
    }
    if (input.isEmpty()) {
        printError(QStringLiteral("usage: coform-cli import FILE [-o OUT.json] [--valuesets FOLDER]"));
        return BadUsage;
    }
    if (!QFile::exists(input)) {
        printError(QStringLiteral("%1: no such file").arg(input));
        return NotFound;
    }
    if (!valueSets.isEmpty() && !QFileInfo(valueSets).isDir()) {
        printError(
            QStringLiteral("%1: no such folder (--valuesets takes a folder of FHIR ValueSet files)").arg(valueSets));
        return NotFound;
    }
    ImportOptions options;
    options.workerPath = QCoreApplication::applicationFilePath();
    options.valueSetFolder = valueSets;
    const ImportResult result = importFile(input, options);
    if (!result.tmpl) {
        printError(result.report.lines().value(0));
        return InvalidInput;
    }
    // The report goes where the template does not: stdout when writing a file, stderr when the template is stdout.
    const QStringList report = result.report.lines();
    if (output.isEmpty()) {
        for (const QString &line : report)
            std::fprintf(stderr, "%s\n", line.toUtf8().constData());
        const QByteArray json = writeTemplate(*result.tmpl);
        std::fwrite(json.constData(), 1, size_t(json.size()), stdout);
        return Done;
    }
    QString error;
    if (!writeTemplateFile(*result.tmpl, output, &error)) {
        printError(error);
        return InvalidInput;
    }
    for (const QString &line : report)
        printLine(line);
    return Done;
}

const CommandRegistration registration("import",
                                       "import FILE [-o OUT.json] [--valuesets FOLDER]   template from a FHIR R4 "
                                       "Questionnaire or a fillable PDF; FOLDER holds ValueSet files for its answer "
                                       "lists",
                                       runImport);

} // namespace
