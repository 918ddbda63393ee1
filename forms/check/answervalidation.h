#pragma once

#include "model/answers.h"
#include "model/problem.h"
#include "model/template.h"

namespace coform {

/// Whether required answers must be present (completing a review) or may still be missing (a draft).
enum class RequiredAnswers { MayBeMissing, MustBePresent };

/// Checks answers against their template: every answer's item exists and is answerable, values have the JSON type of
/// the item's type, option values exist, dates are real YYYY-MM-DD dates, numbers are within min/max, texts match
/// their format (NHS number modulus 11, email, phone, postcode), table rows use the item's columns; the person's NHS
/// number and date of birth. Answers to items hidden by showIf are reported as warnings.
/// Pointers are into the answers file ("/answers/review-type").
Problems validateAnswers(const Template &t, const Answers &answers, const QString &fileName,
                         RequiredAnswers required = RequiredAnswers::MayBeMissing);

/// The most characters a free-text answer (a text, a long text, a table cell) may hold.
constexpr qsizetype MaxAnswerCharacters = 20000;
/// Characters as people count them (Unicode code points, not UTF-16 units).
qsizetype characterCount(QStringView text);
/// Why a text answer cannot be stored, in words that never repeat it, to follow "the answer " or another subject:
/// "is 20,001 characters long: 1 over the limit of 20,000", or "holds a line break ..." (a long, `multiline` answer may
/// hold line breaks and tabs; no other control character is allowed). Empty when it is fine.
QString textProblem(const QString &text, bool multiline);

/// Checks one answer value for one item; returns a message in words, or an empty string when it is fine.
QString answerProblem(const Item &item, const QJsonValue &value);

/// Whether a section or item is shown for these answers (its showIf, and its section's showIf, hold).
bool isShown(const Template &t, const Item &item, const Answers &answers);
bool isShown(const Template &t, const Section &section, const Answers &answers);

} // namespace coform
