#include "edit/mergeplaces.h"

#include "edit/threewaymerge.h"

#include <vector>

namespace coform {

namespace MergePlaces {

QStringList itemIds(const Section &s)
{
    QStringList ids;
    for (const Item &item : s.items)
        ids.append(item.id);
    return ids;
}

QStringList sectionIds(const Template &t)
{
    QStringList ids;
    for (const Section &s : t.sections)
        ids.append(s.id);
    return ids;
}

QSet<QString> outOfOrder(const QStringList &from, const QStringList &to)
{
    QStringList a;
    QStringList b;
    for (const QString &id : from) {
        if (to.contains(id))
            a.append(id);
    }
    for (const QString &id : to) {
        if (from.contains(id))
            b.append(id);
    }
    const qsizetype n = a.size();
    const qsizetype m = b.size();
    std::vector<std::vector<int>> lcs(size_t(n + 1), std::vector<int>(size_t(m + 1), 0));
    for (qsizetype i = n - 1; i >= 0; --i) {
        for (qsizetype j = m - 1; j >= 0; --j) {
            lcs[size_t(i)][size_t(j)] = a[i] == b[j]
                                            ? lcs[size_t(i + 1)][size_t(j + 1)] + 1
                                            : std::max(lcs[size_t(i + 1)][size_t(j)], lcs[size_t(i)][size_t(j + 1)]);
        }
    }
    QSet<QString> stable;
    for (qsizetype i = 0, j = 0; i < n && j < m;) {
        if (a[i] == b[j]) {
            stable.insert(a[i]);
            ++i;
            ++j;
        } else if (lcs[size_t(i + 1)][size_t(j)] >= lcs[size_t(i)][size_t(j + 1)]) {
            ++i;
        } else {
            ++j;
        }
    }
    QSet<QString> moved;
    for (const QString &id : b) {
        if (!stable.contains(id))
            moved.insert(id);
    }
    return moved;
}

QSet<QString> movedItems(const Template &from, const Template &to)
{
    QSet<QString> moved;
    for (const Section &s : to.sections) {
        for (const Item &item : s.items) {
            const Section *was = from.sectionOfItem(item.id);
            if (was && was->id != s.id)
                moved.insert(item.id);
        }
        const Section *old = from.findSection(s.id);
        moved.unite(outOfOrder(old ? itemIds(*old) : QStringList(), itemIds(s)));
    }
    return moved;
}

QString itemBefore(const Template &t, const QString &itemId)
{
    const Section *s = t.sectionOfItem(itemId);
    if (!s)
        return {};
    const QStringList ids = itemIds(*s);
    const qsizetype i = ids.indexOf(itemId);
    return i > 0 ? ids.at(i - 1) : QString();
}

QString sectionBefore(const Template &t, const QString &sectionId)
{
    const QStringList ids = sectionIds(t);
    const qsizetype i = ids.indexOf(sectionId);
    return i > 0 ? ids.at(i - 1) : QString();
}

QJsonObject itemPlace(const QString &sectionId, const QString &after)
{
    return {{QStringLiteral("section"), sectionId}, {QStringLiteral("after"), after}};
}

QJsonObject sectionPlace(const QString &after)
{
    return {{QStringLiteral("after"), after}};
}

} // namespace MergePlaces

using namespace MergePlaces;
using Kind = Edit::Kind;

Edit rebasedEdit(const Edit &edit, const Template &now)
{
    Edit e = edit;
    switch (edit.kind) {
    case Kind::SetTemplateProperty:
    case Kind::SetSectionProperty:
    case Kind::SetItemProperty:
    case Kind::SetTranslation: {
        const QJsonValue current = Edit::currentValue(now, e.kind, e.section, e.item, e.property, e.language);
        if (!current.isUndefined())
            e.before = current;
        break;
    }
    case Kind::RemoveItem:
        if (now.findItem(e.item))
            e = Edit::removeItem(now, e.item);
        break;
    case Kind::RemoveSection:
        if (now.findSection(e.section))
            e = Edit::removeSection(now, e.section);
        break;
    case Kind::MoveItem:
        if (const Section *s = now.sectionOfItem(e.item))
            e.before = itemPlace(s->id, itemBefore(now, e.item));
        break;
    case Kind::MoveSection:
        if (now.findSection(e.section))
            e.before = sectionPlace(sectionBefore(now, e.section));
        break;
    case Kind::Macro: {
        Template copy = now;
        e.children.clear();
        for (const Edit &child : edit.children) {
            const Edit rebased = rebasedEdit(child, copy);
            rebased.apply(copy);
            e.children.append(rebased);
        }
        break;
    }
    case Kind::InsertItem:
    case Kind::InsertSection:
        break;
    }
    return e;
}

} // namespace coform
