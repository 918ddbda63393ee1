#pragma once

#include "model/person.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace coform {

class DataKey;

/// How personal values are sealed in their rows (docs/security.md). Each value's associated data names its table,
/// column and row, so a sealed value copied into another row or column no longer opens.
namespace SealedRows {

QByteArray personData(qint64 personId);                      ///< people.personal
QByteArray reviewAnswersData(qint64 reviewId);               ///< reviews.answers
QByteArray answerData(qint64 reviewId, const QString &item); ///< review_answers.value

/// A person's details (name, NHS number, date of birth, communication needs, preferred format, representative)
/// as one sealed value.
QString sealPerson(const DataKey &key, const PersonRecord &record);
std::optional<PersonRecord> openPerson(const DataKey &key, qint64 personId, const QString &sealed);
/// The keyed hash an NHS number (its 10 digits) is found by; empty for no number.
QString nhsLookup(const DataKey &key, const QString &digits);

} // namespace SealedRows

} // namespace coform
