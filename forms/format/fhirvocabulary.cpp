#include "fhirvocabulary.h"

#include <QJsonArray>

namespace coform::FhirVocabulary {

QString coformUrl(const char *name)
{
    return QLatin1String(coformBase) + QLatin1String(name);
}

QVector<QJsonObject> extensions(const QJsonObject &element, const QString &url)
{
    QVector<QJsonObject> out;
    const QJsonArray list = element.value(QLatin1String("extension")).toArray();
    for (const QJsonValue &v : list) {
        const QJsonObject e = v.toObject();
        if (e.value(QLatin1String("url")).toString() == url)
            out.append(e);
    }
    return out;
}

QJsonObject extension(const QString &url, const char *valueKey, const QJsonValue &value)
{
    QJsonObject e;
    e.insert(QLatin1String("url"), url);
    e.insert(QLatin1String(valueKey), value);
    return e;
}

QMap<QString, QString> translations(const QJsonObject &owner, const QString &name)
{
    QMap<QString, QString> out;
    const QJsonObject companion = owner.value(QLatin1Char('_') + name).toObject();
    for (const QJsonObject &t : extensions(companion, QLatin1String(translation))) {
        QString lang;
        QString content;
        for (const QJsonValue &part : t.value(QLatin1String("extension")).toArray()) {
            const QJsonObject p = part.toObject();
            const QString partUrl = p.value(QLatin1String("url")).toString();
            if (partUrl == QLatin1String("lang"))
                lang = p.value(QLatin1String("valueCode")).toString();
            else if (partUrl == QLatin1String("content"))
                content = p.value(QLatin1String("valueString")).toString();
        }
        if (!lang.isEmpty() && !content.isEmpty())
            out.insert(lang, content);
    }
    return out;
}

void setTranslations(QJsonObject *owner, const QString &name, const QMap<QString, QString> &byLanguage)
{
    QJsonArray list;
    for (auto it = byLanguage.cbegin(); it != byLanguage.cend(); ++it) {
        if (it.value().isEmpty())
            continue;
        QJsonArray parts;
        parts.append(extension(QStringLiteral("lang"), "valueCode", it.key()));
        parts.append(extension(QStringLiteral("content"), "valueString", it.value()));
        QJsonObject t;
        t.insert(QLatin1String("url"), QLatin1String(translation));
        t.insert(QLatin1String("extension"), parts);
        list.append(t);
    }
    if (list.isEmpty())
        return;
    QJsonObject companion;
    companion.insert(QLatin1String("extension"), list);
    owner->insert(QLatin1Char('_') + name, companion);
}

QStringList itemControlCodes(const QJsonObject &item)
{
    QStringList codes;
    for (const QJsonObject &e : extensions(item, QLatin1String(itemControl))) {
        const QJsonObject valueConcept = e.value(QLatin1String("valueCodeableConcept")).toObject();
        for (const QJsonValue &c : valueConcept.value(QLatin1String("coding")).toArray()) {
            const QString code = c.toObject().value(QLatin1String("code")).toString();
            if (!code.isEmpty())
                codes << code;
        }
    }
    return codes;
}

} // namespace coform::FhirVocabulary
