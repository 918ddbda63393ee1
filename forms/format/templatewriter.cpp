#include "format/templateformat.h"

#include "edit/templatejson.h"
#include "format/jsonwriter.h"

#include <QJsonArray>

#include <utility>

namespace coform {

namespace {

/// The parts of a template file whose keys are written in a stable order (docs/formats.md, "Writing"). The values
/// themselves are TemplateJson's: a file holds the same JSON as a draft, in the order people read it.
enum class Part { Value, Template, Section, Item, Option, Column, Picture, ShowIf, Translations, Translation };

QStringList keyOrder(Part part)
{
    switch (part) {
    case Part::Template:
        return {"format",         "id",       "version",      "title",   "languages",
                "requirementSet", "pictures", "translations", "sections"};
    case Part::Section:
        return {"id", "title", "help", "picture", "showIf", "translations", "items"};
    case Part::Item:
        return {"id",           "type",    "label",   "help",   "picture", "required",
                "requirements", "format",  "min",     "max",    "unit",    "prefill",
                "carryForward", "options", "columns", "showIf", "note",    "translations"};
    case Part::Option:
        return {"value", "label", "description", "picture"};
    case Part::Column:
        return {"id", "label"};
    case Part::Picture:
        return {"set", "name", "type", "data", "alt", "credit"};
    case Part::ShowIf:
        return {"item", "equals", "in"};
    case Part::Translation:
        return {
            "title",   "label", "help", "options", "optionDescriptions", "columns", "pictureAlt", "optionPictureAlts",
            "madeFrom"};
    case Part::Value:
    case Part::Translations:
        break;
    }
    return {};
}

/// The part the value under `key` of a `parent` is (the elements' part for a list).
Part childPart(Part parent, const QString &key)
{
    if (parent == Part::Translations)
        return Part::Translation;
    if (parent == Part::Translation || parent == Part::ShowIf || parent == Part::Value)
        return Part::Value;
    if (key == QLatin1String("translations"))
        return Part::Translations;
    if (key == QLatin1String("picture"))
        return Part::Picture;
    if (key == QLatin1String("showIf"))
        return Part::ShowIf;
    if (parent == Part::Template && key == QLatin1String("sections"))
        return Part::Section;
    if (parent == Part::Section && key == QLatin1String("items"))
        return Part::Item;
    if (parent == Part::Item && key == QLatin1String("options"))
        return Part::Option;
    if (parent == Part::Item && key == QLatin1String("columns"))
        return Part::Column;
    return Part::Value;
}

/// A file's item always has a label, a choice its options (even none yet) and a table its columns; a draft may still
/// hold the options or columns of a type it had before, which a file leaves out.
QJsonObject fileItem(QJsonObject o)
{
    const ItemType type = itemTypeFromName(o.value(QLatin1String("type")).toString()).value_or(ItemType::Info);
    if (!o.contains(QLatin1String("label")))
        o.insert(QStringLiteral("label"), QString());
    if (!itemTypeHasOptions(type))
        o.remove(QStringLiteral("options"));
    else if (!o.contains(QLatin1String("options")))
        o.insert(QStringLiteral("options"), QJsonArray());
    if (type != ItemType::Table)
        o.remove(QStringLiteral("columns"));
    else if (!o.contains(QLatin1String("columns")))
        o.insert(QStringLiteral("columns"), QJsonArray());
    return o;
}

void write(JsonWriter &w, const QJsonValue &value, Part part)
{
    if (part == Part::Value) {
        w.value(value);
        return;
    }
    if (value.isArray()) {
        w.beginArray();
        for (const QJsonValue &v : value.toArray())
            write(w, v, part);
        w.endArray();
        return;
    }
    const QJsonObject o = part == Part::Item ? fileItem(value.toObject()) : value.toObject();
    QStringList keys = keyOrder(part);
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!keys.contains(it.key()))
            keys.append(it.key());
    }
    w.beginObject();
    for (const QString &key : std::as_const(keys)) {
        const auto it = o.constFind(key);
        if (it == o.constEnd())
            continue;
        w.key(key);
        write(w, *it, childPart(part, key));
    }
    w.endObject();
}

} // namespace

QByteArray writeTemplate(const Template &t)
{
    JsonWriter w;
    write(w, TemplateJson::fromTemplate(t), Part::Template);
    return w.result();
}

bool writeTemplateFile(const Template &t, const QString &path, QString *error)
{
    return writeFileAtomically(path, writeTemplate(t), error);
}

} // namespace coform
