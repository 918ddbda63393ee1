#include "model/answerrules.h"

#include "model/nhsnumber.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace coform {

namespace {

QString isoDateProblem(const QJsonValue &value)
{
    if (!value.isString())
        return QStringLiteral("expected a date as \"YYYY-MM-DD\"");
    // Anchored to the whole text: "^...$" would also take a date with a line break after it.
    static const QRegularExpression shape(QRegularExpression::anchoredPattern(QStringLiteral("\\d{4}-\\d{2}-\\d{2}")));
    const QString text = value.toString();
    if (!shape.match(text).hasMatch() || !QDate::fromString(text, Qt::ISODate).isValid())
        return QStringLiteral("the answer is not a real date (expected YYYY-MM-DD)");
    return {};
}

QString formatProblem(const QString &format, const QString &text)
{
    if (text.trimmed().isEmpty())
        return {};
    if (format == QLatin1String("nhs-number"))
        return NhsNumber::problem(text);
    if (format == QLatin1String("email")) {
        static const QRegularExpression email(
            QRegularExpression::anchoredPattern(QStringLiteral("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")));
        if (!text.contains(QLatin1Char('@')))
            return QStringLiteral("the email address needs an @ (like name@example.org)");
        if (!email.match(text.trimmed()).hasMatch())
            return QStringLiteral("the answer is not an email address (like name@example.org)");
    } else if (format == QLatin1String("phone")) {
        static const QRegularExpression phone(QRegularExpression::anchoredPattern(QStringLiteral("\\+?[0-9 ()-]+")));
        int digits = 0;
        for (const QChar c : text)
            digits += c.isDigit() ? 1 : 0;
        if (!phone.match(text.trimmed()).hasMatch() || digits < 7 || digits > 15)
            return QStringLiteral("the answer is not a phone number (7 to 15 digits)");
    } else if (format == QLatin1String("postcode")) {
        static const QRegularExpression postcode(
            QRegularExpression::anchoredPattern(QStringLiteral("[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}")),
            QRegularExpression::CaseInsensitiveOption);
        if (!postcode.match(text.trimmed()).hasMatch())
            return QStringLiteral("the answer is not a UK postcode (like SO23 8UJ)");
    }
    return {};
}

QString expectedOptions(const Item &item)
{
    QStringList values;
    for (const Option &o : item.options)
        values.append(o.value);
    return values.join(u", ");
}

} // namespace

namespace {
/// Numbers in messages: 20,000.
const QLocale &uk()
{
    static const QLocale locale(QLocale::English, QLocale::UnitedKingdom);
    return locale;
}
} // namespace

qsizetype characterCount(QStringView text)
{
    qsizetype n = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (!text[i].isLowSurrogate())
            ++n;
    }
    return n;
}

QString textProblem(const QString &text, bool multiline)
{
    const qsizetype length = characterCount(text);
    if (length > MaxAnswerCharacters)
        return QStringLiteral("is %1 characters long: %2 over the limit of %3")
            .arg(uk().toString(length), uk().toString(length - MaxAnswerCharacters),
                 uk().toString(MaxAnswerCharacters));
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        const bool control = u < 0x20 || u == 0x7f || (u >= 0x80 && u < 0xa0);
        if (control && !(multiline && (u == u'\n' || u == u'\t')))
            return multiline ? QStringLiteral("holds a control character (only line breaks and tabs are allowed)")
                             : QStringLiteral("holds a line break or another control character: it must be one line");
    }
    return {};
}

QString answerProblem(const Item &item, const QJsonValue &value)
{
    switch (item.type) {
    case ItemType::Info:
        return QStringLiteral("\"%1\" is an info item and takes no answer").arg(item.id);
    case ItemType::Text:
        if (!value.isString())
            return QStringLiteral("expected text");
        if (const QString problem = textProblem(value.toString(), false); !problem.isEmpty())
            return QStringLiteral("the answer ") + problem;
        return formatProblem(item.format, value.toString());
    case ItemType::Textarea:
        if (!value.isString())
            return QStringLiteral("expected text");
        if (const QString problem = textProblem(value.toString(), true); !problem.isEmpty())
            return QStringLiteral("the answer ") + problem;
        return {};
    case ItemType::YesNo:
        return value.isBool() ? QString() : QStringLiteral("expected true (yes) or false (no)");
    case ItemType::Choice:
    case ItemType::Scale:
        if (!value.isString())
            return QStringLiteral("expected one of: %1").arg(expectedOptions(item));
        if (!item.option(value.toString()))
            return QStringLiteral("the answer is not one of the options (expected one of: %1)")
                .arg(expectedOptions(item));
        return {};
    case ItemType::MultiChoice: {
        if (!value.isArray())
            return QStringLiteral("expected a list of options from: %1").arg(expectedOptions(item));
        QSet<QString> seen;
        for (const QJsonValue &v : value.toArray()) {
            if (!v.isString() || !item.option(v.toString()))
                return QStringLiteral("a chosen value is not one of the options (expected some of: %1)")
                    .arg(expectedOptions(item));
            if (seen.contains(v.toString()))
                return QStringLiteral("an option is chosen twice");
            seen.insert(v.toString());
        }
        return {};
    }
    case ItemType::Date:
        return isoDateProblem(value);
    case ItemType::Number: {
        if (!value.isDouble() || !std::isfinite(value.toDouble()))
            return QStringLiteral("expected a number");
        const double d = value.toDouble();
        if (item.min && d < *item.min)
            return QStringLiteral("the answer is less than the smallest allowed, %1").arg(*item.min);
        if (item.max && d > *item.max)
            return QStringLiteral("the answer is more than the largest allowed, %1").arg(*item.max);
        return {};
    }
    case ItemType::Table: {
        if (!value.isArray())
            return QStringLiteral("expected a list of rows");
        const QJsonArray rows = value.toArray();
        for (qsizetype r = 0; r < rows.size(); ++r) {
            if (!rows.at(r).isObject())
                return QStringLiteral("row %1 is not an object of column values").arg(r + 1);
            const QJsonObject row = rows.at(r).toObject();
            for (auto it = row.begin(); it != row.end(); ++it) {
                const bool known = std::any_of(item.columns.begin(), item.columns.end(),
                                               [&](const Column &c) { return c.id == it.key(); });
                if (!known)
                    return QStringLiteral("row %1 has a column \"%2\" this table does not have")
                        .arg(r + 1)
                        .arg(it.key());
                if (!it.value().isString())
                    return QStringLiteral("row %1, column \"%2\": expected text").arg(r + 1).arg(it.key());
                if (const QString problem = textProblem(it.value().toString(), true); !problem.isEmpty())
                    return QStringLiteral("row %1, column \"%2\": the text %3").arg(r + 1).arg(it.key(), problem);
            }
        }
        return {};
    }
    case ItemType::Signature: {
        if (!value.isObject())
            return QStringLiteral("expected a signature: {\"name\", \"date\"} or a reason it was not signed");
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (it.key() != QLatin1String("name") && it.key() != QLatin1String("date")
                && it.key() != QLatin1String("declinedReason"))
                return QStringLiteral("a signature has no property \"%1\" (expected name, date, declinedReason)")
                    .arg(it.key());
            if (!it.value().isString())
                return QStringLiteral("the signature's %1 should be text").arg(it.key());
            if (const QString problem = textProblem(it.value().toString(), it.key() == QLatin1String("declinedReason"));
                !problem.isEmpty())
                return QStringLiteral("the signature's %1 %2").arg(it.key(), problem);
        }
        if (o.contains(QLatin1String("date"))) {
            const QString dateProblem = isoDateProblem(o.value(QLatin1String("date")));
            if (!dateProblem.isEmpty())
                return QStringLiteral("the signature's date: %1").arg(dateProblem);
        }
        const bool signedByName = !o.value(QLatin1String("name")).toString().trimmed().isEmpty();
        const bool declined = !o.value(QLatin1String("declinedReason")).toString().trimmed().isEmpty();
        if (!signedByName && !declined)
            return QStringLiteral("a signature needs a name, or a reason why it was not signed");
        return {};
    }
    }
    return {};
}

} // namespace coform
