// The Edit builders: each reads the value it replaces from the template as it is now.
#include "edit/edit.h"

#include "edit/mergeplaces.h"
#include "edit/templatejson.h"

namespace coform {

namespace {

Edit setEdit(Edit::Kind kind, const QString &section, const QString &item, const QString &property,
             const QString &language, const QJsonValue &before, const QJsonValue &after)
{
    Edit e;
    e.kind = kind;
    e.section = section;
    e.item = item;
    e.property = property;
    e.language = language;
    e.before = before.isUndefined() ? QJsonValue(QJsonValue::Null) : before;
    e.after = after;
    return e;
}

/// The id an element at `index` of `ids` is placed after ("" = first), once `movedId` is taken out.
QString anchorAt(QStringList ids, const QString &movedId, int index)
{
    ids.removeAll(movedId);
    index = std::clamp(index, 0, int(ids.size()));
    return index == 0 ? QString() : ids.at(index - 1);
}

using MergePlaces::itemIds;    // the ids of a section's items, in order
using MergePlaces::sectionIds; // the ids of a template's sections, in order

/// {"section", "after"} of where an item is now.
QJsonObject itemPlace(const Template &t, const QString &itemId)
{
    const Section *s = t.sectionOfItem(itemId);
    if (!s)
        return {};
    const QStringList ids = itemIds(*s);
    const qsizetype i = ids.indexOf(itemId);
    return {{QStringLiteral("section"), s->id}, {QStringLiteral("after"), i > 0 ? ids.at(i - 1) : QString()}};
}

} // namespace

Edit Edit::setTemplateProperty(const Template &t, const QString &property, const QJsonValue &value)
{
    return setEdit(Kind::SetTemplateProperty, {}, {}, property, {},
                   currentValue(t, Kind::SetTemplateProperty, {}, {}, property, {}), value);
}

Edit Edit::setSectionProperty(const Template &t, const QString &sectionId, const QString &property,
                              const QJsonValue &value)
{
    return setEdit(Kind::SetSectionProperty, sectionId, {}, property, {},
                   currentValue(t, Kind::SetSectionProperty, sectionId, {}, property, {}), value);
}

Edit Edit::setItemProperty(const Template &t, const QString &itemId, const QString &property, const QJsonValue &value)
{
    return setEdit(Kind::SetItemProperty, {}, itemId, property, {},
                   currentValue(t, Kind::SetItemProperty, {}, itemId, property, {}), value);
}

Edit Edit::setTranslation(const Template &t, const QString &sectionId, const QString &itemId, const QString &language,
                          const QString &property, const QString &text)
{
    return setEdit(Kind::SetTranslation, sectionId, itemId, property, language,
                   currentValue(t, Kind::SetTranslation, sectionId, itemId, property, language), text);
}

Edit Edit::insertItem(const Template &t, const QString &sectionId, int index, const Item &item)
{
    Edit e;
    e.kind = Kind::InsertItem;
    e.item = item.id;
    const Section *s = t.findSection(sectionId);
    e.before = QJsonValue::Null;
    e.after = QJsonObject{{QStringLiteral("section"), sectionId},
                          {QStringLiteral("after"), s ? anchorAt(itemIds(*s), item.id, index) : QString()},
                          {QStringLiteral("item"), TemplateJson::fromItem(item)}};
    return e;
}

Edit Edit::removeItem(const Template &t, const QString &itemId)
{
    Edit e;
    e.kind = Kind::RemoveItem;
    e.item = itemId;
    QJsonObject place = itemPlace(t, itemId);
    if (const Item *item = t.findItem(itemId))
        place.insert(QStringLiteral("item"), TemplateJson::fromItem(*item));
    e.before = place;
    e.after = QJsonValue::Null;
    return e;
}

Edit Edit::moveItem(const Template &t, const QString &itemId, const QString &toSectionId, int index)
{
    Edit e;
    e.kind = Kind::MoveItem;
    e.item = itemId;
    e.before = itemPlace(t, itemId);
    const Section *target = t.findSection(toSectionId);
    e.after = QJsonObject{{QStringLiteral("section"), toSectionId},
                          {QStringLiteral("after"), target ? anchorAt(itemIds(*target), itemId, index) : QString()}};
    return e;
}

Edit Edit::insertSection(const Template &t, int index, const Section &section)
{
    Edit e;
    e.kind = Kind::InsertSection;
    e.section = section.id;
    e.before = QJsonValue::Null;
    e.after = QJsonObject{{QStringLiteral("after"), anchorAt(sectionIds(t), section.id, index)},
                          {QStringLiteral("section"), TemplateJson::fromSection(section)}};
    return e;
}

Edit Edit::removeSection(const Template &t, const QString &sectionId)
{
    Edit e;
    e.kind = Kind::RemoveSection;
    e.section = sectionId;
    const QStringList ids = sectionIds(t);
    const qsizetype i = ids.indexOf(sectionId);
    QJsonObject value{{QStringLiteral("after"), i > 0 ? ids.at(i - 1) : QString()}};
    if (const Section *s = t.findSection(sectionId))
        value.insert(QStringLiteral("section"), TemplateJson::fromSection(*s));
    e.before = value;
    e.after = QJsonValue::Null;
    return e;
}

Edit Edit::moveSection(const Template &t, const QString &sectionId, int index)
{
    Edit e;
    e.kind = Kind::MoveSection;
    e.section = sectionId;
    const QStringList ids = sectionIds(t);
    const qsizetype i = ids.indexOf(sectionId);
    e.before = QJsonObject{{QStringLiteral("after"), i > 0 ? ids.at(i - 1) : QString()}};
    e.after = QJsonObject{{QStringLiteral("after"), anchorAt(ids, sectionId, index)}};
    return e;
}

Edit Edit::macro(const QString &description, const QVector<Edit> &children)
{
    Edit e;
    e.kind = Kind::Macro;
    e.description = description;
    e.children = children;
    e.before = e.after = QJsonValue::Null;
    return e;
}

} // namespace coform
