#pragma once

#include "model/template.h"

#include <QHash>
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
    /// What the note is about; the report's detail is grouped by it.
    enum class Topic {
        Answers,      ///< answer lists, open answers, initial answers
        Conditions,   ///< when a question is shown
        Limits,       ///< required, read-only, length, number limits, whole numbers
        Kinds,        ///< the kind of question changed (a time, a file, a web address became text)
        Texts,        ///< labels, help, pictures, markup, prefixes
        Structure,    ///< groups, tables, nesting, hidden items
        Codes,        ///< terminology codes and definitions (technical)
        Extensions,   ///< FHIR extensions Coform has no place for (technical)
        DisplayHints, ///< how a viewer should draw an item (technical)
        Other,
    };
    Kind kind = Kind::Lost;
    QString place;
    QString itemId; ///< the coform item that carries the note, when there is one
    QString message;
    Topic topic = Topic::Other;
    /// Plain words for the report's summary, as "ONE|MANY" ("question lost its list of answers|questions lost their
    /// list of answers"); empty when the note changes nothing a person sees or may answer (it goes to the detail).
    QString gist;
    /// Why, said once after the summary's list of places ("their answer lists are not in the file").
    QString why;

    QString toString() const;
    bool operator==(const ImportNote &) const = default;
};

/// The report of one import: what kind of file it was, what was carried over and what was not, or why the whole file
/// was refused. Printed for people; every line names the source file.
struct ImportReport
{
    QString file;                 ///< the source file name as given
    QString sourceKind;           ///< "FHIR R4 Questionnaire", "PDF form (AcroForm)", or empty when not recognised
    bool refused = false;         ///< true when no template could be made
    QString reason;               ///< one line, set when refused
    int itemCount = 0;            ///< items in the template made
    int questionCount = 0;        ///< questions (answerable items) in the template made
    int sourceQuestionCount = -1; ///< questions in the source, when known
    int addedQuestionCount = 0;   ///< questions the import made (a text question for an "Other" answer)
    QVector<ImportNote> notes;
    /// How the summary names an item: its question number in the template ("4"), else the source place.
    QHash<QString, QString> itemNames;

    void add(ImportNote::Kind kind, const QString &place, const QString &message, const QString &itemId = {});
    void add(const ImportNote &note) { notes.append(note); }
    /// The notes that change what a person sees or may answer (those with a gist).
    QVector<ImportNote> important() const;
    /// Refuses the import with a one-line reason.
    void refuse(const QString &why);
    /// "FILE: refused: REASON" when refused. Else "FILE: imported ...", then a short summary in plain words (what
    /// changed for a person filling the form in, one line a kind of change with the questions it touched), then
    /// the detail for template authors grouped by topic and counted, technical notes (codes, extensions, display
    /// hints) last and folded into one line per kind.
    QStringList lines() const;
    /// Just the summary (the first lines of lines()).
    QStringList summaryLines() const;
    QString text() const { return lines().join(QLatin1Char('\n')); }
};

/// A template made by an import (when not refused) and its report.
struct ImportResult
{
    std::optional<Template> tmpl;
    ImportReport report;
    /// Where each part of the source went: source place (FHIR linkId, PDF field name) -> item id, or "section:ID"
    /// for a group that became a section. For checking an import against its source.
    QHash<QString, QString> placeToItem;
};

} // namespace coform
