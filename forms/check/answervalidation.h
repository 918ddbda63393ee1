#pragma once

#include "model/answerrules.h"
#include "model/answers.h"
#include "model/problem.h"
#include "model/template.h"
#include "model/visibility.h"

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

} // namespace coform
