#include "edit/editproperties.h"

#include "edit/templatejson.h"
#include "model/picturejson.h"
#include "model/prefill.h"

namespace coform::EditProperties {

QJsonValue templateProperty(const Template &t, const QString &property)
{
    static const QStringList properties{"title", "requirementSet", "languages", "pictures"};
    return properties.contains(property) ? TemplateJson::templateValue(t, property) : QJsonValue::Undefined;
}

QJsonValue sectionProperty(const Section &s, const QString &property)
{
    static const QStringList properties{"title", "help", "showIf", "picture"};
    return properties.contains(property) ? TemplateJson::sectionValue(s, property) : QJsonValue::Undefined;
}

QJsonValue itemProperty(const Item &item, const QString &property)
{
    // Every key of an item but its id and its translations, which edits change in their own ways.
    if (property == QLatin1String("id") || property == QLatin1String("translations"))
        return QJsonValue::Undefined;
    return TemplateJson::itemValue(item, property);
}

static bool setText(QString *target, const QJsonValue &value, QString *error)
{
    if (!value.isString()) {
        *error = QStringLiteral("expected a text");
        return false;
    }
    *target = value.toString();
    return true;
}

static bool setPicture(std::optional<Picture> *target, const QJsonValue &value, QString *error)
{
    QString problem;
    std::optional<Picture> picture = pictureFromValue(value, &problem);
    if (!problem.isEmpty()) {
        *error = problem;
        return false;
    }
    *target = std::move(picture);
    return true;
}

static bool setOptionalNumber(std::optional<double> *target, const QJsonValue &value, QString *error)
{
    if (value.isNull()) {
        target->reset();
        return true;
    }
    if (!value.isDouble()) {
        *error = QStringLiteral("expected a number or null");
        return false;
    }
    *target = value.toDouble();
    return true;
}

bool setTemplateProperty(Template &t, const QString &p, const QJsonValue &value, QString *error)
{
    if (p == QLatin1String("title"))
        return setText(&t.title, value, error);
    if (p == QLatin1String("requirementSet"))
        return setText(&t.requirementSet, value, error);
    if (p == QLatin1String("pictures")) {
        if (value != QLatin1String("all profiles") && value != QLatin1String("easy read")) {
            *error = QStringLiteral("expected \"easy read\" or \"all profiles\"");
            return false;
        }
        t.picturesInAllProfiles = value == QLatin1String("all profiles");
        return true;
    }
    const auto languages = TemplateJson::toStrings(value, error);
    if (!languages)
        return false;
    if (languages->isEmpty()) {
        *error = QStringLiteral("a template needs at least one language");
        return false;
    }
    t.languages = *languages;
    return true;
}

bool setSectionProperty(Section &s, const QString &p, const QJsonValue &value, QString *error)
{
    if (p == QLatin1String("title"))
        return setText(&s.title, value, error);
    if (p == QLatin1String("help"))
        return setText(&s.help, value, error);
    if (p == QLatin1String("picture"))
        return setPicture(&s.picture, value, error);
    bool ok = true;
    s.showIf = TemplateJson::toShowIf(value, &ok, error);
    return ok;
}

bool setItemProperty(Item &item, const QString &p, const QJsonValue &value, QString *error)
{
    if (p == QLatin1String("type")) {
        const auto type = itemTypeFromName(value.toString());
        if (!type) {
            *error = QStringLiteral("unknown item type '%1'").arg(value.toString());
            return false;
        }
        item.type = *type;
        return true;
    }
    if (p == QLatin1String("label"))
        return setText(&item.label, value, error);
    if (p == QLatin1String("help"))
        return setText(&item.help, value, error);
    if (p == QLatin1String("format"))
        return setText(&item.format, value, error);
    if (p == QLatin1String("unit"))
        return setText(&item.unit, value, error);
    if (p == QLatin1String("prefill")) {
        if (!value.isString() || (!value.toString().isEmpty() && !Prefill::names().contains(value.toString()))) {
            *error = QStringLiteral("expected one of: %1, or nothing").arg(Prefill::names().join(u", "));
            return false;
        }
        item.prefill = value.toString();
        return true;
    }
    if (p == QLatin1String("note"))
        return setText(&item.note, value, error);
    if (p == QLatin1String("picture"))
        return setPicture(&item.picture, value, error);
    if (p == QLatin1String("min"))
        return setOptionalNumber(&item.min, value, error);
    if (p == QLatin1String("max"))
        return setOptionalNumber(&item.max, value, error);
    if (p == QLatin1String("carryForward")) {
        if (!value.isBool()) {
            *error = QStringLiteral("expected true or false");
            return false;
        }
        item.carryForward = value.toBool();
        return true;
    }
    if (p == QLatin1String("required")) {
        if (!value.isBool()) {
            *error = QStringLiteral("expected true or false");
            return false;
        }
        item.required = value.toBool();
        return true;
    }
    if (p == QLatin1String("requirements")) {
        const auto list = TemplateJson::toStrings(value, error);
        if (list)
            item.requirements = *list;
        return list.has_value();
    }
    if (p == QLatin1String("options")) {
        const auto options = TemplateJson::toOptions(value, error);
        if (options)
            item.options = *options;
        return options.has_value();
    }
    if (p == QLatin1String("columns")) {
        const auto columns = TemplateJson::toColumns(value, error);
        if (columns)
            item.columns = *columns;
        return columns.has_value();
    }
    bool ok = true;
    item.showIf = TemplateJson::toShowIf(value, &ok, error);
    return ok;
}

/// The translation text a SetTranslation property names; undefined for an unknown property.
QJsonValue translationText(const Translation &tr, const QString &p)
{
    if (p == QLatin1String("title"))
        return tr.title;
    if (p == QLatin1String("label"))
        return tr.label;
    if (p == QLatin1String("help"))
        return tr.help;
    if (p == QLatin1String("pictureAlt"))
        return tr.pictureAlt;
    const qsizetype colon = p.indexOf(QLatin1Char(':'));
    const QString head = p.left(colon);
    const QString key = p.mid(colon + 1);
    if (colon <= 0 || key.isEmpty())
        return QJsonValue::Undefined;
    if (head == QLatin1String("option"))
        return tr.options.value(key);
    if (head == QLatin1String("optionDescription"))
        return tr.optionDescriptions.value(key);
    if (head == QLatin1String("column"))
        return tr.columns.value(key);
    if (head == QLatin1String("optionPictureAlt"))
        return tr.optionPictureAlts.value(key);
    if (head == QLatin1String("madeFrom"))
        return tr.madeFrom.value(key);
    return QJsonValue::Undefined;
}

void setTranslationText(Translation &tr, const QString &p, const QString &text)
{
    auto setIn = [&text](QMap<QString, QString> &map, const QString &key) {
        if (text.isEmpty())
            map.remove(key);
        else
            map.insert(key, text);
    };
    const QString key = p.mid(p.indexOf(QLatin1Char(':')) + 1);
    if (p == QLatin1String("title"))
        tr.title = text;
    else if (p == QLatin1String("label"))
        tr.label = text;
    else if (p == QLatin1String("help"))
        tr.help = text;
    else if (p == QLatin1String("pictureAlt"))
        tr.pictureAlt = text;
    else if (p.startsWith(QLatin1String("optionPictureAlt:")))
        setIn(tr.optionPictureAlts, key);
    else if (p.startsWith(QLatin1String("madeFrom:")))
        setIn(tr.madeFrom, key);
    else if (p.startsWith(QLatin1String("optionDescription:")))
        setIn(tr.optionDescriptions, key);
    else if (p.startsWith(QLatin1String("option:")))
        setIn(tr.options, key);
    else
        setIn(tr.columns, key);
}

} // namespace coform::EditProperties
