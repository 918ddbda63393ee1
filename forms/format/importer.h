#pragma once

#include "format/importreport.h"
#include "format/templateformat.h"

#include <QString>

namespace coform {

/// How to import: limits for untrusted files, and the helper program that reads PDFs out of process.
struct ImportOptions
{
    ImportOptions() = default;
    /// {worker, limits, time-out}, as callers wrote it before the value set folder was added.
    ImportOptions(QString worker, ReadLimits readLimits = {}, int timeout = 4000)
        : workerPath(std::move(worker))
        , limits(readLimits)
        , timeoutMs(timeout)
    {}

    /// coform-cli's path: the CLI passes its own, the app the one beside its binary, tests the COFORM_CLI variable.
    /// PDF imports need it (see PdfImportOptions::workerPath).
    QString workerPath;
    ReadLimits limits;
    int timeoutMs = 4000;
    /// A folder of FHIR ValueSet files (or Bundles of them) to take answer lists from, when a Questionnaire names
    /// value sets it does not contain; empty for none. What cannot be read there is said in the report.
    QString valueSetFolder;
};

/// Imports a FHIR R4 Questionnaire (JSON) or a fillable PDF as a template, recognised by content, not by name.
/// Always returns a report; the template only when it was not refused. The template made is checked with the
/// strict template reader, so what comes out can be saved and opened. Never throws, never hangs past the time-out.
ImportResult importFile(const QString &path, const ImportOptions &options = {});
/// The same with default limits and the given PDF worker (coform-cli).
ImportResult importFile(const QString &path, const QString &workerPath);

/// coform-cli beside the running program (the app's bin folder), or empty when it is not there.
QString defaultImportWorkerPath();

} // namespace coform
