#include "edit/templatejson.h"

#include "model/picturejson.h"

namespace coform::TemplateJson {

namespace {

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

QJsonObject fromStringMap(const QMap<QString, QString> &map)
{
    QJsonObject o;
    for (auto it = map.begin(); it != map.end(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

bool toStringMap(const QJsonValue &json, QMap<QString, QString> *out, QString *error)
{
    if (json.isUndefined() || json.isNull())
        return true;
    if (!json.isObject())
        return fail(error, QStringLiteral("expected an object of texts"));
    const QJsonObject o = json.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!it.value().isString())
            return fail(error, QStringLiteral("expected a text for '%1'").arg(it.key()));
        out->insert(it.key(), it.value().toString());
    }
    return true;
}

/// `"picture"` of `o`, absent or null for none.
bool readPicture(const QJsonObject &o, std::optional<Picture> *out, QString *error)
{
    const QJsonValue v = o.value(QLatin1String("picture"));
    QString problem;
    *out = pictureFromValue(v, &problem);
    if (!problem.isEmpty())
        return fail(error, QStringLiteral("'picture': %1").arg(problem));
    return true;
}

bool readString(const QJsonObject &o, const char *key, QString *out, QString *error)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isString())
        return fail(error, QStringLiteral("'%1' must be a text").arg(QLatin1String(key)));
    *out = v.toString();
    return true;
}

void putString(QJsonObject &o, const char *key, const QString &value)
{
    if (!value.isEmpty())
        o.insert(QLatin1String(key), value);
}

/// Whether `value` is what a part has when `key` is left out (nothing, an empty text or list, "easy read", not
/// required, carried forward), so that from*() leave it out.
bool isDefault(const QString &key, const QJsonValue &value)
{
    if (value.isString())
        return value.toString().isEmpty() || (key == QLatin1String("pictures") && value == QLatin1String("easy read"));
    if (value.isArray())
        return value.toArray().isEmpty();
    if (value.isObject())
        return value.toObject().isEmpty();
    if (value.isBool())
        return value.toBool() == (key == QLatin1String("carryForward"));
    return value.isNull() || value.isUndefined();
}

/// `o` with each of `keys` whose value (by `valueOf`) is not the default.
template<typename Part>
QJsonObject withValues(QJsonObject o, const Part &part, QJsonValue (*valueOf)(const Part &, const QString &),
                       std::initializer_list<const char *> keys)
{
    for (const char *key : keys) {
        const QString name = QLatin1String(key);
        const QJsonValue value = valueOf(part, name);
        if (!isDefault(name, value))
            o.insert(name, value);
    }
    return o;
}

} // namespace

QJsonArray fromStrings(const QStringList &strings)
{
    return QJsonArray::fromStringList(strings);
}

std::optional<QStringList> toStrings(const QJsonValue &json, QString *error)
{
    QStringList out;
    if (json.isUndefined() || json.isNull())
        return out;
    if (!json.isArray()) {
        fail(error, QStringLiteral("expected a list of texts"));
        return std::nullopt;
    }
    for (const QJsonValue &v : json.toArray()) {
        if (!v.isString()) {
            fail(error, QStringLiteral("expected a list of texts"));
            return std::nullopt;
        }
        out.append(v.toString());
    }
    return out;
}

QJsonObject fromTranslation(const Translation &tr)
{
    QJsonObject o;
    putString(o, "title", tr.title);
    putString(o, "label", tr.label);
    putString(o, "help", tr.help);
    if (!tr.options.isEmpty())
        o.insert(QStringLiteral("options"), fromStringMap(tr.options));
    if (!tr.optionDescriptions.isEmpty())
        o.insert(QStringLiteral("optionDescriptions"), fromStringMap(tr.optionDescriptions));
    if (!tr.columns.isEmpty())
        o.insert(QStringLiteral("columns"), fromStringMap(tr.columns));
    putString(o, "pictureAlt", tr.pictureAlt);
    if (!tr.optionPictureAlts.isEmpty())
        o.insert(QStringLiteral("optionPictureAlts"), fromStringMap(tr.optionPictureAlts));
    if (!tr.madeFrom.isEmpty())
        o.insert(QStringLiteral("madeFrom"), fromStringMap(tr.madeFrom));
    return o;
}

std::optional<Translation> toTranslation(const QJsonValue &json, QString *error)
{
    if (!json.isObject()) {
        fail(error, QStringLiteral("a translation must be an object"));
        return std::nullopt;
    }
    const QJsonObject o = json.toObject();
    Translation tr;
    if (!readString(o, "title", &tr.title, error) || !readString(o, "label", &tr.label, error)
        || !readString(o, "help", &tr.help, error)
        || !toStringMap(o.value(QLatin1String("options")), &tr.options, error)
        || !toStringMap(o.value(QLatin1String("optionDescriptions")), &tr.optionDescriptions, error)
        || !toStringMap(o.value(QLatin1String("columns")), &tr.columns, error)
        || !readString(o, "pictureAlt", &tr.pictureAlt, error)
        || !toStringMap(o.value(QLatin1String("optionPictureAlts")), &tr.optionPictureAlts, error)
        || !toStringMap(o.value(QLatin1String("madeFrom")), &tr.madeFrom, error))
        return std::nullopt;
    return tr;
}

QJsonObject fromTranslations(const QMap<QString, Translation> &translations)
{
    QJsonObject o;
    for (auto it = translations.begin(); it != translations.end(); ++it) {
        if (!it.value().isEmpty())
            o.insert(it.key(), fromTranslation(it.value()));
    }
    return o;
}

std::optional<QMap<QString, Translation>> toTranslations(const QJsonValue &json, QString *error)
{
    QMap<QString, Translation> out;
    if (json.isUndefined() || json.isNull())
        return out;
    if (!json.isObject()) {
        fail(error, QStringLiteral("'translations' must be an object"));
        return std::nullopt;
    }
    const QJsonObject o = json.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        const auto tr = toTranslation(it.value(), error);
        if (!tr)
            return std::nullopt;
        out.insert(it.key(), *tr);
    }
    return out;
}

QJsonArray fromOptions(const QVector<Option> &options)
{
    QJsonArray a;
    for (const Option &option : options) {
        QJsonObject o{{QStringLiteral("value"), option.value}, {QStringLiteral("label"), option.label}};
        putString(o, "description", option.description);
        if (option.picture)
            o.insert(QStringLiteral("picture"), pictureToJson(*option.picture));
        a.append(o);
    }
    return a;
}

std::optional<QVector<Option>> toOptions(const QJsonValue &json, QString *error)
{
    QVector<Option> out;
    if (json.isUndefined() || json.isNull())
        return out;
    if (!json.isArray()) {
        fail(error, QStringLiteral("'options' must be a list"));
        return std::nullopt;
    }
    for (const QJsonValue &v : json.toArray()) {
        if (!v.isObject()) {
            fail(error, QStringLiteral("an option must be an object"));
            return std::nullopt;
        }
        const QJsonObject o = v.toObject();
        Option option;
        if (!readString(o, "value", &option.value, error) || !readString(o, "label", &option.label, error)
            || !readString(o, "description", &option.description, error) || !readPicture(o, &option.picture, error))
            return std::nullopt;
        out.append(option);
    }
    return out;
}

QJsonArray fromColumns(const QVector<Column> &columns)
{
    QJsonArray a;
    for (const Column &column : columns)
        a.append(QJsonObject{{QStringLiteral("id"), column.id}, {QStringLiteral("label"), column.label}});
    return a;
}

std::optional<QVector<Column>> toColumns(const QJsonValue &json, QString *error)
{
    QVector<Column> out;
    if (json.isUndefined() || json.isNull())
        return out;
    if (!json.isArray()) {
        fail(error, QStringLiteral("'columns' must be a list"));
        return std::nullopt;
    }
    for (const QJsonValue &v : json.toArray()) {
        if (!v.isObject()) {
            fail(error, QStringLiteral("a column must be an object"));
            return std::nullopt;
        }
        Column column;
        if (!readString(v.toObject(), "id", &column.id, error)
            || !readString(v.toObject(), "label", &column.label, error))
            return std::nullopt;
        out.append(column);
    }
    return out;
}

QJsonValue fromShowIf(const std::optional<ShowIf> &showIf)
{
    if (!showIf)
        return QJsonValue::Null;
    QJsonObject o{{QStringLiteral("item"), showIf->item}};
    if (showIf->kind == ShowIf::Kind::Equals)
        o.insert(QStringLiteral("equals"), showIf->equals);
    else
        o.insert(QStringLiteral("in"), showIf->in);
    return o;
}

std::optional<ShowIf> toShowIf(const QJsonValue &json, bool *ok, QString *error)
{
    *ok = true;
    if (json.isUndefined() || json.isNull())
        return std::nullopt;
    const QJsonObject o = json.toObject();
    if (!json.isObject() || !o.value(QLatin1String("item")).isString()
        || (o.contains(QLatin1String("in")) && !o.value(QLatin1String("in")).isArray())) {
        *ok = false;
        fail(error,
             QStringLiteral("'showIf' must be {\"item\": ..., \"equals\": ...} or {\"item\": ..., \"in\": [...]}"));
        return std::nullopt;
    }
    ShowIf showIf;
    showIf.item = o.value(QLatin1String("item")).toString();
    if (o.contains(QLatin1String("in"))) {
        showIf.kind = ShowIf::Kind::In;
        showIf.in = o.value(QLatin1String("in")).toArray();
    } else {
        showIf.kind = ShowIf::Kind::Equals;
        showIf.equals = o.value(QLatin1String("equals"));
    }
    return showIf;
}

static QJsonValue optionalNumber(const std::optional<double> &n)
{
    return n ? QJsonValue(*n) : QJsonValue(QJsonValue::Null);
}

QJsonValue itemValue(const Item &item, const QString &p)
{
    if (p == QLatin1String("id"))
        return item.id;
    if (p == QLatin1String("type"))
        return itemTypeName(item.type);
    if (p == QLatin1String("label"))
        return item.label;
    if (p == QLatin1String("help"))
        return item.help;
    if (p == QLatin1String("required"))
        return item.required;
    if (p == QLatin1String("requirements"))
        return fromStrings(item.requirements);
    if (p == QLatin1String("options"))
        return fromOptions(item.options);
    if (p == QLatin1String("columns"))
        return fromColumns(item.columns);
    if (p == QLatin1String("format"))
        return item.format;
    if (p == QLatin1String("min"))
        return optionalNumber(item.min);
    if (p == QLatin1String("max"))
        return optionalNumber(item.max);
    if (p == QLatin1String("unit"))
        return item.unit;
    if (p == QLatin1String("prefill"))
        return item.prefill;
    if (p == QLatin1String("carryForward"))
        return item.carryForward;
    if (p == QLatin1String("showIf"))
        return fromShowIf(item.showIf);
    if (p == QLatin1String("note"))
        return item.note;
    if (p == QLatin1String("picture"))
        return pictureValue(item.picture);
    if (p == QLatin1String("translations"))
        return fromTranslations(item.translations);
    return QJsonValue::Undefined;
}

QJsonObject fromItem(const Item &item)
{
    return withValues(QJsonObject{{QStringLiteral("id"), item.id}, {QStringLiteral("type"), itemTypeName(item.type)}},
                      item, itemValue,
                      {"label", "help", "required", "requirements", "options", "columns", "format", "min", "max",
                       "unit", "prefill", "carryForward", "showIf", "note", "picture", "translations"});
}

static bool readNumber(const QJsonObject &o, const char *key, std::optional<double> *out, QString *error)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isDouble())
        return fail(error, QStringLiteral("'%1' must be a number").arg(QLatin1String(key)));
    *out = v.toDouble();
    return true;
}

std::optional<Item> toItem(const QJsonValue &json, QString *error)
{
    if (!json.isObject()) {
        fail(error, QStringLiteral("an item must be an object"));
        return std::nullopt;
    }
    const QJsonObject o = json.toObject();
    Item item;
    const auto type = itemTypeFromName(o.value(QLatin1String("type")).toString());
    if (!type) {
        fail(error, QStringLiteral("unknown item type '%1'").arg(o.value(QLatin1String("type")).toString()));
        return std::nullopt;
    }
    item.type = *type;
    const QJsonValue required = o.value(QLatin1String("required"));
    if (!required.isUndefined() && !required.isBool()) {
        fail(error, QStringLiteral("'required' must be true or false"));
        return std::nullopt;
    }
    item.required = required.toBool();
    const QJsonValue carry = o.value(QLatin1String("carryForward"));
    if (!carry.isUndefined() && !carry.isBool()) {
        fail(error, QStringLiteral("'carryForward' must be true or false"));
        return std::nullopt;
    }
    item.carryForward = carry.isUndefined() || carry.toBool();
    bool showIfOk = true;
    const auto requirements = toStrings(o.value(QLatin1String("requirements")), error);
    const auto options = toOptions(o.value(QLatin1String("options")), error);
    const auto columns = toColumns(o.value(QLatin1String("columns")), error);
    const auto translations = toTranslations(o.value(QLatin1String("translations")), error);
    item.showIf = toShowIf(o.value(QLatin1String("showIf")), &showIfOk, error);
    if (!readString(o, "id", &item.id, error) || !readString(o, "label", &item.label, error)
        || !readString(o, "help", &item.help, error) || !readString(o, "format", &item.format, error)
        || !readString(o, "unit", &item.unit, error) || !readString(o, "note", &item.note, error)
        || !readString(o, "prefill", &item.prefill, error) || !readNumber(o, "min", &item.min, error)
        || !readNumber(o, "max", &item.max, error) || !requirements || !options || !columns || !translations
        || !showIfOk || !readPicture(o, &item.picture, error))
        return std::nullopt;
    item.requirements = *requirements;
    item.options = *options;
    item.columns = *columns;
    item.translations = *translations;
    return item;
}

QJsonValue sectionValue(const Section &section, const QString &p)
{
    if (p == QLatin1String("id"))
        return section.id;
    if (p == QLatin1String("title"))
        return section.title;
    if (p == QLatin1String("help"))
        return section.help;
    if (p == QLatin1String("showIf"))
        return fromShowIf(section.showIf);
    if (p == QLatin1String("picture"))
        return pictureValue(section.picture);
    if (p == QLatin1String("items")) {
        QJsonArray items;
        for (const Item &item : section.items)
            items.append(fromItem(item));
        return items;
    }
    if (p == QLatin1String("translations"))
        return fromTranslations(section.translations);
    return QJsonValue::Undefined;
}

QJsonObject fromSection(const Section &section)
{
    return withValues(QJsonObject{{QStringLiteral("id"), section.id},
                                  {QStringLiteral("title"), section.title},
                                  {QStringLiteral("items"), sectionValue(section, QStringLiteral("items"))}},
                      section, sectionValue, {"help", "showIf", "picture", "translations"});
}

std::optional<Section> toSection(const QJsonValue &json, QString *error)
{
    if (!json.isObject()) {
        fail(error, QStringLiteral("a section must be an object"));
        return std::nullopt;
    }
    const QJsonObject o = json.toObject();
    Section section;
    bool showIfOk = true;
    section.showIf = toShowIf(o.value(QLatin1String("showIf")), &showIfOk, error);
    const auto translations = toTranslations(o.value(QLatin1String("translations")), error);
    if (!readString(o, "id", &section.id, error) || !readString(o, "title", &section.title, error)
        || !readString(o, "help", &section.help, error) || !showIfOk || !translations
        || !readPicture(o, &section.picture, error))
        return std::nullopt;
    section.translations = *translations;
    const QJsonValue items = o.value(QLatin1String("items"));
    if (!items.isUndefined() && !items.isArray()) {
        fail(error, QStringLiteral("'items' must be a list"));
        return std::nullopt;
    }
    for (const QJsonValue &v : items.toArray()) {
        const auto item = toItem(v, error);
        if (!item)
            return std::nullopt;
        section.items.append(*item);
    }
    return section;
}

QJsonValue templateValue(const Template &t, const QString &p)
{
    if (p == QLatin1String("format"))
        return QStringLiteral("coform-template/1");
    if (p == QLatin1String("id"))
        return t.id;
    if (p == QLatin1String("version"))
        return t.version;
    if (p == QLatin1String("title"))
        return t.title;
    if (p == QLatin1String("languages"))
        return fromStrings(t.languages);
    if (p == QLatin1String("requirementSet"))
        return t.requirementSet;
    if (p == QLatin1String("pictures"))
        return t.picturesInAllProfiles ? QStringLiteral("all profiles") : QStringLiteral("easy read");
    if (p == QLatin1String("sections")) {
        QJsonArray sections;
        for (const Section &section : t.sections)
            sections.append(fromSection(section));
        return sections;
    }
    if (p == QLatin1String("translations"))
        return fromTranslations(t.translations);
    return QJsonValue::Undefined;
}

QJsonObject fromTemplate(const Template &t)
{
    QJsonObject o;
    for (const char *key : {"format", "id", "version", "title", "languages", "sections"})
        o.insert(QLatin1String(key), templateValue(t, QLatin1String(key)));
    return withValues(o, t, templateValue, {"requirementSet", "pictures", "translations"});
}

std::optional<Template> toTemplate(const QJsonObject &o, QString *error)
{
    Template t;
    const QJsonValue version = o.value(QLatin1String("version"));
    if (!version.isDouble()) {
        fail(error, QStringLiteral("'version' must be a number"));
        return std::nullopt;
    }
    t.version = version.toInt();
    const auto languages = toStrings(o.value(QLatin1String("languages")), error);
    const auto translations = toTranslations(o.value(QLatin1String("translations")), error);
    if (!readString(o, "id", &t.id, error) || !readString(o, "title", &t.title, error)
        || !readString(o, "requirementSet", &t.requirementSet, error) || !languages || !translations)
        return std::nullopt;
    if (!languages->isEmpty())
        t.languages = *languages;
    t.translations = *translations;
    t.picturesInAllProfiles = o.value(QLatin1String("pictures")).toString() == QLatin1String("all profiles");
    const QJsonValue sections = o.value(QLatin1String("sections"));
    if (!sections.isUndefined() && !sections.isArray()) {
        fail(error, QStringLiteral("'sections' must be a list"));
        return std::nullopt;
    }
    for (const QJsonValue &v : sections.toArray()) {
        const auto section = toSection(v, error);
        if (!section)
            return std::nullopt;
        t.sections.append(*section);
    }
    return t;
}

} // namespace coform::TemplateJson
