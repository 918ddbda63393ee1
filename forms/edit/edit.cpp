#include "edit/edit.h"

#include "edit/editproperties.h"
#include "edit/templatejson.h"

#include <QJsonArray>

namespace coform {

namespace {

using namespace EditProperties;
using Kind = Edit::Kind;

struct KindName
{
    Kind kind;
    const char *name;
};

constexpr KindName kindNames[] = {
    {Kind::SetTemplateProperty, "set-template-property"},
    {Kind::SetSectionProperty, "set-section-property"},
    {Kind::SetItemProperty, "set-item-property"},
    {Kind::SetTranslation, "set-translation"},
    {Kind::InsertSection, "insert-section"},
    {Kind::RemoveSection, "remove-section"},
    {Kind::MoveSection, "move-section"},
    {Kind::InsertItem, "insert-item"},
    {Kind::RemoveItem, "remove-item"},
    {Kind::MoveItem, "move-item"},
    {Kind::Macro, "macro"},
};

bool isSetKind(Kind kind)
{
    return kind == Kind::SetTemplateProperty || kind == Kind::SetSectionProperty || kind == Kind::SetItemProperty
           || kind == Kind::SetTranslation;
}

int sectionIndex(const Template &t, const QString &id)
{
    for (int i = 0; i < t.sections.size(); ++i) {
        if (t.sections[i].id == id)
            return i;
    }
    return -1;
}

int itemIndex(const Section &s, const QString &id)
{
    for (int i = 0; i < s.items.size(); ++i) {
        if (s.items[i].id == id)
            return i;
    }
    return -1;
}

/// The item to change, reached through non-const access so that the template's shared data detaches first (a
/// pointer found through const access would point into data other copies share).
Item *mutableItem(Template &t, const QString &id)
{
    for (Section &s : t.sections) {
        for (Item &item : s.items) {
            if (item.id == id)
                return &item;
        }
    }
    return nullptr;
}

/// Where an item is: section index and item index, or {-1, -1}.
std::pair<int, int> locateItem(const Template &t, const QString &id)
{
    for (int s = 0; s < t.sections.size(); ++s) {
        const int i = itemIndex(t.sections[s], id);
        if (i >= 0)
            return {s, i};
    }
    return {-1, -1};
}

EditOutcome conflict(const QString &message, const QJsonValue &current = QJsonValue::Undefined)
{
    return {EditOutcome::Status::Conflict, message, current};
}

EditOutcome invalid(const QString &message)
{
    return {EditOutcome::Status::Invalid, message, QJsonValue::Undefined};
}

/// The translations map an edit's target holds; nullptr when the target does not exist.
QMap<QString, Translation> *translationsOf(Template &t, const QString &sectionId, const QString &itemId)
{
    if (!itemId.isEmpty()) {
        Item *item = mutableItem(t, itemId);
        return item ? &item->translations : nullptr;
    }
    if (!sectionId.isEmpty()) {
        const int s = sectionIndex(t, sectionId);
        return s >= 0 ? &t.sections[s].translations : nullptr;
    }
    return &t.translations;
}

QString targetName(const QString &sectionId, const QString &itemId)
{
    if (!itemId.isEmpty())
        return QStringLiteral("item '%1'").arg(itemId);
    if (!sectionId.isEmpty())
        return QStringLiteral("section '%1'").arg(sectionId);
    return QStringLiteral("the template");
}

EditOutcome applySet(const Edit &e, Template &t)
{
    const QJsonValue current = Edit::currentValue(t, e.kind, e.section, e.item, e.property, e.language);
    if (current.isUndefined()) {
        // Either the target is gone (someone removed it: a conflict) or the property is unknown (a bad edit).
        const bool targetExists = (e.kind == Kind::SetItemProperty || !e.item.isEmpty()) ? t.findItem(e.item) != nullptr
                                  : (e.kind == Kind::SetSectionProperty || !e.section.isEmpty())
                                      ? t.findSection(e.section) != nullptr
                                      : true;
        if (!targetExists)
            return conflict(QStringLiteral("%1 no longer exists").arg(targetName(e.section, e.item)));
        return invalid(QStringLiteral("unknown property '%1' of %2").arg(e.property, targetName(e.section, e.item)));
    }
    if (current != e.before) {
        return conflict(
            QStringLiteral("the %1 of %2 was changed by someone else").arg(e.property, targetName(e.section, e.item)),
            current);
    }
    QString error;
    bool ok = true;
    switch (e.kind) {
    case Kind::SetTemplateProperty:
        ok = setTemplateProperty(t, e.property, e.after, &error);
        break;
    case Kind::SetSectionProperty:
        ok = setSectionProperty(t.sections[sectionIndex(t, e.section)], e.property, e.after, &error);
        break;
    case Kind::SetItemProperty:
        ok = setItemProperty(*mutableItem(t, e.item), e.property, e.after, &error);
        break;
    default: {
        if (!e.after.isString())
            return invalid(QStringLiteral("a translation must be a text"));
        QMap<QString, Translation> *map = translationsOf(t, e.section, e.item);
        Translation tr = map->value(e.language);
        setTranslationText(tr, e.property, e.after.toString());
        if (tr.isEmpty())
            map->remove(e.language);
        else
            map->insert(e.language, tr);
    }
    }
    if (!ok)
        return invalid(QStringLiteral("%1 of %2: %3").arg(e.property, targetName(e.section, e.item), error));
    return {};
}

EditOutcome applyInsertItem(const QString &itemId, const QJsonValue &value, Template &t)
{
    const QJsonObject o = value.toObject();
    QString error;
    auto item = TemplateJson::toItem(o.value(QLatin1String("item")), &error);
    if (!item)
        return invalid(error);
    if (item->id != itemId)
        return invalid(QStringLiteral("the inserted item's id is not '%1'").arg(itemId));
    if (t.findItem(itemId))
        return conflict(QStringLiteral("an item with the id '%1' already exists").arg(itemId));
    const int s = sectionIndex(t, o.value(QLatin1String("section")).toString());
    if (s < 0)
        return conflict(
            QStringLiteral("section '%1' no longer exists").arg(o.value(QLatin1String("section")).toString()));
    const QString anchor = o.value(QLatin1String("after")).toString();
    int at = 0;
    if (!anchor.isEmpty()) {
        at = itemIndex(t.sections[s], anchor) + 1;
        if (at == 0)
            return conflict(QStringLiteral("item '%1' is no longer in section '%2'").arg(anchor, t.sections[s].id));
    }
    t.sections[s].items.insert(at, *item);
    return {};
}

EditOutcome applyRemoveItem(const QString &itemId, const QJsonValue &value, Template &t)
{
    const auto [s, i] = locateItem(t, itemId);
    if (s < 0)
        return conflict(QStringLiteral("item '%1' no longer exists").arg(itemId));
    const QJsonObject current = TemplateJson::fromItem(t.sections[s].items[i]);
    if (current != value.toObject().value(QLatin1String("item")).toObject())
        return conflict(QStringLiteral("item '%1' was changed by someone else").arg(itemId), current);
    t.sections[s].items.removeAt(i);
    return {};
}

EditOutcome applyMoveItem(const Edit &e, Template &t)
{
    const auto [s, i] = locateItem(t, e.item);
    if (s < 0)
        return conflict(QStringLiteral("item '%1' no longer exists").arg(e.item));
    const QString fromSection = e.before.toObject().value(QLatin1String("section")).toString();
    if (t.sections[s].id != fromSection)
        return conflict(QStringLiteral("item '%1' was moved by someone else").arg(e.item));
    const QString toSection = e.after.toObject().value(QLatin1String("section")).toString();
    const QString anchor = e.after.toObject().value(QLatin1String("after")).toString();
    const int target = sectionIndex(t, toSection);
    if (target < 0)
        return conflict(QStringLiteral("section '%1' no longer exists").arg(toSection));
    if (anchor == e.item)
        return invalid(QStringLiteral("an item cannot be moved after itself"));
    Template moved = t;
    const Item item = moved.sections[s].items.takeAt(i);
    int at = 0;
    if (!anchor.isEmpty()) {
        at = itemIndex(moved.sections[target], anchor) + 1;
        if (at == 0)
            return conflict(QStringLiteral("item '%1' is no longer in section '%2'").arg(anchor, toSection));
    }
    moved.sections[target].items.insert(at, item);
    t = std::move(moved);
    return {};
}

EditOutcome applyInsertSection(const QString &sectionId, const QJsonValue &value, Template &t)
{
    const QJsonObject o = value.toObject();
    QString error;
    auto section = TemplateJson::toSection(o.value(QLatin1String("section")), &error);
    if (!section)
        return invalid(error);
    if (section->id != sectionId)
        return invalid(QStringLiteral("the inserted section's id is not '%1'").arg(sectionId));
    if (t.findSection(sectionId))
        return conflict(QStringLiteral("a section with the id '%1' already exists").arg(sectionId));
    for (const Item &item : section->items) {
        if (t.findItem(item.id))
            return conflict(QStringLiteral("an item with the id '%1' already exists").arg(item.id));
    }
    const QString anchor = o.value(QLatin1String("after")).toString();
    int at = 0;
    if (!anchor.isEmpty()) {
        at = sectionIndex(t, anchor) + 1;
        if (at == 0)
            return conflict(QStringLiteral("section '%1' no longer exists").arg(anchor));
    }
    t.sections.insert(at, *section);
    return {};
}

EditOutcome applyRemoveSection(const QString &sectionId, const QJsonValue &value, Template &t)
{
    const int s = sectionIndex(t, sectionId);
    if (s < 0)
        return conflict(QStringLiteral("section '%1' no longer exists").arg(sectionId));
    const QJsonObject current = TemplateJson::fromSection(t.sections[s]);
    if (current != value.toObject().value(QLatin1String("section")).toObject())
        return conflict(QStringLiteral("section '%1' was changed by someone else").arg(sectionId), current);
    t.sections.removeAt(s);
    return {};
}

EditOutcome applyMoveSection(const Edit &e, Template &t)
{
    const int s = sectionIndex(t, e.section);
    if (s < 0)
        return conflict(QStringLiteral("section '%1' no longer exists").arg(e.section));
    const QString anchor = e.after.toObject().value(QLatin1String("after")).toString();
    if (anchor == e.section)
        return invalid(QStringLiteral("a section cannot be moved after itself"));
    Template moved = t;
    const Section section = moved.sections.takeAt(s);
    int at = 0;
    if (!anchor.isEmpty()) {
        at = sectionIndex(moved, anchor) + 1;
        if (at == 0)
            return conflict(QStringLiteral("section '%1' no longer exists").arg(anchor));
    }
    moved.sections.insert(at, section);
    t = std::move(moved);
    return {};
}

} // namespace

QString Edit::kindName(Kind kind)
{
    for (const KindName &k : kindNames) {
        if (k.kind == kind)
            return QString::fromLatin1(k.name);
    }
    return {};
}

std::optional<Edit::Kind> Edit::kindFromName(const QString &name)
{
    for (const KindName &k : kindNames) {
        if (name == QLatin1String(k.name))
            return k.kind;
    }
    return std::nullopt;
}

QJsonValue Edit::currentValue(const Template &t, Kind kind, const QString &sectionId, const QString &itemId,
                              const QString &property, const QString &language)
{
    switch (kind) {
    case Kind::SetTemplateProperty:
        return templateProperty(t, property);
    case Kind::SetSectionProperty: {
        const Section *s = t.findSection(sectionId);
        return s ? sectionProperty(*s, property) : QJsonValue(QJsonValue::Undefined);
    }
    case Kind::SetItemProperty: {
        const Item *item = t.findItem(itemId);
        return item ? itemProperty(*item, property) : QJsonValue(QJsonValue::Undefined);
    }
    case Kind::SetTranslation: {
        const QMap<QString, Translation> *map = nullptr;
        if (!itemId.isEmpty()) {
            const Item *item = t.findItem(itemId);
            map = item ? &item->translations : nullptr;
        } else if (!sectionId.isEmpty()) {
            const Section *s = t.findSection(sectionId);
            map = s ? &s->translations : nullptr;
        } else {
            map = &t.translations;
        }
        if (!map || language.isEmpty())
            return QJsonValue::Undefined;
        return translationText(map->value(language), property);
    }
    default:
        return QJsonValue::Undefined;
    }
}

EditOutcome Edit::apply(Template &t) const
{
    switch (kind) {
    case Kind::SetTemplateProperty:
    case Kind::SetSectionProperty:
    case Kind::SetItemProperty:
    case Kind::SetTranslation:
        return applySet(*this, t);
    case Kind::InsertItem:
        return applyInsertItem(item, after, t);
    case Kind::RemoveItem:
        return applyRemoveItem(item, before, t);
    case Kind::MoveItem:
        return applyMoveItem(*this, t);
    case Kind::InsertSection:
        return applyInsertSection(section, after, t);
    case Kind::RemoveSection:
        return applyRemoveSection(section, before, t);
    case Kind::MoveSection:
        return applyMoveSection(*this, t);
    case Kind::Macro: {
        Template copy = t;
        for (const Edit &child : children) {
            const EditOutcome outcome = child.apply(copy);
            if (!outcome.applied())
                return outcome;
        }
        t = std::move(copy);
        return {};
    }
    }
    return invalid(QStringLiteral("unknown edit"));
}

Edit Edit::inverted() const
{
    Edit e = *this;
    std::swap(e.before, e.after);
    switch (kind) {
    case Kind::InsertItem:
        e.kind = Kind::RemoveItem;
        break;
    case Kind::RemoveItem:
        e.kind = Kind::InsertItem;
        break;
    case Kind::InsertSection:
        e.kind = Kind::RemoveSection;
        break;
    case Kind::RemoveSection:
        e.kind = Kind::InsertSection;
        break;
    case Kind::Macro:
        e.children.clear();
        for (auto it = children.rbegin(); it != children.rend(); ++it)
            e.children.append(it->inverted());
        break;
    default:
        break;
    }
    return e;
}

bool Edit::isNoOp() const
{
    if (kind == Kind::Macro)
        return std::all_of(children.begin(), children.end(), [](const Edit &c) { return c.isNoOp(); });
    if (isSetKind(kind) || kind == Kind::MoveItem || kind == Kind::MoveSection)
        return before == after;
    return false;
}

QString Edit::itemId() const
{
    if (kind != Kind::Macro)
        return item;
    QString common;
    for (const Edit &child : children) {
        const QString id = child.itemId();
        if (id.isEmpty() || (!common.isEmpty() && id != common))
            return {};
        common = id;
    }
    return common;
}

QString Edit::sectionId() const
{
    if (kind == Kind::SetSectionProperty || kind == Kind::InsertSection || kind == Kind::RemoveSection
        || kind == Kind::MoveSection || (kind == Kind::SetTranslation && item.isEmpty()))
        return section;
    return {};
}

QString Edit::mergeKey() const
{
    if (!isSetKind(kind))
        return {};
    return QStringList{kindName(kind), section, item, property, language}.join(QLatin1Char('|'));
}

QString Edit::summary() const
{
    const QString target = targetName(section, item);
    switch (kind) {
    case Kind::SetTemplateProperty:
    case Kind::SetSectionProperty:
    case Kind::SetItemProperty:
        return QStringLiteral("Changed the %1 of %2").arg(property, target);
    case Kind::SetTranslation:
        return QStringLiteral("Changed the %1 translation (%2) of %3").arg(property, language, target);
    case Kind::InsertSection:
        return QStringLiteral("Added section '%1'").arg(section);
    case Kind::RemoveSection:
        return QStringLiteral("Removed section '%1'").arg(section);
    case Kind::MoveSection:
        return QStringLiteral("Moved section '%1'").arg(section);
    case Kind::InsertItem:
        return QStringLiteral("Added item '%1'").arg(item);
    case Kind::RemoveItem:
        return QStringLiteral("Removed item '%1'").arg(item);
    case Kind::MoveItem:
        return QStringLiteral("Moved item '%1'").arg(item);
    case Kind::Macro:
        return description.isEmpty() ? QStringLiteral("%1 changes").arg(children.size()) : description;
    }
    return {};
}

QJsonObject Edit::toJson() const
{
    QJsonObject o{{QStringLiteral("kind"), kindName(kind)}};
    auto put = [&o](const char *key, const QString &value) {
        if (!value.isEmpty())
            o.insert(QLatin1String(key), value);
    };
    put("section", section);
    put("item", item);
    put("property", property);
    put("language", language);
    put("description", description);
    if (kind == Kind::Macro) {
        QJsonArray list;
        for (const Edit &child : children)
            list.append(child.toJson());
        o.insert(QStringLiteral("children"), list);
    } else {
        o.insert(QStringLiteral("before"), before.isUndefined() ? QJsonValue(QJsonValue::Null) : before);
        o.insert(QStringLiteral("after"), after.isUndefined() ? QJsonValue(QJsonValue::Null) : after);
    }
    return o;
}

std::optional<Edit> Edit::fromJson(const QJsonObject &o, QString *error)
{
    const auto kind = kindFromName(o.value(QLatin1String("kind")).toString());
    if (!kind) {
        if (error)
            *error = QStringLiteral("unknown edit kind '%1'").arg(o.value(QLatin1String("kind")).toString());
        return std::nullopt;
    }
    Edit e;
    e.kind = *kind;
    e.section = o.value(QLatin1String("section")).toString();
    e.item = o.value(QLatin1String("item")).toString();
    e.property = o.value(QLatin1String("property")).toString();
    e.language = o.value(QLatin1String("language")).toString();
    e.description = o.value(QLatin1String("description")).toString();
    e.before = o.value(QLatin1String("before"));
    e.after = o.value(QLatin1String("after"));
    if (e.before.isUndefined())
        e.before = QJsonValue::Null;
    if (e.after.isUndefined())
        e.after = QJsonValue::Null;
    if (e.kind == Kind::Macro) {
        e.before = e.after = QJsonValue::Null;
        for (const QJsonValue &child : o.value(QLatin1String("children")).toArray()) {
            auto c = fromJson(child.toObject(), error);
            if (!c)
                return std::nullopt;
            e.children.append(*c);
        }
    }
    return e;
}

std::optional<Template> replayEdits(const Template &base, const QVector<Edit> &edits, QString *error)
{
    Template t = base;
    for (qsizetype i = 0; i < edits.size(); ++i) {
        const EditOutcome outcome = edits[i].apply(t);
        if (!outcome.applied()) {
            if (error)
                *error = QStringLiteral("edit %1 (%2): %3").arg(i + 1).arg(edits[i].summary(), outcome.message);
            return std::nullopt;
        }
    }
    return t;
}

} // namespace coform
