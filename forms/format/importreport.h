#pragma once

#include "model/template.h"

#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace coform {

/// What an import did with one part of the source file: carried over with a loss, skipped, or a general remark.
/// `place` names the part in the source's own terms (a FHIR linkId, a PDF field name, "page 2").
struct ImportNote
{
    enum class Kind { Lost, Skipped, Remark };
    Kind kind = Kind::Lost;
    QString place;
    QString itemId; ///< the coform item that carries the note, when there is one
    QString message;

    QString toString() const;
    bool operator==(const ImportNote &) const = default;
};

/// The report of one import: what kind of file it was, what was carried over and what was not, or why the whole file
/// was refused. Printed for people; every line names the source file.
struct ImportReport
{
    QString file;         ///< the source file name as given
    QString sourceKind;   ///< "FHIR R4 Questionnaire", "PDF form (AcroForm)", or empty when not recognised
    bool refused = false; ///< true when no template could be made
    QString reason;       ///< one line, set when refused
    int itemCount = 0;    ///< items in the template made
    QVector<ImportNote> notes;

    void add(ImportNote::Kind kind, const QString &place, const QString &message, const QString &itemId = {});
    /// Refuses the import with a one-line reason.
    void refuse(const QString &why);
    /// "FILE: refused: REASON" when refused, else a summary line followed by one line a note.
    QStringList lines() const;
    QString text() const { return lines().join(QLatin1Char('\n')); }
};

/// A template made by an import (when not refused) and its report.
struct ImportResult
{
    std::optional<Template> tmpl;
    ImportReport report;
};

} // namespace coform
