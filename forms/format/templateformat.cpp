#include "format/templateformat.h"

#include "format/pictureformat.h"
#include "format/translationstampformat.h"

#include "model/jsonreader.h"
#include "model/prefill.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSaveFile>
#include <QSet>

namespace coform {

namespace {

/// Reads one template: the structure first, then the references between its parts (showIf, translations).
class TemplateReader
{
public:
    TemplateReader(const QString &fileName, Problems *problems, const ReadLimits &limits)
        : m_json(fileName, problems)
        , m_limits(limits)
    {}

    std::optional<Template> read(const QByteArray &bytes)
    {
        const std::optional<QJsonObject> root = m_json.parseObject(bytes, m_limits.maxBytes, m_limits.maxDepth);
        if (!root)
            return std::nullopt;
        Template t;
        readTop(*root, t);
        if (m_json.errorCount() > 0)
            return std::nullopt;
        return t;
    }

private:
    void readTop(const QJsonObject &o, Template &t)
    {
        const QString p;
        m_json.checkKeys(o, p,
                         {"format", "id", "version", "title", "languages", "requirementSet", "pictures", "sections",
                          "translations"});
        const std::optional<QString> format = m_json.string(o, p, "format", true);
        if (format && *format != QLatin1String(kTemplateFormat)) {
            m_json.error(QStringLiteral("/format"),
                         QStringLiteral("expected \"%1\", found \"%2\"").arg(QLatin1String(kTemplateFormat), *format));
            return; // another format: the rest would only produce noise
        }
        t.id = readId(o, p, "id");
        t.version = m_json.integer(o, p, "version", true).value_or(1);
        t.title = readText(o, p, "title", true);
        t.requirementSet = m_json.string(o, p, "requirementSet", false).value_or(QString());
        if (const auto pictures = m_json.string(o, p, "pictures", false)) {
            if (*pictures == QLatin1String("all profiles"))
                t.picturesInAllProfiles = true;
            else if (*pictures != QLatin1String("easy read"))
                m_json.error(QStringLiteral("/pictures"),
                             QStringLiteral("expected \"easy read\" or \"all profiles\", found \"%1\"").arg(*pictures));
        }
        if (const auto languages = m_json.array(o, p, "languages", false)) {
            t.languages.clear();
            for (qsizetype i = 0; i < languages->size(); ++i) {
                const QString lp = JsonReader::child(QStringLiteral("/languages"), i);
                const QString tag = languages->at(i).toString();
                if (!languages->at(i).isString() || !JsonReader::isValidLanguage(tag))
                    m_json.error(lp, QStringLiteral("expected a language tag such as \"en\", \"cy\" or "
                                                    "\"en-x-easy\""));
                else if (t.languages.contains(tag))
                    m_json.error(lp, QStringLiteral("language \"%1\" is listed twice").arg(tag));
                else
                    t.languages.append(tag);
            }
            if (t.languages.isEmpty()) {
                m_json.error(QStringLiteral("/languages"), QStringLiteral("expected at least one language"));
                t.languages.append(QStringLiteral("en"));
            }
        }
        m_languages = t.languages;
        if (const auto tr = m_json.object(o, p, "translations", false))
            readTranslations(*tr, QStringLiteral("/translations"), t.translations, {"title", "madeFrom"}, nullptr);

        const std::optional<QJsonArray> sections = m_json.array(o, p, "sections", true);
        if (!sections)
            return;
        if (sections->isEmpty())
            m_json.error(QStringLiteral("/sections"), QStringLiteral("expected at least one section"));
        for (qsizetype i = 0; i < sections->size(); ++i) {
            const QString sp = JsonReader::child(QStringLiteral("/sections"), i);
            if (const auto so = m_json.asObject(sections->at(i), sp))
                t.sections.append(readSection(*so, sp));
        }
        checkShowIfs(t);
        if (const QString problem = templatePicturesProblem(t); !problem.isEmpty())
            m_json.error(QStringLiteral("/sections"), problem);
    }

    Section readSection(const QJsonObject &o, const QString &p)
    {
        Section s;
        m_json.checkKeys(o, p, {"id", "title", "help", "picture", "showIf", "items", "translations"});
        s.id = readId(o, p, "id");
        claimId(s.id, JsonReader::child(p, QStringLiteral("id")));
        s.title = readText(o, p, "title", true);
        s.help = readText(o, p, "help", false);
        s.picture = readPicture(m_json, o, p);
        if (const auto showIf = m_json.object(o, p, "showIf", false))
            s.showIf = readShowIf(*showIf, JsonReader::child(p, QStringLiteral("showIf")));
        if (const auto tr = m_json.object(o, p, "translations", false))
            readTranslations(*tr, JsonReader::child(p, QStringLiteral("translations")), s.translations,
                             {"title", "help", "pictureAlt", "madeFrom"}, nullptr);
        if (const auto items = m_json.array(o, p, "items", true)) {
            for (qsizetype i = 0; i < items->size(); ++i) {
                const QString ip = JsonReader::child(JsonReader::child(p, QStringLiteral("items")), i);
                if (++m_itemCount > m_limits.maxItems) {
                    if (m_itemCount == m_limits.maxItems + 1)
                        m_json.error(ip, QStringLiteral("more than %1 items").arg(m_limits.maxItems));
                    continue;
                }
                if (const auto io = m_json.asObject(items->at(i), ip))
                    s.items.append(readItem(*io, ip));
            }
        }
        return s;
    }

    Item readItem(const QJsonObject &o, const QString &p)
    {
        Item item;
        m_json.checkKeys(o, p,
                         {"id", "type", "label", "help", "picture", "required", "requirements", "options", "columns",
                          "format", "min", "max", "unit", "prefill", "carryForward", "showIf", "note", "translations"});
        item.id = readId(o, p, "id");
        claimId(item.id, JsonReader::child(p, QStringLiteral("id")));
        if (const auto typeName = m_json.string(o, p, "type", true)) {
            if (const auto type = itemTypeFromName(*typeName)) {
                item.type = *type;
            } else {
                QStringList names;
                for (ItemType t : allItemTypes())
                    names.append(itemTypeName(t));
                m_json.error(
                    JsonReader::child(p, QStringLiteral("type")),
                    QStringLiteral("unknown type \"%1\" (expected one of: %2)").arg(*typeName, names.join(u", ")));
                item.type = ItemType::Info;
            }
        }
        item.label = readText(o, p, "label", true);
        item.help = readText(o, p, "help", false);
        item.picture = readPicture(m_json, o, p);
        item.note = m_json.string(o, p, "note", false).value_or(QString());
        item.required = m_json.boolean(o, p, "required").value_or(false);
        item.carryForward = m_json.boolean(o, p, "carryForward").value_or(true);
        if (item.required && item.type == ItemType::Info)
            m_json.error(JsonReader::child(p, QStringLiteral("required")),
                         QStringLiteral("an info item has no answer, so it cannot be required"));
        if (const auto reqs = m_json.array(o, p, "requirements", false)) {
            for (qsizetype i = 0; i < reqs->size(); ++i) {
                const QString rp = JsonReader::child(JsonReader::child(p, QStringLiteral("requirements")), i);
                if (!reqs->at(i).isString() || reqs->at(i).toString().trimmed().isEmpty())
                    m_json.error(rp, QStringLiteral("expected a requirement id such as \"FR-CONSENT\""));
                else if (item.requirements.contains(reqs->at(i).toString()))
                    m_json.error(rp, QStringLiteral("requirement \"%1\" is listed twice").arg(reqs->at(i).toString()));
                else
                    item.requirements.append(reqs->at(i).toString());
            }
        }
        readOptions(o, p, item);
        readColumns(o, p, item);
        readTypeProperties(o, p, item);
        if (const auto showIf = m_json.object(o, p, "showIf", false))
            item.showIf = readShowIf(*showIf, JsonReader::child(p, QStringLiteral("showIf")));
        if (const auto tr = m_json.object(o, p, "translations", false))
            readTranslations(*tr, JsonReader::child(p, QStringLiteral("translations")), item.translations,
                             {"label", "help", "options", "optionDescriptions", "columns", "pictureAlt",
                              "optionPictureAlts", "madeFrom"},
                             &item);
        return item;
    }

    void readOptions(const QJsonObject &o, const QString &p, Item &item)
    {
        const bool wants = itemTypeHasOptions(item.type);
        const std::optional<QJsonArray> options = m_json.array(o, p, "options", false);
        const QString op = JsonReader::child(p, QStringLiteral("options"));
        if (!options) {
            if (wants && !o.contains(QLatin1String("options")))
                m_json.error(p, QStringLiteral("missing property 'options' (a %1 item needs options)")
                                    .arg(itemTypeName(item.type)));
            return;
        }
        if (!wants) {
            m_json.error(op, QStringLiteral("a %1 item has no options").arg(itemTypeName(item.type)));
            return;
        }
        if (options->isEmpty())
            m_json.error(op, QStringLiteral("expected at least one option"));
        QSet<QString> values;
        for (qsizetype i = 0; i < options->size(); ++i) {
            const QString vp = JsonReader::child(op, i);
            const auto oo = m_json.asObject(options->at(i), vp);
            if (!oo)
                continue;
            m_json.checkKeys(*oo, vp, {"value", "label", "description", "picture"});
            Option option;
            option.value = readId(*oo, vp, "value");
            option.label = readText(*oo, vp, "label", true);
            option.description = readText(*oo, vp, "description", false);
            option.picture = readPicture(m_json, *oo, vp);
            if (!option.value.isEmpty() && values.contains(option.value))
                m_json.error(JsonReader::child(vp, QStringLiteral("value")),
                             QStringLiteral("duplicate option value \"%1\"").arg(option.value));
            values.insert(option.value);
            item.options.append(option);
        }
    }

    void readColumns(const QJsonObject &o, const QString &p, Item &item)
    {
        const std::optional<QJsonArray> columns = m_json.array(o, p, "columns", false);
        const QString cp = JsonReader::child(p, QStringLiteral("columns"));
        if (!columns) {
            if (item.type == ItemType::Table && !o.contains(QLatin1String("columns")))
                m_json.error(p, QStringLiteral("missing property 'columns' (a table item needs columns)"));
            return;
        }
        if (item.type != ItemType::Table) {
            m_json.error(cp, QStringLiteral("only a table item has columns"));
            return;
        }
        if (columns->isEmpty())
            m_json.error(cp, QStringLiteral("expected at least one column"));
        QSet<QString> ids;
        for (qsizetype i = 0; i < columns->size(); ++i) {
            const QString vp = JsonReader::child(cp, i);
            const auto co = m_json.asObject(columns->at(i), vp);
            if (!co)
                continue;
            m_json.checkKeys(*co, vp, {"id", "label"});
            Column column;
            column.id = readId(*co, vp, "id");
            column.label = readText(*co, vp, "label", true);
            if (!column.id.isEmpty() && ids.contains(column.id))
                m_json.error(JsonReader::child(vp, QStringLiteral("id")),
                             QStringLiteral("duplicate column id \"%1\"").arg(column.id));
            ids.insert(column.id);
            item.columns.append(column);
        }
    }

    void readTypeProperties(const QJsonObject &o, const QString &p, Item &item)
    {
        if (const auto format = m_json.string(o, p, "format", false)) {
            static const QStringList formats{QStringLiteral("nhs-number"), QStringLiteral("email"),
                                             QStringLiteral("phone"), QStringLiteral("postcode")};
            if (item.type != ItemType::Text)
                m_json.error(JsonReader::child(p, QStringLiteral("format")),
                             QStringLiteral("only a text item has a format"));
            else if (!formats.contains(*format))
                m_json.error(
                    JsonReader::child(p, QStringLiteral("format")),
                    QStringLiteral("unknown format \"%1\" (expected one of: %2)").arg(*format, formats.join(u", ")));
            else
                item.format = *format;
        }
        if (const auto prefill = m_json.string(o, p, "prefill", false)) {
            const QString place = JsonReader::child(p, QStringLiteral("prefill"));
            if (!Prefill::names().contains(*prefill))
                m_json.error(place, QStringLiteral("unknown prefill \"%1\" (expected one of: %2)")
                                        .arg(*prefill, Prefill::names().join(u", ")));
            else if (const QString problem = Prefill::typeProblem(*prefill, item.type); !problem.isEmpty())
                m_json.error(place, problem);
            else
                item.prefill = *prefill;
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

    ShowIf readShowIf(const QJsonObject &o, const QString &p)
    {
        ShowIf showIf;
        m_json.checkKeys(o, p, {"item", "equals", "in"});
        showIf.item = m_json.string(o, p, "item", true).value_or(QString());
        const bool hasEquals = o.contains(QLatin1String("equals"));
        const bool hasIn = o.contains(QLatin1String("in"));
        if (hasEquals == hasIn) {
            m_json.error(p, QStringLiteral("expected exactly one of 'equals' and 'in'"));
        } else if (hasEquals) {
            showIf.kind = ShowIf::Kind::Equals;
            showIf.equals = o.value(QLatin1String("equals"));
            if (showIf.equals.isNull() || showIf.equals.isArray() || showIf.equals.isObject())
                m_json.error(JsonReader::child(p, QStringLiteral("equals")),
                             QStringLiteral("expected a string, number or boolean"));
        } else {
            showIf.kind = ShowIf::Kind::In;
            if (const auto in = m_json.array(o, p, "in", true)) {
                showIf.in = *in;
                if (in->isEmpty())
                    m_json.error(JsonReader::child(p, QStringLiteral("in")),
                                 QStringLiteral("expected at least one value"));
            }
        }
        return showIf;
    }

    /// Reads `translations`: { lang: { key: text or {value: text} } }.
    void readTranslations(const QJsonObject &o, const QString &p, QMap<QString, Translation> &out,
                          std::initializer_list<const char *> allowed, const Item *item)
    {
        for (auto it = o.begin(); it != o.end(); ++it) {
            const QString lang = it.key();
            const QString lp = JsonReader::child(p, lang);
            if (!m_languages.contains(lang) || lang == m_languages.first()) {
                m_json.error(lp, QStringLiteral("\"%1\" is not one of the template's other languages (%2)")
                                     .arg(lang, m_languages.mid(1).join(u", ")));
                continue;
            }
            const auto to = m_json.asObject(it.value(), lp);
            if (!to)
                continue;
            m_json.checkKeys(*to, lp, allowed);
            Translation tr;
            tr.title = readText(*to, lp, "title", false);
            tr.label = readText(*to, lp, "label", false);
            tr.help = readText(*to, lp, "help", false);
            tr.options = readTextMap(*to, lp, "options", item, true);
            tr.optionDescriptions = readTextMap(*to, lp, "optionDescriptions", item, true);
            tr.columns = readTextMap(*to, lp, "columns", item, false);
            tr.pictureAlt = readText(*to, lp, "pictureAlt", false);
            tr.optionPictureAlts = readTextMap(*to, lp, "optionPictureAlts", item, true);
            tr.madeFrom = readMadeFrom(m_json, *to, lp);
            out.insert(lang, tr);
        }
    }

    QMap<QString, QString> readTextMap(const QJsonObject &o, const QString &p, const char *key, const Item *item,
                                       bool options)
    {
        QMap<QString, QString> map;
        const auto mo = m_json.object(o, p, key, false);
        if (!mo || !item)
            return map;
        const QString mp = JsonReader::child(p, QLatin1String(key));
        for (auto it = mo->begin(); it != mo->end(); ++it) {
            const QString ep = JsonReader::child(mp, it.key());
            const bool known = options ? item->option(it.key()) != nullptr
                                       : std::any_of(item->columns.begin(), item->columns.end(),
                                                     [&](const Column &c) { return c.id == it.key(); });
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

    QString readId(const QJsonObject &o, const QString &p, const char *key)
    {
        const std::optional<QString> id = m_json.string(o, p, key, true);
        if (!id)
            return {};
        if (!JsonReader::isValidId(*id)) {
            m_json.error(JsonReader::child(p, QLatin1String(key)),
                         QStringLiteral("\"%1\" is not a valid id (expected lower-case letters, digits and dashes, "
                                        "starting with a letter or digit)")
                             .arg(*id));
            return {};
        }
        return *id;
    }

    QString readText(const QJsonObject &o, const QString &p, const char *key, bool required)
    {
        const std::optional<QString> text = m_json.string(o, p, key, required);
        if (text && required && text->trimmed().isEmpty())
            m_json.error(JsonReader::child(p, QLatin1String(key)), QStringLiteral("expected text, found nothing"));
        return text.value_or(QString());
    }

    void claimId(const QString &id, const QString &pointer)
    {
        if (id.isEmpty())
            return;
        const auto it = m_idPointers.constFind(id);
        if (it != m_idPointers.constEnd()) {
            m_json.error(pointer, QStringLiteral("duplicate id \"%1\" (already used at %2)").arg(id, *it));
            return;
        }
        m_idPointers.insert(id, pointer);
    }

    /// A showIf must point to an answerable item that comes before the section or item it controls, and compare
    /// it with values that item can have.
    void checkShowIfs(const Template &t)
    {
        QHash<QString, const Item *> earlier;
        for (qsizetype si = 0; si < t.sections.size(); ++si) {
            const Section &s = t.sections.at(si);
            const QString sp = JsonReader::child(QStringLiteral("/sections"), si);
            if (s.showIf)
                checkShowIf(*s.showIf, JsonReader::child(sp, QStringLiteral("showIf")), earlier, t);
            for (qsizetype ii = 0; ii < s.items.size(); ++ii) {
                const Item &item = s.items.at(ii);
                const QString ip = JsonReader::child(JsonReader::child(sp, QStringLiteral("items")), ii);
                if (item.showIf)
                    checkShowIf(*item.showIf, JsonReader::child(ip, QStringLiteral("showIf")), earlier, t);
                if (!item.id.isEmpty())
                    earlier.insert(item.id, &item);
            }
        }
    }

    void checkShowIf(const ShowIf &showIf, const QString &p, const QHash<QString, const Item *> &earlier,
                     const Template &t)
    {
        if (showIf.item.isEmpty())
            return;
        const QString ip = JsonReader::child(p, QStringLiteral("item"));
        const Item *target = earlier.value(showIf.item);
        if (!target) {
            if (t.findItem(showIf.item))
                m_json.error(ip, QStringLiteral("\"%1\" comes later in the form; a question can only depend on an "
                                                "earlier one")
                                     .arg(showIf.item));
            else
                m_json.error(ip, QStringLiteral("no item with id \"%1\"").arg(showIf.item));
            return;
        }
        if (!itemTypeIsAnswerable(target->type)) {
            m_json.error(ip, QStringLiteral("\"%1\" is an info item and has no answer").arg(showIf.item));
            return;
        }
        auto checkValue = [&](const QJsonValue &v, const QString &vp) {
            if (itemTypeHasOptions(target->type)) {
                if (!v.isString() || !target->option(v.toString()))
                    m_json.error(vp, QStringLiteral("%1 is not an option value of \"%2\"")
                                         .arg(v.isString() ? QStringLiteral("\"%1\"").arg(v.toString())
                                                           : JsonReader::describe(v),
                                              showIf.item));
            } else if (target->type == ItemType::YesNo) {
                if (!v.isBool())
                    m_json.error(
                        vp, QStringLiteral("\"%1\" is a yes/no question: expected true or false").arg(showIf.item));
            } else if (target->type == ItemType::Number) {
                if (!v.isDouble())
                    m_json.error(vp, QStringLiteral("\"%1\" is a number question: expected a number").arg(showIf.item));
            } else if (target->type == ItemType::Table || target->type == ItemType::Signature) {
                m_json.error(ip,
                             QStringLiteral("a question cannot depend on a %1 item").arg(itemTypeName(target->type)));
            } else if (!v.isString()) {
                m_json.error(vp, QStringLiteral("expected a string, found %1").arg(JsonReader::describe(v)));
            }
        };
        if (showIf.kind == ShowIf::Kind::Equals) {
            checkValue(showIf.equals, JsonReader::child(p, QStringLiteral("equals")));
        } else {
            for (qsizetype i = 0; i < showIf.in.size(); ++i)
                checkValue(showIf.in.at(i), JsonReader::child(JsonReader::child(p, QStringLiteral("in")), i));
        }
    }

    JsonReader m_json;
    ReadLimits m_limits;
    QStringList m_languages{QStringLiteral("en")};
    QHash<QString, QString> m_idPointers;
    int m_itemCount = 0;
};

} // namespace

std::optional<QByteArray> readFileBytes(const QString &path, const ReadLimits &limits, Problems *problems)
{
    QFile file(path);
    const QString name = path;
    if (!file.open(QIODevice::ReadOnly)) {
        if (problems)
            problems->append({Problem::Severity::Error, name, QString(),
                              QStringLiteral("cannot open the file: %1").arg(file.errorString())});
        return std::nullopt;
    }
    if (file.size() > limits.maxBytes) {
        if (problems)
            problems->append({Problem::Severity::Error, name, QString(),
                              QStringLiteral("the file is %1 bytes; files over %2 bytes are not read")
                                  .arg(file.size())
                                  .arg(limits.maxBytes)});
        return std::nullopt;
    }
    return file.read(limits.maxBytes + 1);
}

std::optional<Template> readTemplate(const QByteArray &json, const QString &fileName, Problems *problems,
                                     const ReadLimits &limits)
{
    return TemplateReader(fileName, problems, limits).read(json);
}

std::optional<Template> readTemplateFile(const QString &path, Problems *problems, const ReadLimits &limits)
{
    const std::optional<QByteArray> bytes = readFileBytes(path, limits, problems);
    if (!bytes)
        return std::nullopt;
    return readTemplate(*bytes, path, problems, limits);
}

QStringList bundledTemplatePaths()
{
    QStringList paths;
    const QDir dir(QStringLiteral(":/coform/templates"));
    for (const QString &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        paths.append(dir.filePath(name));
    return paths;
}

} // namespace coform
