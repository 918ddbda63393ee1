#pragma once

#include <QJsonObject>
#include <QMap>
#include <QString>

namespace coform {

class JsonReader;

/// Reads a translation's optional `madeFrom` object ({ "label": "3f2a...", "option:low": "..." }): each key a text
/// the translation has (TranslationStamps::isValidKey), each value a stamp of the source wording it was made from.
/// Anything else is an error at its pointer. Files without it read as before.
QMap<QString, QString> readMadeFrom(JsonReader &json, const QJsonObject &translation, const QString &pointer);

} // namespace coform
