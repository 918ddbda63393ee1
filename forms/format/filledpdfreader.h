#pragma once

#include "format/pdfimport.h"
#include "model/template.h"

#include <QByteArray>
#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <QVector>

namespace coform {

/// One answer read from a filled copy of a fillable form.
struct ProposedAnswer
{
    QString itemId;
    int number = 0;   ///< the question number
    QString label;    ///< the question, in the template's first language
    QJsonValue value; ///< as in an answers file (DESIGN.md's table)
};

/// What a filled copy of a fillable Coform form holds.
struct FilledPdfAnswers
{
    /// One line when the file is not read at all: not a PDF, unsafe, not a Coform form, another template or version.
    QString refusal;
    /// Answers that do not fit their question, one message each naming the question's number and label.
    QStringList problems;
    /// The questions something was filled in for, in question order (blank fields give no answer).
    QVector<ProposedAnswer> answers;
    QString templateId; ///< the template and version the form says it was made from
    int version = 0;

    bool ok() const { return refusal.isEmpty() && problems.isEmpty(); }
};

/// Reads the answers typed and ticked into a fillable form (`render --fillable`) of template `t`: the file is read as
/// untrusted, with the limits, the qpdf pre-check and the poppler worker of a PDF import (`options`, pdfimport.h).
/// A form of another template or version, or a PDF Coform did not make, is refused. Each field maps back to its
/// question (text; dates written DD/MM/YYYY; numbers; ticked check boxes; the chosen radio button; table cells;
/// signature name and date) and every answer is checked as a typed one is (answerProblem()).
FilledPdfAnswers readFilledPdf(const QString &path, const Template &t, const PdfImportOptions &options = {});

/// The mapping part of readFilledPdf(), for fields as readPdfFieldsWithPoppler() prints them.
FilledPdfAnswers answersFromPdfFields(const QByteArray &fieldsJson, const Template &t);

/// An answer in words, to show people what would change: "Yes", option labels, dates as 20/11/2026, a table's rows;
/// "not answered" for a missing (null or undefined) value.
QString answerInWords(const Item &item, const QJsonValue &value);

} // namespace coform
