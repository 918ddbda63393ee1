#include "shared/changedetailwords.h"

#include "edit/mergewords.h"
#include "edit/propertywords.h"

#include "common/templatewords.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QStringList>

namespace coform::ChangeDetailWords {

namespace {
QString tr(const char *text)
{
    // The translation context keeps the name these words had (PanelWords), which forms/edit/propertywords.cpp uses too.
    return QCoreApplication::translate("coform::PanelWords", text);
}
} // namespace

QString when(const QDateTime &time)
{
    if (!time.isValid())
        return tr("unknown time");
    const QDateTime local = time.toLocalTime();
    return tr("%1 at %2").arg(local.toString(QStringLiteral("d MMM yyyy")), local.toString(QStringLiteral("HH:mm")));
}

QString itemDescription(const Item &item)
{
    QStringList lines;
    lines << tr("Question: %1").arg(item.label);
    lines << tr("Kind of answer: %1").arg(TemplateWords::itemTypeDescription(item.type));
    if (!item.help.isEmpty())
        lines << tr("Help shown with it: %1").arg(item.help);
    if (itemTypeIsAnswerable(item.type))
        lines << (item.required ? tr("Must be answered: yes") : tr("Must be answered: no"));
    if (!item.options.isEmpty()) {
        lines << tr("Choices:");
        for (const Option &option : item.options)
            lines << QStringLiteral("  - %1").arg(option.label);
    }
    if (!item.columns.isEmpty()) {
        lines << tr("Columns:");
        for (const Column &column : item.columns)
            lines << QStringLiteral("  - %1").arg(column.label);
    }
    if (!item.unit.isEmpty())
        lines << tr("Unit: %1").arg(item.unit);
    return lines.join(QLatin1Char('\n'));
}

QString valueText(const QJsonValue &value)
{
    // The merge's words for a value (the same in the command line's update plan), but a settings object laid out
    // over several lines, as the conflict dialog has room for.
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented));
    return MergeWords::value(value);
}

QString propertyName(const QString &property)
{
    return propertyWords(property);
}

} // namespace coform::ChangeDetailWords
