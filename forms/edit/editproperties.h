#pragma once

#include "model/template.h"

#include <QJsonValue>

namespace coform {

/// The properties edits set, read and written as JSON values in the shape of `coform-template/1` (see Edit for the
/// names). Reading an unknown property gives an undefined value; writing a value of the wrong shape returns false and
/// says why in `error`.
namespace EditProperties {

QJsonValue templateProperty(const Template &t, const QString &property);
QJsonValue sectionProperty(const Section &s, const QString &property);
QJsonValue itemProperty(const Item &item, const QString &property);
bool setTemplateProperty(Template &t, const QString &property, const QJsonValue &value, QString *error);
bool setSectionProperty(Section &s, const QString &property, const QJsonValue &value, QString *error);
bool setItemProperty(Item &item, const QString &property, const QJsonValue &value, QString *error);

/// A translated text: title, label, help, "option:VALUE", "optionDescription:VALUE" or "column:ID".
QJsonValue translationText(const Translation &tr, const QString &property);
/// Sets a translated text; an empty text removes it.
void setTranslationText(Translation &tr, const QString &property, const QString &text);

} // namespace EditProperties
} // namespace coform
