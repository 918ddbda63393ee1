#pragma once

#include "model/template.h"
#include "pdf/pdfwriter.h"

#include <QString>
#include <QStringList>
#include <QVector>

class QPDF;

namespace coform {

/// How the form fields of a fillable blank form look.
struct FieldOptions
{
    QString fontFile;      ///< a TrueType file (the print style's text font), embedded whole for the appearances
    qreal fontSize = 12;   ///< text size typed into the fields (the profile's body size; never automatic)
    QStringList languages; ///< printed languages, in order: tooltips are the labels in these
};

/// Information dictionary keys that say which template version a fillable form was made from.
inline constexpr const char *InfoTemplateKey = "CoformTemplate";
inline constexpr const char *InfoVersionKey = "CoformVersion";

/// Adds an AcroForm field at every answer place of a blank form that PdfWriter drew (`log`, one entry a page):
/// - text, date and number questions: a single-line text field over the write-in box; long text (textarea): a
///   multi-line field over the write-in lines (one widget a page when the lines go on to another page);
/// - yes/no and multiple choice: a check box for each option, fields `ITEM.OPTION` under a parent `ITEM`;
/// - single choice and scales: a radio button group `ITEM` whose buttons' "on" appearance states are named by the
///   option values;
/// - tables: a text field for each write-in cell, `ITEM.ROW.COLUMN` (rows from 1);
/// - signatures: text fields `ITEM.name` and `ITEM.date` (the signature itself is signed by hand on paper).
/// Every field's fully qualified name starts with its item id, and its tooltip (/TU) is the question number and
/// label. Text fields use a fixed size of the embedded TrueType font (FieldOptions::fontFile, /WinAnsiEncoding, in
/// /AcroForm /DR); every widget has its appearance streams, so /NeedAppearances is false. Widgets are listed in each
/// page's /Annots in question order, and /Tabs is /S. The information dictionary records the template id and version
/// (InfoTemplateKey, InfoVersionKey). Runs on the form before any tagging pass. Returns false and fills error (in
/// words) when it cannot; the document may then be half changed and should be dropped.
bool addFormFields(QPDF &pdf, const QVector<PageDrawLog> &log, const Template &t, const FieldOptions &o,
                   QString *error);

} // namespace coform
