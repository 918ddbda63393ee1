#pragma once

#include "model/problem.h"
#include "model/template.h"

#include <QMap>
#include <QString>
#include <QVector>

namespace coform {

/// Which source wording a translation was made from, and so whether it is out of date. Each translated text keeps
/// (in Translation::madeFrom, `madeFrom` in the file) a stamp of the source text it was made from; when the source
/// text changes, the stamp no longer matches and the translation is "out of date" until someone changes it or says
/// it is still right (a new stamp). A text without a stamp (files made before stamps) is never out of date.
namespace TranslationStamps {

/// A short stamp of a source text: the first 16 hex digits of its SHA-256 (UTF-8).
QString stamp(const QString &sourceText);
/// Whether `key` names a text a stamp can be about ("title", "label", "help", "option:V", "optionDescription:V",
/// "column:ID").
bool isValidKey(const QString &key);
/// Whether a stamp reads as one (8 to 64 lower-case hex digits).
bool isValidStamp(const QString &stamp);

/// One translated text that is out of date.
struct OutOfDate
{
    QString sectionId; ///< the section's id for a section text; empty otherwise
    QString itemId;    ///< the item's id for an item text; empty otherwise
    QString language;
    QString property; ///< as an Edit names it: "label", "option:first"
    QString pointer;  ///< JSON pointer of the source text, e.g. /sections/0/items/2/label
    QString what;     ///< in words: "the label of question 3"
};

/// The source text a property of the template, a section or an item names (sectionId and itemId empty: the
/// template); empty when there is none.
QString sourceText(const Template &t, const QString &sectionId, const QString &itemId, const QString &property);
/// Whether a translated text is out of date: it has words, a stamp, and the stamp differs from the source's now.
bool isOutOfDate(const Translation &translation, const QString &property, const QString &sourceText);

/// Every out-of-date text of the template, in document order.
QVector<OutOfDate> outOfDate(const Template &t);
/// Out-of-date texts per language.
QMap<QString, int> outOfDateCounts(const Template &t);
/// As warnings for `coform-cli check`.
Problems outOfDateProblems(const Template &t, const QString &fileName);
/// A language's name in English words: "Welsh" for "cy", "English" for "en", "easy read English" for "en-x-easy";
/// otherwise its name from the locale, or the tag itself.
QString languageName(const QString &language);
/// Where an out-of-date text is, in words: "question 3", "the title of the section \"About you\"", "the form's
/// title", the words of an information text.
QString placeInWords(const Template &t, const OutOfDate &o);
/// The places of out-of-date texts of one language, as one phrase: "question 3", "questions 3 and 7", "questions 3,
/// 5 and 7 and the form's title" (each question once).
QString placesInWords(const Template &t, const QVector<OutOfDate> &stale);
/// "The Welsh of questions 3 and 7" (every language with out-of-date texts, in turn: "..., and the Polish of
/// question 2"); empty when none is out of date.
QString staleInWords(const Template &t, const QVector<OutOfDate> &stale);
/// What the out-of-date texts of one language are called in a printed form: "[Welsh out of date]".
QString printedMark(const QString &language);
/// A copy of the template whose out-of-date translated texts end with their printedMark() (blank forms of a draft
/// print them so; the stamps themselves are left as they are).
Template withPrintedMarks(const Template &t);

} // namespace TranslationStamps
} // namespace coform
