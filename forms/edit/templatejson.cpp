#include "edit/templatejson.h"

#include "edit/templateparse.h"
#include "model/picturejson.h"

namespace coform::TemplateJson {

namespace {

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

/// Reads a value with the one template parse, leniently (edit/templateparse.h): what `read` returns, or nothing with
/// the first problem's words in `error` ("/options/0/label: expected a string, found a number").
template<typename Read>
auto readLeniently(QString *error, Read read) -> std::optional<decltype(read(std::declval<TemplateParse &>()))>
{
    Problems problems;
    JsonReader json(QString(), &problems);
    TemplateParse parse(json, TemplateParse::Mode::Lenient);
    auto value = read(parse);
    if (json.errorCount() == 0)
        return value;
    const Problem &first = problems.first();
    fail(error, first.pointer.isEmpty() ? first.message : QStringLiteral("%1: %2").arg(first.pointer, first.message));
    return std::nullopt;
}

QJsonObject fromStringMap(const QMap<QString, QString> &map)
{
    QJsonObject o;
    for (auto it = map.begin(); it != map.end(); ++it)
        o.insert(it.key(), it.value());
    return o;
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

QJsonObject fromTranslations(const QMap<QString, Translation> &translations)
{
    QJsonObject o;
    for (auto it = translations.begin(); it != translations.end(); ++it) {
        if (!it.value().isEmpty())
            o.insert(it.key(), fromTranslation(it.value()));
    }
    return o;
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

QJsonArray fromColumns(const QVector<Column> &columns)
{
    QJsonArray a;
    for (const Column &column : columns)
        a.append(QJsonObject{{QStringLiteral("id"), column.id}, {QStringLiteral("label"), column.label}});
    return a;
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

std::optional<Template> toTemplate(const QJsonObject &json, QString *error)
{
    return readLeniently(error, [&](TemplateParse &parse) {
        Template t;
        parse.readTemplate(json, t);
        return t;
    });
}

std::optional<Section> toSection(const QJsonValue &json, QString *error)
{
    return readLeniently(error,
                         [&](TemplateParse &parse) { return parse.readSection(json, QString()).value_or(Section()); });
}

std::optional<Item> toItem(const QJsonValue &json, QString *error)
{
    return readLeniently(error, [&](TemplateParse &parse) { return parse.readItem(json, QString()).value_or(Item()); });
}

std::optional<QVector<Option>> toOptions(const QJsonValue &json, QString *error)
{
    return readLeniently(error, [&](TemplateParse &parse) {
        Item item;
        parse.readOptions(QJsonObject{{QStringLiteral("options"), json}}, QString(), item);
        return item.options;
    });
}

std::optional<QVector<Column>> toColumns(const QJsonValue &json, QString *error)
{
    return readLeniently(error, [&](TemplateParse &parse) {
        Item item;
        parse.readColumns(QJsonObject{{QStringLiteral("columns"), json}}, QString(), item);
        return item.columns;
    });
}

std::optional<ShowIf> toShowIf(const QJsonValue &json, bool *ok, QString *error)
{
    const auto showIf = readLeniently(error, [&](TemplateParse &parse) {
        return parse.readShowIfOf(QJsonObject{{QStringLiteral("showIf"), json}}, QString());
    });
    *ok = showIf.has_value();
    return showIf.value_or(std::nullopt);
}

} // namespace coform::TemplateJson
