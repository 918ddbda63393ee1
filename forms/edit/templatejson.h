#pragma once

#include "model/template.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

#include <optional>

namespace coform {

/// A lenient JSON codec for templates and their parts, in the shape of `coform-template/1`.
///
/// Edits carry values as JSON (a property's value, a whole item for an insert) and the store keeps a draft as JSON.
/// A draft may be unfinished (a choice with no options yet, a showIf that points nowhere), which the strict reader in
/// format/ rightly refuses; this codec reads any structurally sound value back exactly as it was written, so that
/// replaying the change log reproduces a draft exactly. Published versions are checked with the strict reader. Both
/// read with the one parse of edit/templateparse.h; to*() refuse a value with the first problem's words.
namespace TemplateJson {

/// The JSON value of one property of a part (its key in `coform-template/1`), as from*() write it; from*() leave out a
/// value that is the default (nothing, an empty text or list, "easy read", not required, carried forward). Undefined
/// for a key the part does not have.
QJsonValue templateValue(const Template &t, const QString &key);
QJsonValue sectionValue(const Section &section, const QString &key);
QJsonValue itemValue(const Item &item, const QString &key);

QJsonObject fromTemplate(const Template &t);
std::optional<Template> toTemplate(const QJsonObject &json, QString *error);

QJsonObject fromSection(const Section &section);
std::optional<Section> toSection(const QJsonValue &json, QString *error);

QJsonObject fromItem(const Item &item);
std::optional<Item> toItem(const QJsonValue &json, QString *error);

QJsonArray fromOptions(const QVector<Option> &options);
std::optional<QVector<Option>> toOptions(const QJsonValue &json, QString *error);

QJsonArray fromColumns(const QVector<Column> &columns);
std::optional<QVector<Column>> toColumns(const QJsonValue &json, QString *error);

/// null when there is no condition.
QJsonValue fromShowIf(const std::optional<ShowIf> &showIf);
/// Sets `ok` false (and error) when the value is neither null nor a condition.
std::optional<ShowIf> toShowIf(const QJsonValue &json, bool *ok, QString *error);

QJsonObject fromTranslation(const Translation &translation);
QJsonObject fromTranslations(const QMap<QString, Translation> &translations);

QJsonArray fromStrings(const QStringList &strings);
std::optional<QStringList> toStrings(const QJsonValue &json, QString *error);

} // namespace TemplateJson
} // namespace coform
