#pragma once

#include "model/template.h"

#include <QMap>
#include <QString>
#include <QStringList>

namespace coform {

/// A template's parts in plain words, for what the window shows about it: counts and lists, kinds of question, text
/// formats, languages, when a question is asked, headings, plain-language hints. No jargon, no JSON names.
namespace TemplateWords {

/// "1 section", "3 sections": a count with its noun, singular or plural.
QString count(qsizetype n, const QString &one, const QString &many);

/// Names as a list in words: "Ann", "Ann and Bo", "Ann, Bo and Cy".
QString list(const QStringList &names);

/// Numbers as short runs: {1, 2, 3, 7, 9, 10} -> "1-3, 7, 9, 10" (an en dash for the runs of three or more).
QString numberRuns(QList<int> numbers);

/// What covers a requirement, in words: "questions 3-5 and 1 information text" for these item ids (coverage's
/// itemsByRequirement) with the template's question numbers (Template::questionNumbers(), 0 for an information
/// text); empty when nothing does. The details panel and the coverage panel say it the same way.
QString coveredBy(const QStringList &itemIds, const QMap<QString, int> &questionNumbers);

/// What an item is, for a person: "Pick one answer", "Yes or no", "Information to read" ...
QString itemTypeDescription(ItemType type);

/// How a text answer is checked: "NHS number (checked)", "Email address" ...; empty for no format.
QString textFormatDescription(const QString &format);

/// A language tag as a person says it: "English", "Welsh (Cymraeg)", "Easy read English".
QString languageName(const QString &tag);

/// When an item or section is asked, in words: "Always" or
/// "Only when the answer to question 5 (Do you have a personal health budget?) is Yes".
QString showIfDescription(const Template &t, const std::optional<ShowIf> &showIf);

/// The text shown for an item in the tree: "3. What kind of review is this?" or "Information: This review ...".
/// `number` is the item's question number (Template::questionNumbers()); 0 for info items.
QString itemHeading(const Item &item, int number);

/// Tips for plainer words in a text a person wrote: each jargon word with a plain alternative, and each sentence
/// over 20 words. Empty when there is nothing to suggest.
QStringList plainLanguageHints(const QString &text);

} // namespace TemplateWords
} // namespace coform
