#pragma once

#include <QDate>
#include <QJsonValue>
#include <QMap>
#include <QString>

namespace coform {

/// The person a review is about, as carried in an answers file.
struct Person
{
    QString name;
    QString nhsNumber; ///< 10 digits, no spaces
    QDate dateOfBirth;
    bool operator==(const Person &) const = default;
};

/// The answers of one filled review (`coform-answers/1`): item id -> JSON value of the answer
/// (DESIGN.md's table: string, boolean, array of option values, {name,date,declinedReason}, ...).
struct Answers
{
    QString templateId;
    int version = 1;
    Person person;
    QMap<QString, QJsonValue> values;

    bool has(const QString &itemId) const { return values.contains(itemId); }
    QJsonValue value(const QString &itemId) const { return values.value(itemId); }
    bool operator==(const Answers &) const = default;
};

} // namespace coform
