#include "format/templateformat.h"

#include "format/jsonwriter.h"

#include <QJsonArray>

namespace coform {

namespace {

void writeShowIf(JsonWriter &w, const ShowIf &showIf)
{
    w.key(QStringLiteral("showIf"));
    w.beginObject();
    w.field(QStringLiteral("item"), showIf.item, false);
    if (showIf.kind == ShowIf::Kind::Equals) {
        w.key(QStringLiteral("equals"));
        w.value(showIf.equals);
    } else {
        w.key(QStringLiteral("in"));
        w.value(showIf.in);
    }
    w.endObject();
}

void writePicture(JsonWriter &w, const std::optional<Picture> &picture)
{
    if (!picture)
        return;
    w.key(QStringLiteral("picture"));
    w.beginObject();
    if (picture->isBundled()) {
        w.field(QStringLiteral("set"), picture->set, false);
        w.field(QStringLiteral("name"), picture->name, false);
    } else {
        w.field(QStringLiteral("type"), picture->mediaType, false);
        w.field(QStringLiteral("data"), QString::fromLatin1(picture->data.toBase64()), false);
    }
    w.field(QStringLiteral("alt"), picture->alt);
    w.field(QStringLiteral("credit"), picture->credit);
    w.endObject();
}

void writeTextMap(JsonWriter &w, const char *key, const QMap<QString, QString> &map)
{
    if (map.isEmpty())
        return;
    w.key(QLatin1String(key));
    w.beginObject();
    for (auto it = map.begin(); it != map.end(); ++it)
        w.field(it.key(), it.value(), false);
    w.endObject();
}

void writeTranslations(JsonWriter &w, const QMap<QString, Translation> &translations)
{
    bool any = false;
    for (const Translation &tr : translations)
        any = any || !tr.isEmpty();
    if (!any)
        return;
    w.key(QStringLiteral("translations"));
    w.beginObject();
    for (auto it = translations.begin(); it != translations.end(); ++it) {
        if (it->isEmpty())
            continue;
        w.key(it.key());
        w.beginObject();
        w.field(QStringLiteral("title"), it->title);
        w.field(QStringLiteral("label"), it->label);
        w.field(QStringLiteral("help"), it->help);
        writeTextMap(w, "options", it->options);
        writeTextMap(w, "optionDescriptions", it->optionDescriptions);
        writeTextMap(w, "columns", it->columns);
        w.field(QStringLiteral("pictureAlt"), it->pictureAlt);
        writeTextMap(w, "optionPictureAlts", it->optionPictureAlts);
        writeTextMap(w, "madeFrom", it->madeFrom);
        w.endObject();
    }
    w.endObject();
}

void writeItem(JsonWriter &w, const Item &item)
{
    w.beginObject();
    w.field(QStringLiteral("id"), item.id, false);
    w.field(QStringLiteral("type"), itemTypeName(item.type), false);
    w.field(QStringLiteral("label"), item.label, false);
    w.field(QStringLiteral("help"), item.help);
    writePicture(w, item.picture);
    if (item.required) {
        w.key(QStringLiteral("required"));
        w.value(QJsonValue(true));
    }
    if (!item.requirements.isEmpty()) {
        w.key(QStringLiteral("requirements"));
        w.value(QJsonArray::fromStringList(item.requirements));
    }
    w.field(QStringLiteral("format"), item.format);
    if (item.min) {
        w.key(QStringLiteral("min"));
        w.value(QJsonValue(*item.min));
    }
    if (item.max) {
        w.key(QStringLiteral("max"));
        w.value(QJsonValue(*item.max));
    }
    w.field(QStringLiteral("unit"), item.unit);
    w.field(QStringLiteral("prefill"), item.prefill);
    if (!item.carryForward) {
        w.key(QStringLiteral("carryForward"));
        w.value(QJsonValue(false));
    }
    if (itemTypeHasOptions(item.type)) {
        w.key(QStringLiteral("options"));
        w.beginArray();
        for (const Option &o : item.options) {
            w.beginObject();
            w.field(QStringLiteral("value"), o.value, false);
            w.field(QStringLiteral("label"), o.label, false);
            w.field(QStringLiteral("description"), o.description);
            writePicture(w, o.picture);
            w.endObject();
        }
        w.endArray();
    }
    if (item.type == ItemType::Table) {
        w.key(QStringLiteral("columns"));
        w.beginArray();
        for (const Column &c : item.columns) {
            w.beginObject();
            w.field(QStringLiteral("id"), c.id, false);
            w.field(QStringLiteral("label"), c.label, false);
            w.endObject();
        }
        w.endArray();
    }
    if (item.showIf)
        writeShowIf(w, *item.showIf);
    w.field(QStringLiteral("note"), item.note);
    writeTranslations(w, item.translations);
    w.endObject();
}

} // namespace

QByteArray writeTemplate(const Template &t)
{
    JsonWriter w;
    w.beginObject();
    w.field(QStringLiteral("format"), QLatin1String(kTemplateFormat));
    w.field(QStringLiteral("id"), t.id, false);
    w.key(QStringLiteral("version"));
    w.value(QJsonValue(t.version));
    w.field(QStringLiteral("title"), t.title, false);
    w.key(QStringLiteral("languages"));
    w.value(QJsonArray::fromStringList(t.languages));
    w.field(QStringLiteral("requirementSet"), t.requirementSet);
    if (t.picturesInAllProfiles)
        w.field(QStringLiteral("pictures"), QStringLiteral("all profiles"));
    writeTranslations(w, t.translations);
    w.key(QStringLiteral("sections"));
    w.beginArray();
    for (const Section &s : t.sections) {
        w.beginObject();
        w.field(QStringLiteral("id"), s.id, false);
        w.field(QStringLiteral("title"), s.title, false);
        w.field(QStringLiteral("help"), s.help);
        writePicture(w, s.picture);
        if (s.showIf)
            writeShowIf(w, *s.showIf);
        writeTranslations(w, s.translations);
        w.key(QStringLiteral("items"));
        w.beginArray();
        for (const Item &item : s.items)
            writeItem(w, item);
        w.endArray();
        w.endObject();
    }
    w.endArray();
    w.endObject();
    return w.result();
}

bool writeTemplateFile(const Template &t, const QString &path, QString *error)
{
    return writeFileAtomically(path, writeTemplate(t), error);
}

} // namespace coform
