#pragma once

#include <QByteArray>
#include <QString>

namespace coform {

/// The poppler half of a PDF form import, meant to run in a child process (`coform-cli import --pdf-worker FILE`):
/// poppler's walk of some malformed field trees takes minutes and gigabytes and cannot be interrupted in-process.
/// Returns the fields as JSON (docs/import.md describes the shape), with what is filled in (text `value`, button
/// `filled` and `onState`, choice `selected`) and the template a Coform fillable form was made from, or an empty
/// array and a one-line `error`. Poppler itself is in a module of its own (format/poppler/), loaded here on the first
/// call, so that the processes that never read a PDF do not load it.
QByteArray readPdfFieldsWithPoppler(const QString &path, QString *error);

} // namespace coform
