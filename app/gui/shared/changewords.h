#pragma once

#include "model/template.h"
#include "store/templatestore.h"

#include <QString>

namespace coform {

/// A step of the change log as a sentence people read: who did what to which question, by its number and wording
/// ("Ada changed the wording of question 5, What is your full name?"). Numbers and wordings are those of `now` (the
/// template as it is); a question that is gone is named by its wording when it was removed.
namespace ChangeWords {

QString sentence(const ChangeRecord &record, const Template &now);
/// The same without the person: "changed the wording of question 5, What is your full name?".
QString whatChanged(const Edit &edit, const Template &now);

} // namespace ChangeWords
} // namespace coform
