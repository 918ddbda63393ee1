#pragma once

#include "model/answers.h"
#include "model/template.h"

#include <QJsonValue>
#include <QMap>
#include <QStringList>

namespace coform {

/// Questions marked `"prefill"` in a template are filled from the person's record when a review starts: the name,
/// the NHS number (its 10 digits) or the date of birth ("YYYY-MM-DD").
namespace Prefill {

inline constexpr const char *Name = "person.name";
inline constexpr const char *NhsNumber = "person.nhsNumber";
inline constexpr const char *DateOfBirth = "person.dateOfBirth";

/// Every accepted value of `prefill`, in the order the editor offers them.
const QStringList &names();
/// Why an item of this type cannot be filled from this part of the record ("a date of birth fills a date item");
/// empty when it can.
QString typeProblem(const QString &prefill, ItemType type);
/// What the record says for this prefill: a string value, or null when the record does not hold it.
QJsonValue recordValue(const QString &prefill, const Person &person);
/// The answers of every marked question the record can fill (item id -> value).
QMap<QString, QJsonValue> answersFromRecord(const Template &t, const Person &person);
/// The record with one part changed to an answer ("update the record"); false when the answer does not fit it.
bool applyToRecord(const QString &prefill, const QJsonValue &answer, Person *person);
/// "name", "NHS number", "date of birth": for sentences.
QString describe(const QString &prefill);

} // namespace Prefill

} // namespace coform
