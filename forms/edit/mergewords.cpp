#include "edit/mergewords.h"

#include "edit/editproperties.h"
#include "edit/propertywords.h"
#include "model/translationstamps.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace coform {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("coform::MergeWords", text);
}

const char *const itemProperties[] = {"type",         "label",  "help", "required", "requirements", "options",
                                      "columns",      "format", "min",  "max",      "unit",         "prefill",
                                      "carryForward", "showIf", "note", "picture"};

QString joinWords(const QStringList &parts)
{
    if (parts.size() <= 1)
        return parts.value(0);
    return tr("%1 and %2").arg(parts.mid(0, parts.size() - 1).join(QStringLiteral(", ")), parts.last());
}

} // namespace

QString MergeWords::question(const QString &itemId) const
{
    for (const Template *t : {&m_now, &m_theirs, &m_base}) {
        const Item *item = t->findItem(itemId);
        if (!item)
            continue;
        const int number = t->questionNumbers().value(itemId);
        if (item->type == ItemType::Info || number <= 0)
            return tr("the information text (%1)").arg(item->label);
        return tr("question %1 (%2)").arg(number).arg(item->label);
    }
    return tr("the question “%1”").arg(itemId);
}

QString MergeWords::section(const QString &sectionId) const
{
    for (const Template *t : {&m_now, &m_theirs, &m_base}) {
        for (int i = 0; i < t->sections.size(); ++i) {
            if (t->sections.at(i).id == sectionId)
                return tr("section %1 (%2)").arg(i + 1).arg(t->sections.at(i).title);
        }
    }
    return tr("the section “%1”").arg(sectionId);
}

QString MergeWords::property(const QString &property, const QString &language)
{
    QString words;
    if (property.startsWith(QLatin1String("option:")))
        words = tr("the choice “%1”").arg(property.mid(7));
    else if (property.startsWith(QLatin1String("optionDescription:")))
        words = tr("the description of the choice “%1”").arg(property.mid(18));
    else if (property.startsWith(QLatin1String("column:")))
        words = tr("the column “%1”").arg(property.mid(7));
    else if (property.startsWith(QLatin1String("optionPictureAlt:")))
        words = tr("the words for the picture of the choice “%1”").arg(property.mid(17));
    else
        words = tr("the %1").arg(propertyWords(property));
    if (language.isEmpty())
        return words;
    return tr("%1 in %2").arg(words, TranslationStamps::languageName(language));
}

QString MergeWords::what(const Edit &edit) const
{
    switch (edit.kind) {
    case Edit::Kind::SetTemplateProperty:
        return tr("%1 of the form").arg(property(edit.property));
    case Edit::Kind::SetSectionProperty:
        return tr("%1 of %2").arg(property(edit.property), section(edit.section));
    case Edit::Kind::SetItemProperty:
        return tr("%1 of %2").arg(property(edit.property), question(edit.item));
    case Edit::Kind::SetTranslation: {
        const QString target = !edit.item.isEmpty()      ? question(edit.item)
                               : !edit.section.isEmpty() ? section(edit.section)
                                                         : tr("the form");
        return tr("%1 of %2").arg(property(edit.property, edit.language), target);
    }
    case Edit::Kind::InsertItem:
    case Edit::Kind::RemoveItem:
        return question(edit.item);
    case Edit::Kind::MoveItem:
        return tr("the place of %1").arg(question(edit.item));
    case Edit::Kind::InsertSection:
    case Edit::Kind::RemoveSection:
        return section(edit.section);
    case Edit::Kind::MoveSection:
        return tr("the place of %1").arg(section(edit.section));
    case Edit::Kind::Macro:
        break;
    }
    return edit.description;
}

QString MergeWords::value(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString().isEmpty() ? tr("(nothing)") : value.toString();
    case QJsonValue::Bool:
        return value.toBool() ? tr("Yes") : tr("No");
    case QJsonValue::Double:
        return QString::number(value.toDouble());
    case QJsonValue::Array: {
        QStringList lines;
        for (const QJsonValue &entry : value.toArray()) {
            const QString label = entry.toObject().value(QLatin1String("label")).toString();
            lines << (entry.isObject()
                          ? (label.isEmpty()
                                 ? QString::fromUtf8(QJsonDocument(entry.toObject()).toJson(QJsonDocument::Compact))
                                 : label)
                          : MergeWords::value(entry));
        }
        return lines.isEmpty() ? tr("(nothing)") : lines.join(QLatin1Char('\n'));
    }
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return tr("(nothing)");
}

QString MergeWords::itemPlace(const QString &sectionId, const QString &afterItemId) const
{
    if (afterItemId.isEmpty())
        return tr("at the start of %1").arg(section(sectionId));
    return tr("in %1, after %2").arg(section(sectionId), question(afterItemId));
}

QString MergeWords::sectionPlace(const QString &afterSectionId) const
{
    if (afterSectionId.isEmpty())
        return tr("first in the form");
    return tr("after %1").arg(section(afterSectionId));
}

QString MergeWords::itemDifferences(const Item &from, const Item &to)
{
    QStringList parts;
    for (const char *p : itemProperties) {
        const QString prop = QLatin1String(p);
        if (EditProperties::itemProperty(from, prop) != EditProperties::itemProperty(to, prop))
            parts << propertyWords(prop);
    }
    QStringList languages = from.translations.keys() + to.translations.keys();
    languages.removeDuplicates();
    for (const QString &language : languages) {
        if (from.translations.value(language) != to.translations.value(language))
            parts << TranslationStamps::languageName(language);
    }
    return tr("its %1").arg(joinWords(parts));
}

QString MergeWords::kept(const Edit &edit) const
{
    switch (edit.kind) {
    case Edit::Kind::InsertItem:
        return tr("You added %1").arg(question(edit.item));
    case Edit::Kind::RemoveItem:
        return tr("You removed %1").arg(question(edit.item));
    case Edit::Kind::InsertSection:
        return tr("You added %1").arg(section(edit.section));
    case Edit::Kind::RemoveSection:
        return tr("You removed %1").arg(section(edit.section));
    case Edit::Kind::MoveItem:
        return tr("You moved %1").arg(question(edit.item));
    case Edit::Kind::MoveSection:
        return tr("You moved %1").arg(section(edit.section));
    default:
        return tr("You changed %1").arg(what(edit));
    }
}

} // namespace coform
