#include "shared/changewords.h"

#include "common/templatewords.h"
#include "shared/changedetailwords.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace coform::ChangeWords {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("coform::ChangeWords", text);
}

QString propertyWords(const QString &property)
{
    if (property == QLatin1String("label"))
        return tr("wording");
    if (property.startsWith(QLatin1String("option:")))
        return tr("choice \u201c%1\u201d").arg(property.mid(7));
    if (property.startsWith(QLatin1String("optionDescription:")))
        return tr("description of the choice \u201c%1\u201d").arg(property.mid(18));
    if (property.startsWith(QLatin1String("column:")))
        return tr("column \u201c%1\u201d").arg(property.mid(7));
    return ChangeDetailWords::propertyName(property);
}

/// "question 5, What is your full name?" or "the information text, Please read this first".
QString questionWords(const QString &itemId, const QString &wording, const Template &now)
{
    const Item *item = now.findItem(itemId);
    const QString words = wording.isEmpty() && item ? item->label : wording;
    const int number = now.questionNumbers().value(itemId);
    if (item && item->type != ItemType::Info && number > 0)
        return words.isEmpty() ? tr("question %1").arg(number) : tr("question %1, %2").arg(number).arg(words);
    if (item)
        return tr("the information text, %1").arg(words);
    return words.isEmpty() ? tr("a question that has since been removed (%1)").arg(itemId)
                           : tr("the question %1").arg(words);
}

QString sectionWords(const QString &sectionId, const QString &title, const Template &now)
{
    for (int i = 0; i < now.sections.size(); ++i) {
        if (now.sections.at(i).id == sectionId)
            return tr("section %1, %2").arg(i + 1).arg(title.isEmpty() ? now.sections.at(i).title : title);
    }
    return title.isEmpty() ? tr("a section that has since been removed (%1)").arg(sectionId)
                           : tr("the section %1").arg(title);
}

QString labelIn(const QJsonValue &value, const char *key, const char *field)
{
    return value.toObject().value(QLatin1String(key)).toObject().value(QLatin1String(field)).toString();
}

} // namespace

QString whatChanged(const Edit &edit, const Template &now)
{
    switch (edit.kind) {
    case Edit::Kind::SetTemplateProperty:
        return tr("changed the %1 of the form").arg(propertyWords(edit.property));
    case Edit::Kind::SetSectionProperty:
        return tr("changed the %1 of %2")
            .arg(propertyWords(edit.property),
                 sectionWords(edit.section, edit.property == QLatin1String("title") ? edit.after.toString() : QString(),
                              now));
    case Edit::Kind::SetItemProperty:
        return tr("changed the %1 of %2")
            .arg(propertyWords(edit.property),
                 questionWords(edit.item, edit.property == QLatin1String("label") ? edit.after.toString() : QString(),
                               now));
    case Edit::Kind::SetTranslation: {
        const QString target = !edit.item.isEmpty()      ? questionWords(edit.item, QString(), now)
                               : !edit.section.isEmpty() ? sectionWords(edit.section, QString(), now)
                                                         : tr("the form");
        return tr("changed the %1 translation of the %2 of %3")
            .arg(TemplateWords::languageName(edit.language), propertyWords(edit.property), target);
    }
    case Edit::Kind::InsertSection:
        return tr("added %1").arg(sectionWords(edit.section, labelIn(edit.after, "section", "title"), now));
    case Edit::Kind::RemoveSection:
        return tr("removed %1").arg(sectionWords(edit.section, labelIn(edit.before, "section", "title"), now));
    case Edit::Kind::MoveSection:
        return tr("moved %1").arg(sectionWords(edit.section, QString(), now));
    case Edit::Kind::InsertItem:
        return tr("added %1").arg(questionWords(edit.item, labelIn(edit.after, "item", "label"), now));
    case Edit::Kind::RemoveItem:
        return tr("removed %1").arg(questionWords(edit.item, labelIn(edit.before, "item", "label"), now));
    case Edit::Kind::MoveItem:
        return tr("moved %1").arg(questionWords(edit.item, QString(), now));
    case Edit::Kind::Macro:
        if (!edit.description.isEmpty())
            return edit.description.left(1).toLower() + edit.description.mid(1);
        return tr("made %1 changes at once").arg(edit.children.size());
    }
    return edit.summary();
}

QString sentence(const ChangeRecord &record, const Template &now)
{
    return tr("%1 %2").arg(record.userName, whatChanged(record.edit, now));
}

} // namespace coform::ChangeWords
