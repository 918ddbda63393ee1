#include "model/template.h"

namespace coform {

namespace {
struct TypeName
{
    ItemType type;
    const char *name;
};
constexpr TypeName kTypeNames[] = {
    {ItemType::Info, "info"},   {ItemType::Text, "text"},           {ItemType::Textarea, "textarea"},
    {ItemType::YesNo, "yesno"}, {ItemType::Choice, "choice"},       {ItemType::MultiChoice, "multichoice"},
    {ItemType::Date, "date"},   {ItemType::Number, "number"},       {ItemType::Scale, "scale"},
    {ItemType::Table, "table"}, {ItemType::Signature, "signature"},
};
} // namespace

QString itemTypeName(ItemType type)
{
    for (const TypeName &t : kTypeNames) {
        if (t.type == type)
            return QString::fromLatin1(t.name);
    }
    return {};
}

std::optional<ItemType> itemTypeFromName(const QString &name)
{
    for (const TypeName &t : kTypeNames) {
        if (name == QLatin1String(t.name))
            return t.type;
    }
    return std::nullopt;
}

const QVector<ItemType> &allItemTypes()
{
    static const QVector<ItemType> types = [] {
        QVector<ItemType> all;
        for (const TypeName &t : kTypeNames)
            all.append(t.type);
        return all;
    }();
    return types;
}

bool itemTypeHasOptions(ItemType type)
{
    return type == ItemType::Choice || type == ItemType::MultiChoice || type == ItemType::Scale;
}

bool itemTypeIsAnswerable(ItemType type)
{
    return type != ItemType::Info;
}

bool Translation::isEmpty() const
{
    return title.isEmpty() && label.isEmpty() && help.isEmpty() && options.isEmpty() && optionDescriptions.isEmpty()
           && columns.isEmpty() && pictureAlt.isEmpty() && optionPictureAlts.isEmpty() && madeFrom.isEmpty();
}

bool ShowIf::matches(const QJsonValue &answer) const
{
    auto one = [this](const QJsonValue &v) {
        if (kind == Kind::Equals)
            return v == equals;
        for (const QJsonValue &candidate : in) {
            if (candidate == v)
                return true;
        }
        return false;
    };
    if (answer.isArray()) {
        for (const QJsonValue &v : answer.toArray()) {
            if (one(v))
                return true;
        }
        return false;
    }
    if (answer.isUndefined() || answer.isNull())
        return false;
    return one(answer);
}

const Option *Item::option(const QString &value) const
{
    for (const Option &o : options) {
        if (o.value == value)
            return &o;
    }
    return nullptr;
}

QString Template::sourceLanguage() const
{
    return languages.isEmpty() ? QStringLiteral("en") : languages.first();
}

const Item *Template::findItem(const QString &id) const
{
    for (const Section &s : sections) {
        for (const Item &i : s.items) {
            if (i.id == id)
                return &i;
        }
    }
    return nullptr;
}

Item *Template::findItem(const QString &id)
{
    // Non-const access detaches the shared vectors, so changing the item never changes another copy.
    for (Section &s : sections) {
        for (Item &i : s.items) {
            if (i.id == id)
                return &i;
        }
    }
    return nullptr;
}

const Section *Template::findSection(const QString &id) const
{
    for (const Section &s : sections) {
        if (s.id == id)
            return &s;
    }
    return nullptr;
}

const Section *Template::sectionOfItem(const QString &id) const
{
    for (const Section &s : sections) {
        for (const Item &i : s.items) {
            if (i.id == id)
                return &s;
        }
    }
    return nullptr;
}

QVector<const Item *> Template::allItems() const
{
    QVector<const Item *> items;
    for (const Section &s : sections) {
        for (const Item &i : s.items)
            items.append(&i);
    }
    return items;
}

QMap<QString, int> Template::questionNumbers() const
{
    QMap<QString, int> numbers;
    int next = 1;
    for (const Section &s : sections) {
        for (const Item &i : s.items) {
            if (itemTypeIsAnswerable(i.type))
                numbers.insert(i.id, next++);
        }
    }
    return numbers;
}

namespace {
bool isSource(const Template &t, const QString &lang)
{
    return lang.isEmpty() || lang == t.sourceLanguage();
}

/// A translated text, or the source text when the translation is missing. The easy-read variant of English falls
/// back to plain English.
template<typename Getter>
QString pick(const Template &t, const QMap<QString, Translation> &translations, const QString &lang,
             const QString &source, Getter get)
{
    if (isSource(t, lang))
        return source;
    const auto it = translations.constFind(lang);
    if (it != translations.constEnd()) {
        const QString text = get(*it);
        if (!text.isEmpty())
            return text;
    }
    return source;
}
} // namespace

QString localizedTitle(const Template &t, const QString &lang)
{
    return pick(t, t.translations, lang, t.title, [](const Translation &tr) { return tr.title; });
}

QString localizedTitle(const Template &t, const Section &s, const QString &lang)
{
    return pick(t, s.translations, lang, s.title, [](const Translation &tr) { return tr.title; });
}

QString localizedLabel(const Template &t, const Item &item, const QString &lang)
{
    return pick(t, item.translations, lang, item.label, [](const Translation &tr) { return tr.label; });
}

QString localizedHelp(const Template &t, const Item &item, const QString &lang)
{
    return pick(t, item.translations, lang, item.help, [](const Translation &tr) { return tr.help; });
}

QString localizedOptionLabel(const Template &t, const Item &item, const Option &option, const QString &lang)
{
    return pick(t, item.translations, lang, option.label,
                [&](const Translation &tr) { return tr.options.value(option.value); });
}

QString localizedOptionDescription(const Template &t, const Item &item, const Option &option, const QString &lang)
{
    return pick(t, item.translations, lang, option.description,
                [&](const Translation &tr) { return tr.optionDescriptions.value(option.value); });
}

QString localizedPictureAlt(const Template &t, const Item &item, const QString &lang)
{
    return pick(t, item.translations, lang, item.picture ? item.picture->alt : QString(),
                [](const Translation &tr) { return tr.pictureAlt; });
}

QString localizedPictureAlt(const Template &t, const Section &section, const QString &lang)
{
    return pick(t, section.translations, lang, section.picture ? section.picture->alt : QString(),
                [](const Translation &tr) { return tr.pictureAlt; });
}

QString localizedOptionPictureAlt(const Template &t, const Item &item, const Option &option, const QString &lang)
{
    return pick(t, item.translations, lang, option.picture ? option.picture->alt : QString(),
                [&](const Translation &tr) { return tr.optionPictureAlts.value(option.value); });
}

QVector<const Picture *> allPictures(const Template &t)
{
    QVector<const Picture *> out;
    for (const Section &s : t.sections) {
        if (s.picture)
            out.append(&*s.picture);
        for (const Item &item : s.items) {
            if (item.picture)
                out.append(&*item.picture);
            for (const Option &o : item.options) {
                if (o.picture)
                    out.append(&*o.picture);
            }
        }
    }
    return out;
}

QString localizedColumnLabel(const Template &t, const Item &item, const Column &column, const QString &lang)
{
    return pick(t, item.translations, lang, column.label,
                [&](const Translation &tr) { return tr.columns.value(column.id); });
}

} // namespace coform
