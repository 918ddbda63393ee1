#pragma once

#include <QString>

#include <optional>

namespace coform {

/// NHS numbers (NHS Data Dictionary): 10 digits whose last is a modulus 11 check digit.
namespace NhsNumber {

/// Digits only, from input that may hold spaces or dashes ("943 476 5919", "943-476-5919");
/// std::nullopt when anything else is there or there are not 10 digits.
std::optional<QString> normalize(const QString &input);

/// Whether the input (spaces and dashes allowed) is a valid NHS number. "0000000000" is never valid.
bool isValid(const QString &input);

/// The modulus 11 check digit of the first nine digits of `digits` (at least nine digits); std::nullopt when it would
/// be 10 (such numbers are never issued).
std::optional<int> checkDigit(const QString &digits);

/// Why the input is not valid, in words a person understands; empty when it is valid.
QString problem(const QString &input);

/// "943 476 5919" from "9434765919" (3-3-4); the input unchanged when it is not 10 digits.
QString formatted(const QString &input);

} // namespace NhsNumber
} // namespace coform
