#include "model/prefill.h"

#include "model/nhsnumber.h"

namespace coform::Prefill {

const QStringList &names()
{
    static const QStringList list{QLatin1String(Name), QLatin1String(NhsNumber), QLatin1String(DateOfBirth)};
    return list;
}

QString typeProblem(const QString &prefill, ItemType type)
{
    if (prefill == QLatin1String(DateOfBirth))
        return type == ItemType::Date ? QString() : QStringLiteral("a date of birth fills a date item only");
    if (names().contains(prefill))
        return type == ItemType::Text ? QString()
                                      : QStringLiteral("a %1 fills a text item only").arg(describe(prefill));
    return QStringLiteral("unknown prefill \"%1\"").arg(prefill);
}

QJsonValue recordValue(const QString &prefill, const Person &person)
{
    QString value;
    if (prefill == QLatin1String(Name))
        value = person.name.trimmed();
    else if (prefill == QLatin1String(NhsNumber))
        value = person.nhsNumber;
    else if (prefill == QLatin1String(DateOfBirth) && person.dateOfBirth.isValid())
        value = person.dateOfBirth.toString(Qt::ISODate);
    return value.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
}

QMap<QString, QJsonValue> answersFromRecord(const Template &t, const Person &person)
{
    QMap<QString, QJsonValue> answers;
    for (const Item *item : t.allItems()) {
        if (item->prefill.isEmpty() || !typeProblem(item->prefill, item->type).isEmpty())
            continue;
        const QJsonValue value = recordValue(item->prefill, person);
        if (!value.isNull())
            answers.insert(item->id, value);
    }
    return answers;
}

bool applyToRecord(const QString &prefill, const QJsonValue &answer, Person *person)
{
    const QString text = answer.toString().trimmed();
    if (text.isEmpty())
        return false;
    if (prefill == QLatin1String(Name)) {
        person->name = text;
        return true;
    }
    if (prefill == QLatin1String(NhsNumber)) {
        const auto digits = NhsNumber::normalize(text);
        if (!digits)
            return false;
        person->nhsNumber = *digits;
        return true;
    }
    if (prefill == QLatin1String(DateOfBirth)) {
        const QDate date = QDate::fromString(text, Qt::ISODate);
        if (!date.isValid())
            return false;
        person->dateOfBirth = date;
        return true;
    }
    return false;
}

QString describe(const QString &prefill)
{
    if (prefill == QLatin1String(Name))
        return QStringLiteral("name");
    if (prefill == QLatin1String(NhsNumber))
        return QStringLiteral("NHS number");
    if (prefill == QLatin1String(DateOfBirth))
        return QStringLiteral("date of birth");
    return prefill;
}

} // namespace coform::Prefill
