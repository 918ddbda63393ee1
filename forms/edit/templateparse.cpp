#include "edit/templateparse.h"

#include "model/picturejson.h"
#include "model/prefill.h"
#include "model/translationstamps.h"

#include <QSet>

#include <algorithm>

namespace coform {

TemplateParse::TemplateParse(JsonReader &json, Mode mode, int maxItems)
    : m_json(json)
    , m_mode(mode)
    , m_maxItems(maxItems)
{}

bool TemplateParse::readTemplate(const QJsonObject &o, Template &t)
{
    const QString p;
    checkKeys(
        o, p,
        {"format", "id", "version", "title", "languages", "requirementSet", "pictures", "sections", "translations"});
    if (strict()) {
        const std::optional<QString> format = m_json.string(o, p, "format", true);
        if (format && *format != QLatin1String("coform-template/1")) {
            m_json.error(QStringLiteral("/format"),
                         QStringLiteral("expected \"coform-template/1\", found \"%1\"").arg(*format));
            return false; // another format: the rest would only produce noise
        }
    }
    t.id = readId(o, p, "id");
    if (strict())
        t.version = m_json.integer(o, p, "version", true).value_or(1);
    else if (const QJsonValue version = o.value(QLatin1String("version")); version.isDouble())
        t.version = version.toInt();
    else
        m_json.error(QStringLiteral("/version"),
                     QStringLiteral("expected a number, found %1").arg(JsonReader::describe(version)));
    t.title = readText(o, p, "title", true);
    t.requirementSet = optionalString(o, p, "requirementSet").value_or(QString());
    if (!strict()) {
        t.picturesInAllProfiles = o.value(QLatin1String("pictures")).toString() == QLatin1String("all profiles");
    } else if (const auto pictures = m_json.string(o, p, "pictures", false)) {
        if (*pictures == QLatin1String("all profiles"))
            t.picturesInAllProfiles = true;
        else if (*pictures != QLatin1String("easy read"))
            m_json.error(QStringLiteral("/pictures"),
                         QStringLiteral("expected \"easy read\" or \"all profiles\", found \"%1\"").arg(*pictures));
    }
    readLanguages(o, p, t);
    m_languages = t.languages;
    readTranslationsOf(o, p, t.translations, {"title", "madeFrom"}, nullptr);

    const std::optional<QJsonArray> sections = m_json.array(o, p, "sections", strict());
    if (!sections)
        return true;
    if (strict() && sections->isEmpty())
        m_json.error(QStringLiteral("/sections"), QStringLiteral("expected at least one section"));
    for (qsizetype i = 0; i < sections->size(); ++i) {
        if (auto section = readSection(sections->at(i), JsonReader::child(QStringLiteral("/sections"), i)))
            t.sections.append(std::move(*section));
    }
    return true;
}

void TemplateParse::readLanguages(const QJsonObject &o, const QString &p, Template &t)
{
    const std::optional<QJsonArray> languages = optionalArray(o, p, "languages");
    if (!languages)
        return;
    QStringList tags;
    for (qsizetype i = 0; i < languages->size(); ++i) {
        const QString lp = JsonReader::child(QStringLiteral("/languages"), i);
        const QString tag = languages->at(i).toString();
        if (!languages->at(i).isString() || (strict() && !JsonReader::isValidLanguage(tag)))
            m_json.error(lp, QStringLiteral("expected a language tag such as \"en\", \"cy\" or \"en-x-easy\""));
        else if (strict() && tags.contains(tag))
            m_json.error(lp, QStringLiteral("language \"%1\" is listed twice").arg(tag));
        else
            tags.append(tag);
    }
    if (tags.isEmpty()) {
        if (strict())
            m_json.error(QStringLiteral("/languages"), QStringLiteral("expected at least one language"));
        tags.append(QStringLiteral("en"));
    }
    t.languages = tags;
}

std::optional<Section> TemplateParse::readSection(const QJsonValue &value, const QString &p)
{
    const std::optional<QJsonObject> so = m_json.asObject(value, p);
    if (!so)
        return std::nullopt;
    const QJsonObject &o = *so;
    Section s;
    checkKeys(o, p, {"id", "title", "help", "picture", "showIf", "items", "translations"});
    s.id = readId(o, p, "id");
    claimId(s.id, JsonReader::child(p, QStringLiteral("id")));
    s.title = readText(o, p, "title", true);
    s.help = readText(o, p, "help", false);
    s.picture = readPicture(o, p);
    s.showIf = readShowIfOf(o, p);
    readTranslationsOf(o, p, s.translations, {"title", "help", "pictureAlt", "madeFrom"}, nullptr);
    if (const auto items = m_json.array(o, p, "items", strict())) {
        for (qsizetype i = 0; i < items->size(); ++i) {
            const QString ip = JsonReader::child(JsonReader::child(p, QStringLiteral("items")), i);
            if (++m_itemCount > m_maxItems) {
                if (m_itemCount == m_maxItems + 1)
                    m_json.error(ip, QStringLiteral("more than %1 items").arg(m_maxItems));
                continue;
            }
            if (auto item = readItem(items->at(i), ip))
                s.items.append(std::move(*item));
        }
    }
    return s;
}

std::optional<Item> TemplateParse::readItem(const QJsonValue &value, const QString &p)
{
    const std::optional<QJsonObject> io = m_json.asObject(value, p);
    if (!io)
        return std::nullopt;
    const QJsonObject &o = *io;
    Item item;
    checkKeys(o, p,
              {"id", "type", "label", "help", "picture", "required", "requirements", "options", "columns", "format",
               "min", "max", "unit", "prefill", "carryForward", "showIf", "note", "translations"});
    item.id = readId(o, p, "id");
    claimId(item.id, JsonReader::child(p, QStringLiteral("id")));
    if (const auto typeName = m_json.string(o, p, "type", true)) {
        if (const auto type = itemTypeFromName(*typeName)) {
            item.type = *type;
        } else {
            QStringList names;
            for (ItemType t : allItemTypes())
                names.append(itemTypeName(t));
            m_json.error(JsonReader::child(p, QStringLiteral("type")),
                         QStringLiteral("unknown type \"%1\" (expected one of: %2)").arg(*typeName, names.join(u", ")));
            item.type = ItemType::Info;
        }
    }
    item.label = readText(o, p, "label", true);
    item.help = readText(o, p, "help", false);
    item.picture = readPicture(o, p);
    item.note = readText(o, p, "note", false);
    item.required = m_json.boolean(o, p, "required").value_or(false);
    item.carryForward = m_json.boolean(o, p, "carryForward").value_or(true);
    if (strict() && item.required && item.type == ItemType::Info)
        m_json.error(JsonReader::child(p, QStringLiteral("required")),
                     QStringLiteral("an info item has no answer, so it cannot be required"));
    readRequirements(o, p, item);
    readOptions(o, p, item);
    readColumns(o, p, item);
    readTypeProperties(o, p, item);
    item.showIf = readShowIfOf(o, p);
    readTranslationsOf(
        o, p, item.translations,
        {"label", "help", "options", "optionDescriptions", "columns", "pictureAlt", "optionPictureAlts", "madeFrom"},
        &item);
    return item;
}

void TemplateParse::readRequirements(const QJsonObject &o, const QString &p, Item &item)
{
    const std::optional<QJsonArray> reqs = optionalArray(o, p, "requirements");
    if (!reqs)
        return;
    for (qsizetype i = 0; i < reqs->size(); ++i) {
        const QString rp = JsonReader::child(JsonReader::child(p, QStringLiteral("requirements")), i);
        const QString id = reqs->at(i).toString();
        if (!reqs->at(i).isString() || (strict() && id.trimmed().isEmpty()))
            m_json.error(rp, QStringLiteral("expected a requirement id such as \"FR-CONSENT\""));
        else if (strict() && item.requirements.contains(id))
            m_json.error(rp, QStringLiteral("requirement \"%1\" is listed twice").arg(id));
        else
            item.requirements.append(id);
    }
}

void TemplateParse::readOptions(const QJsonObject &o, const QString &p, Item &item)
{
    const bool wants = itemTypeHasOptions(item.type);
    const std::optional<QJsonArray> options = optionalArray(o, p, "options");
    const QString op = JsonReader::child(p, QStringLiteral("options"));
    if (!options) {
        if (strict() && wants && !o.contains(QLatin1String("options")))
            m_json.error(
                p, QStringLiteral("missing property 'options' (a %1 item needs options)").arg(itemTypeName(item.type)));
        return;
    }
    if (strict() && !wants) {
        m_json.error(op, QStringLiteral("a %1 item has no options").arg(itemTypeName(item.type)));
        return;
    }
    if (strict() && options->isEmpty())
        m_json.error(op, QStringLiteral("expected at least one option"));
    QSet<QString> values;
    for (qsizetype i = 0; i < options->size(); ++i) {
        const QString vp = JsonReader::child(op, i);
        const auto oo = m_json.asObject(options->at(i), vp);
        if (!oo)
            continue;
        checkKeys(*oo, vp, {"value", "label", "description", "picture"});
        Option option;
        option.value = readId(*oo, vp, "value");
        option.label = readText(*oo, vp, "label", true);
        option.description = readText(*oo, vp, "description", false);
        option.picture = readPicture(*oo, vp);
        if (strict() && !option.value.isEmpty() && values.contains(option.value))
            m_json.error(JsonReader::child(vp, QStringLiteral("value")),
                         QStringLiteral("duplicate option value \"%1\"").arg(option.value));
        values.insert(option.value);
        item.options.append(option);
    }
}

void TemplateParse::readColumns(const QJsonObject &o, const QString &p, Item &item)
{
    const std::optional<QJsonArray> columns = optionalArray(o, p, "columns");
    const QString cp = JsonReader::child(p, QStringLiteral("columns"));
    if (!columns) {
        if (strict() && item.type == ItemType::Table && !o.contains(QLatin1String("columns")))
            m_json.error(p, QStringLiteral("missing property 'columns' (a table item needs columns)"));
        return;
    }
    if (strict() && item.type != ItemType::Table) {
        m_json.error(cp, QStringLiteral("only a table item has columns"));
        return;
    }
    if (strict() && columns->isEmpty())
        m_json.error(cp, QStringLiteral("expected at least one column"));
    QSet<QString> ids;
    for (qsizetype i = 0; i < columns->size(); ++i) {
        const QString vp = JsonReader::child(cp, i);
        const auto co = m_json.asObject(columns->at(i), vp);
        if (!co)
            continue;
        checkKeys(*co, vp, {"id", "label"});
        Column column;
        column.id = readId(*co, vp, "id");
        column.label = readText(*co, vp, "label", true);
        if (strict() && !column.id.isEmpty() && ids.contains(column.id))
            m_json.error(JsonReader::child(vp, QStringLiteral("id")),
                         QStringLiteral("duplicate column id \"%1\"").arg(column.id));
        ids.insert(column.id);
        item.columns.append(column);
    }
}

void TemplateParse::readTypeProperties(const QJsonObject &o, const QString &p, Item &item)
{
    if (const auto format = optionalString(o, p, "format")) {
        static const QStringList formats{QStringLiteral("nhs-number"), QStringLiteral("email"), QStringLiteral("phone"),
                                         QStringLiteral("postcode")};
        if (strict() && item.type != ItemType::Text)
            m_json.error(JsonReader::child(p, QStringLiteral("format")),
                         QStringLiteral("only a text item has a format"));
        else if (strict() && !formats.contains(*format))
            m_json.error(
                JsonReader::child(p, QStringLiteral("format")),
                QStringLiteral("unknown format \"%1\" (expected one of: %2)").arg(*format, formats.join(u", ")));
        else
            item.format = *format;
    }
    if (const auto prefill = optionalString(o, p, "prefill")) {
        const QString place = JsonReader::child(p, QStringLiteral("prefill"));
        if (strict() && !Prefill::names().contains(*prefill))
            m_json.error(place, QStringLiteral("unknown prefill \"%1\" (expected one of: %2)")
                                    .arg(*prefill, Prefill::names().join(u", ")));
        else if (const QString problem = strict() ? Prefill::typeProblem(*prefill, item.type) : QString();
                 !problem.isEmpty())
            m_json.error(place, problem);
        else
            item.prefill = *prefill;
    }
    if (!strict()) { // any item may carry them; a number is any JSON number
        for (auto [key, target] : {std::pair{"min", &item.min}, std::pair{"max", &item.max}}) {
            if (const QJsonValue v = o.value(QLatin1String(key)); v.isDouble())
                *target = v.toDouble();
            else if (!v.isNull() && !v.isUndefined())
                m_json.error(JsonReader::child(p, QLatin1String(key)),
                             QStringLiteral("expected a number, found %1").arg(JsonReader::describe(v)));
        }
        item.unit = optionalString(o, p, "unit").value_or(QString());
        return;
    }
    for (const char *key : {"min", "max", "unit"}) {
        if (o.contains(QLatin1String(key)) && item.type != ItemType::Number)
            m_json.error(JsonReader::child(p, QLatin1String(key)),
                         QStringLiteral("only a number item has '%1'").arg(QLatin1String(key)));
    }
    if (item.type == ItemType::Number) {
        item.min = m_json.number(o, p, "min");
        item.max = m_json.number(o, p, "max");
        item.unit = m_json.string(o, p, "unit", false).value_or(QString());
        if (item.min && item.max && *item.min > *item.max)
            m_json.error(JsonReader::child(p, QStringLiteral("max")),
                         QStringLiteral("max (%1) is less than min (%2)").arg(*item.max).arg(*item.min));
    }
}

std::optional<ShowIf> TemplateParse::readShowIfOf(const QJsonObject &o, const QString &p)
{
    if (isNullOrAbsent(o, "showIf"))
        return std::nullopt;
    const std::optional<QJsonObject> showIf = m_json.object(o, p, "showIf", false);
    if (!showIf)
        return std::nullopt;
    return readShowIf(*showIf, JsonReader::child(p, QStringLiteral("showIf")));
}

ShowIf TemplateParse::readShowIf(const QJsonObject &o, const QString &p)
{
    ShowIf showIf;
    checkKeys(o, p, {"item", "equals", "in"});
    showIf.item = m_json.string(o, p, "item", true).value_or(QString());
    const bool hasEquals = o.contains(QLatin1String("equals"));
    const bool hasIn = o.contains(QLatin1String("in"));
    if (strict() && hasEquals == hasIn) {
        m_json.error(p, QStringLiteral("expected exactly one of 'equals' and 'in'"));
    } else if (hasIn) { // lenient: "in" wins over "equals"
        showIf.kind = ShowIf::Kind::In;
        if (const auto in = m_json.array(o, p, "in", true)) {
            showIf.in = *in;
            if (strict() && in->isEmpty())
                m_json.error(JsonReader::child(p, QStringLiteral("in")), QStringLiteral("expected at least one value"));
        }
    } else {
        showIf.kind = ShowIf::Kind::Equals;
        showIf.equals = o.value(QLatin1String("equals"));
        if (strict() && (showIf.equals.isNull() || showIf.equals.isArray() || showIf.equals.isObject()))
            m_json.error(JsonReader::child(p, QStringLiteral("equals")),
                         QStringLiteral("expected a string, number or boolean"));
    }
    return showIf;
}

void TemplateParse::readTranslationsOf(const QJsonObject &o, const QString &p, QMap<QString, Translation> &out,
                                       std::initializer_list<const char *> allowed, const Item *item)
{
    if (isNullOrAbsent(o, "translations"))
        return;
    const std::optional<QJsonObject> translations = m_json.object(o, p, "translations", false);
    if (!translations)
        return;
    const QString tp = JsonReader::child(p, QStringLiteral("translations"));
    for (auto it = translations->begin(); it != translations->end(); ++it) {
        const QString lang = it.key();
        const QString lp = JsonReader::child(tp, lang);
        if (strict() && (!m_languages.contains(lang) || lang == m_languages.first())) {
            m_json.error(lp, QStringLiteral("\"%1\" is not one of the template's other languages (%2)")
                                 .arg(lang, m_languages.mid(1).join(u", ")));
            continue;
        }
        const auto to = m_json.asObject(it.value(), lp);
        if (!to)
            continue;
        checkKeys(*to, lp, allowed);
        Translation tr;
        tr.title = readText(*to, lp, "title", false);
        tr.label = readText(*to, lp, "label", false);
        tr.help = readText(*to, lp, "help", false);
        tr.options = readTextMap(*to, lp, "options", item, true);
        tr.optionDescriptions = readTextMap(*to, lp, "optionDescriptions", item, true);
        tr.columns = readTextMap(*to, lp, "columns", item, false);
        tr.pictureAlt = readText(*to, lp, "pictureAlt", false);
        tr.optionPictureAlts = readTextMap(*to, lp, "optionPictureAlts", item, true);
        tr.madeFrom = strict() ? readMadeFrom(*to, lp) : readTextMap(*to, lp, "madeFrom", nullptr, false);
        out.insert(lang, tr);
    }
}

/// `key` of a translation: { option value or column id: text }. Strict: only an item's and only its options' or
/// columns' keys.
QMap<QString, QString> TemplateParse::readTextMap(const QJsonObject &o, const QString &p, const char *key,
                                                  const Item *item, bool options)
{
    QMap<QString, QString> map;
    if (isNullOrAbsent(o, key))
        return map;
    const auto mo = m_json.object(o, p, key, false);
    if (!mo || (strict() && !item))
        return map;
    const QString mp = JsonReader::child(p, QLatin1String(key));
    for (auto it = mo->begin(); it != mo->end(); ++it) {
        const QString ep = JsonReader::child(mp, it.key());
        const bool known = !strict()
                           || (options ? item->option(it.key()) != nullptr
                                       : std::any_of(item->columns.begin(), item->columns.end(),
                                                     [&](const Column &c) { return c.id == it.key(); }));
        if (!known)
            m_json.error(ep, options ? QStringLiteral("no option with value \"%1\" in this item").arg(it.key())
                                     : QStringLiteral("no column with id \"%1\" in this item").arg(it.key()));
        else if (!it.value().isString())
            m_json.error(ep, QStringLiteral("expected a string, found %1").arg(JsonReader::describe(it.value())));
        else
            map.insert(it.key(), it.value().toString());
    }
    return map;
}

/// A translation's `madeFrom` ({ "label": "3f2a...", "option:low": "..." }): each key a text the translation has
/// (TranslationStamps::isValidKey), each value a stamp of the source wording it was made from.
QMap<QString, QString> TemplateParse::readMadeFrom(const QJsonObject &translation, const QString &p)
{
    QMap<QString, QString> stamps;
    const auto object = m_json.object(translation, p, "madeFrom", false);
    if (!object)
        return stamps;
    const QString mp = JsonReader::child(p, QStringLiteral("madeFrom"));
    for (auto it = object->begin(); it != object->end(); ++it) {
        const QString ep = JsonReader::child(mp, it.key());
        if (!TranslationStamps::isValidKey(it.key()))
            m_json.error(ep, QStringLiteral("\"%1\" is not a text a translation has (title, label, help, option:VALUE, "
                                            "optionDescription:VALUE or column:ID)")
                                 .arg(it.key()));
        else if (!it.value().isString() || !TranslationStamps::isValidStamp(it.value().toString()))
            m_json.error(ep, QStringLiteral("expected a stamp of 8 to 64 lower-case hex digits, found %1")
                                 .arg(JsonReader::describe(it.value())));
        else
            stamps.insert(it.key(), it.value().toString());
    }
    return stamps;
}

bool TemplateParse::isNullOrAbsent(const QJsonObject &o, const char *key) const
{
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isUndefined() || (!strict() && v.isNull());
}

std::optional<QString> TemplateParse::optionalString(const QJsonObject &o, const QString &p, const char *key)
{
    if (isNullOrAbsent(o, key))
        return std::nullopt;
    return m_json.string(o, p, key, false);
}

std::optional<QJsonArray> TemplateParse::optionalArray(const QJsonObject &o, const QString &p, const char *key)
{
    if (isNullOrAbsent(o, key))
        return std::nullopt;
    return m_json.array(o, p, key, false);
}

QString TemplateParse::readId(const QJsonObject &o, const QString &p, const char *key)
{
    if (!strict())
        return optionalString(o, p, key).value_or(QString());
    const std::optional<QString> id = m_json.string(o, p, key, true);
    if (!id)
        return {};
    if (!JsonReader::isValidId(*id)) {
        m_json.error(JsonReader::child(p, QLatin1String(key)),
                     QStringLiteral("\"%1\" is not a valid id (expected lower-case letters, digits and dashes, "
                                    "starting with a letter or digit)")
                         .arg(JsonReader::shown(*id)));
        return {};
    }
    return *id;
}

QString TemplateParse::readText(const QJsonObject &o, const QString &p, const char *key, bool required)
{
    if (!strict())
        return optionalString(o, p, key).value_or(QString());
    const std::optional<QString> text = m_json.string(o, p, key, required);
    if (text && required && text->trimmed().isEmpty())
        m_json.error(JsonReader::child(p, QLatin1String(key)), QStringLiteral("expected text, found nothing"));
    return text.value_or(QString());
}

std::optional<Picture> TemplateParse::readPicture(const QJsonObject &o, const QString &p)
{
    if (isNullOrAbsent(o, "picture"))
        return std::nullopt;
    const QString pp = JsonReader::child(p, QStringLiteral("picture"));
    if (!strict()) { // refused only when it is no picture at all: unknown keys or an odd alt are let pass
        QString problem;
        std::optional<Picture> picture = pictureFromValue(o.value(QLatin1String("picture")), &problem);
        if (!problem.isEmpty())
            m_json.error(pp, problem);
        return picture;
    }
    std::optional<Picture> picture = readPictureValue(m_json, o.value(QLatin1String("picture")), pp);
    if (!picture || !pictureCheck)
        return picture;
    if (const QString problem = pictureCheck(*picture); !problem.isEmpty()) {
        m_json.error(pp, problem);
        return std::nullopt;
    }
    return picture;
}

void TemplateParse::checkKeys(const QJsonObject &o, const QString &p, std::initializer_list<const char *> allowed)
{
    if (strict())
        m_json.checkKeys(o, p, allowed);
}

void TemplateParse::claimId(const QString &id, const QString &pointer)
{
    if (!strict() || id.isEmpty())
        return;
    const auto it = m_idPointers.constFind(id);
    if (it != m_idPointers.constEnd()) {
        m_json.error(pointer, QStringLiteral("duplicate id \"%1\" (already used at %2)").arg(id, *it));
        return;
    }
    m_idPointers.insert(id, pointer);
}

} // namespace coform
