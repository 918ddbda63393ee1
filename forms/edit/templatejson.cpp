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

QJsonObject fromItem(const Item &item)
{
    QJsonObject o{{QStringLiteral("id"), item.id}, {QStringLiteral("type"), itemTypeName(item.type)}};
    putString(o, "label", item.label);
    putString(o, "help", item.help);
    if (item.required)
        o.insert(QStringLiteral("required"), true);
    if (!item.requirements.isEmpty())
        o.insert(QStringLiteral("requirements"), fromStrings(item.requirements));
    if (!item.options.isEmpty())
        o.insert(QStringLiteral("options"), fromOptions(item.options));
    if (!item.columns.isEmpty())
        o.insert(QStringLiteral("columns"), fromColumns(item.columns));
    putString(o, "format", item.format);
    if (item.min)
        o.insert(QStringLiteral("min"), *item.min);
    if (item.max)
        o.insert(QStringLiteral("max"), *item.max);
    putString(o, "unit", item.unit);
    putString(o, "prefill", item.prefill);
    if (!item.carryForward)
        o.insert(QStringLiteral("carryForward"), false);
    if (item.showIf)
        o.insert(QStringLiteral("showIf"), fromShowIf(item.showIf));
    putString(o, "note", item.note);
    if (item.picture)
        o.insert(QStringLiteral("picture"), pictureToJson(*item.picture));
    const QJsonObject translations = fromTranslations(item.translations);
    if (!translations.isEmpty())
        o.insert(QStringLiteral("translations"), translations);
    return o;
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

QJsonObject fromSection(const Section &section)
{
    QJsonObject o{{QStringLiteral("id"), section.id}, {QStringLiteral("title"), section.title}};
    putString(o, "help", section.help);
    if (section.showIf)
        o.insert(QStringLiteral("showIf"), fromShowIf(section.showIf));
    if (section.picture)
        o.insert(QStringLiteral("picture"), pictureToJson(*section.picture));
    QJsonArray items;
    for (const Item &item : section.items)
        items.append(fromItem(item));
    o.insert(QStringLiteral("items"), items);
    const QJsonObject translations = fromTranslations(section.translations);
    if (!translations.isEmpty())
        o.insert(QStringLiteral("translations"), translations);
    return o;
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

QJsonObject fromTemplate(const Template &t)
{
    QJsonObject o{{QStringLiteral("format"), QStringLiteral("coform-template/1")},
                  {QStringLiteral("id"), t.id},
                  {QStringLiteral("version"), t.version},
                  {QStringLiteral("title"), t.title},
                  {QStringLiteral("languages"), fromStrings(t.languages)}};
    putString(o, "requirementSet", t.requirementSet);
    if (t.picturesInAllProfiles)
        o.insert(QStringLiteral("pictures"), QStringLiteral("all profiles"));
    QJsonArray sections;
    for (const Section &section : t.sections)
        sections.append(fromSection(section));
    o.insert(QStringLiteral("sections"), sections);
    const QJsonObject translations = fromTranslations(t.translations);
    if (!translations.isEmpty())
        o.insert(QStringLiteral("translations"), translations);
    return o;
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
