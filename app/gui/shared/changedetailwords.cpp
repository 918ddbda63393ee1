#include "shared/changedetailwords.h"

#include "edit/propertywords.h"

#include "common/templatewords.h"

#include <QCoreApplication>
#include <QJsonArray>
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
            if (entry.isObject()) {
                const QJsonObject o = entry.toObject();
                const QString label = o.value(QStringLiteral("label")).toString();
                lines << (label.isEmpty() ? QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) : label);
            } else {
                lines << valueText(entry);
            }
        }
        return lines.isEmpty() ? tr("(nothing)") : lines.join(QLatin1Char('\n'));
    }
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented));
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return tr("(nothing)");
}

QString propertyName(const QString &property)
{
    return propertyWords(property);
}

} // namespace coform::ChangeDetailWords
