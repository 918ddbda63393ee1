#include "model/nhsnumber.h"

#include <QCoreApplication>

namespace coform::NhsNumber {

std::optional<QString> normalize(const QString &input)
{
    QString digits;
    digits.reserve(10);
    for (const QChar c : input.trimmed()) {
        if (c.isDigit() && c.unicode() < 128)
            digits.append(c);
        else if (c != QLatin1Char(' ') && c != QLatin1Char('-'))
            return std::nullopt;
    }
    if (digits.size() != 10)
        return std::nullopt;
    return digits;
}

std::optional<int> checkDigit(const QString &digits)
{
    int sum = 0;
    for (int i = 0; i < 9; ++i)
        sum += digits.at(i).digitValue() * (10 - i);
    const int check = 11 - sum % 11;
    if (check == 11)
        return 0;
    if (check == 10)
        return std::nullopt;
    return check;
}

QString problem(const QString &input)
{
    const std::optional<QString> digits = normalize(input);
    if (!digits)
        return QStringLiteral("An NHS number has 10 digits (spaces or dashes between them are fine).");
    if (*digits == QLatin1String("0000000000"))
        return QStringLiteral("0000000000 is not a real NHS number.");
    const std::optional<int> check = checkDigit(*digits);
    if (!check || *check != digits->at(9).digitValue())
        return QStringLiteral("This is not a valid NHS number: please check the digits (the last digit does not "
                              "match the others).");
    return {};
}

bool isValid(const QString &input)
{
    return problem(input).isEmpty();
}

QString formatted(const QString &input)
{
    const std::optional<QString> digits = normalize(input);
    if (!digits)
        return input;
    return digits->left(3) + QLatin1Char(' ') + digits->mid(3, 3) + QLatin1Char(' ') + digits->mid(6);
}

} // namespace coform::NhsNumber
