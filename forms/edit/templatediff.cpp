#include "edit/templatediff.h"

#include "edit/templatejson.h"

#include <QJsonDocument>

namespace coform {

namespace {

QString quoted(const QString &text)
{
    return QStringLiteral("\u201c%1\u201d").arg(text);
}

QString changedText(const QString &what, const QString &before, const QString &after)
{
    if (before.isEmpty())
        return QStringLiteral("%1 added: %2").arg(what, quoted(after));
    if (after.isEmpty())
        return QStringLiteral("%1 removed (was %2)").arg(what, quoted(before));
    return QStringLiteral("%1: %2 became %3").arg(what, quoted(before), quoted(after));
}

QString compact(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isNull() || value.isUndefined())
        return QStringLiteral("none");
    if (value.isBool())
        return value.toBool() ? QStringLiteral("yes") : QStringLiteral("no");
    if (value.isDouble())
        return QString::number(value.toDouble());
    return QString::fromUtf8(QJsonDocument::fromVariant(value.toVariant()).toJson(QJsonDocument::Compact));
}

/// The longest common subsequence of two id lists: ids in it kept their relative order.
QSet<QString> keptOrder(const QStringList &a, const QStringList &b)
{
    const qsizetype n = a.size(), m = b.size();
    QVector<QVector<int>> len(n + 1, QVector<int>(m + 1, 0));
    for (qsizetype i = n - 1; i >= 0; --i) {
        for (qsizetype j = m - 1; j >= 0; --j)
            len[i][j] = a[i] == b[j] ? len[i + 1][j + 1] + 1 : std::max(len[i + 1][j], len[i][j + 1]);
    }
    QSet<QString> kept;
    qsizetype i = 0, j = 0;
    while (i < n && j < m) {
        if (a[i] == b[j]) {
            kept.insert(a[i]);
            ++i;
            ++j;
        } else if (len[i + 1][j] >= len[i][j + 1]) {
            ++i;
        } else {
            ++j;
        }
    }
    return kept;
}

void compareOptions(const Item &a, const Item &b, ItemDiff &d)
{
    if (a.options == b.options)
        return;
    d.changes.append(ItemDiff::Change::OptionsChanged);
    for (const Option &o : b.options) {
        const Option *old = a.option(o.value);
        if (!old)
            d.details.append(QStringLiteral("Option added: %1").arg(quoted(o.label)));
        else if (old->label != o.label)
            d.details.append(changedText(QStringLiteral("Option"), old->label, o.label));
        else if (old->description != o.description)
            d.details.append(
                changedText(QStringLiteral("Description of %1").arg(quoted(o.label)), old->description, o.description));
    }
    for (const Option &o : a.options) {
        if (!b.option(o.value))
            d.details.append(QStringLiteral("Option removed: %1").arg(quoted(o.label)));
    }
    QStringList orderA, orderB;
    for (const Option &o : a.options) {
        if (b.option(o.value))
            orderA.append(o.value);
    }
    for (const Option &o : b.options) {
        if (a.option(o.value))
            orderB.append(o.value);
    }
    if (orderA != orderB)
        d.details.append(QStringLiteral("Options put in a new order"));
}

void compareItems(const Item &a, const Item &b, ItemDiff &d)
{
    if (a.type != b.type) {
        d.changes.append(ItemDiff::Change::TypeChanged);
        d.details.append(QStringLiteral("Type: %1 became %2").arg(itemTypeName(a.type), itemTypeName(b.type)));
    }
    if (a.label != b.label || a.help != b.help) {
        d.changes.append(ItemDiff::Change::Reworded);
        if (a.label != b.label)
            d.details.append(changedText(QStringLiteral("Question"), a.label, b.label));
        if (a.help != b.help)
            d.details.append(changedText(QStringLiteral("Help"), a.help, b.help));
    }
    compareOptions(a, b, d);
    if (a.translations != b.translations) {
        d.changes.append(ItemDiff::Change::TranslationChanged);
        QStringList languages;
        for (const QString &lang : a.translations.keys() + b.translations.keys()) {
            if (!languages.contains(lang) && a.translations.value(lang) != b.translations.value(lang))
                languages.append(lang);
        }
        d.details.append(QStringLiteral("Translation changed: %1").arg(languages.join(QStringLiteral(", "))));
    }
    bool other = false;
    auto note = [&](const QString &what, const QJsonValue &before, const QJsonValue &after) {
        if (before == after)
            return;
        other = true;
        d.details.append(QStringLiteral("%1: %2 became %3").arg(what, compact(before), compact(after)));
    };
    note(QStringLiteral("Required"), a.required, b.required);
    note(QStringLiteral("Requirements"), TemplateJson::fromStrings(a.requirements),
         TemplateJson::fromStrings(b.requirements));
    note(QStringLiteral("Shown when"), TemplateJson::fromShowIf(a.showIf), TemplateJson::fromShowIf(b.showIf));
    note(QStringLiteral("Columns"), TemplateJson::fromColumns(a.columns), TemplateJson::fromColumns(b.columns));
    note(QStringLiteral("Format"), a.format, b.format);
    note(QStringLiteral("Minimum"), a.min ? QJsonValue(*a.min) : QJsonValue(),
         b.min ? QJsonValue(*b.min) : QJsonValue());
    note(QStringLiteral("Maximum"), a.max ? QJsonValue(*a.max) : QJsonValue(),
         b.max ? QJsonValue(*b.max) : QJsonValue());
    note(QStringLiteral("Unit"), a.unit, b.unit);
    note(QStringLiteral("Note"), a.note, b.note);
    if (other)
        d.changes.append(ItemDiff::Change::OtherChanged);
}

QStringList itemOrder(const Template &t, const Template &other)
{
    QStringList ids;
    for (const Item *item : t.allItems()) {
        if (other.findItem(item->id))
            ids.append(item->id);
    }
    return ids;
}

} // namespace

const ItemDiff *TemplateDiff::item(const QString &id) const
{
    for (const ItemDiff &d : items) {
        if (d.itemId == id)
            return &d;
    }
    return nullptr;
}

QString TemplateDiff::changeName(ItemDiff::Change change)
{
    switch (change) {
    case ItemDiff::Change::Added:
        return QStringLiteral("added");
    case ItemDiff::Change::Removed:
        return QStringLiteral("removed");
    case ItemDiff::Change::Moved:
        return QStringLiteral("moved");
    case ItemDiff::Change::Reworded:
        return QStringLiteral("reworded");
    case ItemDiff::Change::OptionsChanged:
        return QStringLiteral("options changed");
    case ItemDiff::Change::TypeChanged:
        return QStringLiteral("type changed");
    case ItemDiff::Change::TranslationChanged:
        return QStringLiteral("translation changed");
    case ItemDiff::Change::OtherChanged:
        return QStringLiteral("settings changed");
    }
    return {};
}

QString TemplateDiff::changeName(SectionDiff::Change change)
{
    switch (change) {
    case SectionDiff::Change::Added:
        return QStringLiteral("added");
    case SectionDiff::Change::Removed:
        return QStringLiteral("removed");
    case SectionDiff::Change::Moved:
        return QStringLiteral("moved");
    case SectionDiff::Change::Retitled:
        return QStringLiteral("retitled");
    case SectionDiff::Change::OtherChanged:
        return QStringLiteral("settings changed");
    }
    return {};
}

TemplateDiff diffTemplates(const Template &from, const Template &to)
{
    TemplateDiff diff;
    diff.templateId = to.id;
    diff.title = to.title;
    diff.fromVersion = from.version;
    diff.toVersion = to.version;
    if (from.title != to.title)
        diff.templateDetails.append(changedText(QStringLiteral("Title"), from.title, to.title));
    if (from.languages != to.languages)
        diff.templateDetails.append(
            QStringLiteral("Languages: %1 became %2")
                .arg(from.languages.join(QStringLiteral(", ")), to.languages.join(QStringLiteral(", "))));
    if (from.requirementSet != to.requirementSet)
        diff.templateDetails.append(
            changedText(QStringLiteral("Requirement set"), from.requirementSet, to.requirementSet));
    if (from.translations != to.translations)
        diff.templateDetails.append(QStringLiteral("Title translation changed"));

    // Sections.
    QStringList sectionsA, sectionsB;
    for (const Section &s : from.sections) {
        if (to.findSection(s.id))
            sectionsA.append(s.id);
    }
    for (const Section &s : to.sections) {
        if (from.findSection(s.id))
            sectionsB.append(s.id);
    }
    const QSet<QString> sectionsKept = keptOrder(sectionsA, sectionsB);
    for (const Section &s : to.sections) {
        SectionDiff d;
        d.sectionId = s.id;
        d.titleAfter = s.title;
        const Section *old = from.findSection(s.id);
        if (!old) {
            d.changes.append(SectionDiff::Change::Added);
        } else {
            d.titleBefore = old->title;
            if (!sectionsKept.contains(s.id))
                d.changes.append(SectionDiff::Change::Moved);
            if (old->title != s.title) {
                d.changes.append(SectionDiff::Change::Retitled);
                d.details.append(changedText(QStringLiteral("Title"), old->title, s.title));
            }
            if (old->help != s.help || old->showIf != s.showIf || old->translations != s.translations) {
                d.changes.append(SectionDiff::Change::OtherChanged);
                if (old->help != s.help)
                    d.details.append(changedText(QStringLiteral("Help"), old->help, s.help));
            }
        }
        if (!d.changes.isEmpty())
            diff.sections.append(d);
    }
    for (const Section &s : from.sections) {
        if (!to.findSection(s.id))
            diff.sections.append({s.id, s.title, {}, {SectionDiff::Change::Removed}, {}});
    }

    // Items: moved when their section changed or they left the order the others kept.
    const QSet<QString> itemsKept = keptOrder(itemOrder(from, to), itemOrder(to, from));
    for (const Item *item : to.allItems()) {
        ItemDiff d;
        d.itemId = item->id;
        d.labelAfter = item->label;
        d.sectionAfter = to.sectionOfItem(item->id)->id;
        const Item *old = from.findItem(item->id);
        if (!old) {
            d.changes.append(ItemDiff::Change::Added);
        } else {
            d.labelBefore = old->label;
            d.sectionBefore = from.sectionOfItem(item->id)->id;
            if (d.sectionBefore != d.sectionAfter || !itemsKept.contains(item->id)) {
                d.changes.append(ItemDiff::Change::Moved);
                if (d.sectionBefore != d.sectionAfter)
                    d.details.append(QStringLiteral("Moved from section %1 to %2")
                                         .arg(quoted(from.sectionOfItem(item->id)->title),
                                              quoted(to.sectionOfItem(item->id)->title)));
                else
                    d.details.append(QStringLiteral("Moved within its section"));
            }
            compareItems(*old, *item, d);
        }
        if (!d.changes.isEmpty())
            diff.items.append(d);
    }
    for (const Item *item : from.allItems()) {
        if (to.findItem(item->id))
            continue;
        ItemDiff d;
        d.itemId = item->id;
        d.labelBefore = item->label;
        d.sectionBefore = from.sectionOfItem(item->id)->id;
        d.changes.append(ItemDiff::Change::Removed);
        diff.items.append(d);
    }
    return diff;
}

} // namespace coform
