#include "format/translationstampformat.h"

#include "model/jsonreader.h"
#include "model/translationstamps.h"

namespace coform {

QMap<QString, QString> readMadeFrom(JsonReader &json, const QJsonObject &translation, const QString &pointer)
{
    QMap<QString, QString> stamps;
    const auto object = json.object(translation, pointer, "madeFrom", false);
    if (!object)
        return stamps;
    const QString mp = JsonReader::child(pointer, QStringLiteral("madeFrom"));
    for (auto it = object->begin(); it != object->end(); ++it) {
        const QString ep = JsonReader::child(mp, it.key());
        if (!TranslationStamps::isValidKey(it.key()))
            json.error(ep, QStringLiteral("\"%1\" is not a text a translation has (title, label, help, option:VALUE, "
                                          "optionDescription:VALUE or column:ID)")
                               .arg(it.key()));
        else if (!it.value().isString() || !TranslationStamps::isValidStamp(it.value().toString()))
            json.error(ep, QStringLiteral("expected a stamp of 8 to 64 lower-case hex digits, found %1")
                               .arg(JsonReader::describe(it.value())));
        else
            stamps.insert(it.key(), it.value().toString());
    }
    return stamps;
}

} // namespace coform
