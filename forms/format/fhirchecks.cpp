#include "fhirreader.h"

#include "format/fhirvocabulary.h"
#include "model/jsonreader.h"

#include <QFileInfo>

#include <algorithm>

namespace coform {

using namespace FhirVocabulary;
using namespace FhirRead;

bool FhirReader::checkVersion(const QJsonObject &root)
{
    const QJsonArray profiles = root.value(QLatin1String("meta")).toObject().value(QLatin1String("profile")).toArray();
    for (const QJsonValue &p : profiles) {
        const QString profile = p.toString();
        if (profile.contains(QLatin1String("/3.0/")) || profile.contains(QLatin1String("STU3"))) {
            m_report.refuse(QStringLiteral("this is a FHIR STU3 Questionnaire (profile %1); only FHIR R4 can be "
                                           "imported")
                                .arg(profile));
            return false;
        }
        if (profile.contains(QLatin1String("/5.0/")) || profile.contains(QLatin1String("/R5/"))) {
            m_report.refuse(QStringLiteral("this is a FHIR R5 Questionnaire (profile %1); only FHIR R4 can be imported")
                                .arg(profile));
            return false;
        }
    }
    for (const char *key : {"versionAlgorithmString", "versionAlgorithmCoding", "copyrightLabel"}) {
        if (root.contains(QLatin1String(key))) {
            m_report.refuse(QStringLiteral("this is a FHIR R5 Questionnaire (it has '%1'); only FHIR R4 can be "
                                           "imported")
                                .arg(QLatin1String(key)));
            return false;
        }
    }
    // Look through the items (bounded: at most maxItems objects, iteratively).
    QVector<QJsonArray> stack{root.value(QLatin1String("item")).toArray()};
    int seen = 0;
    while (!stack.isEmpty()) {
        const QJsonArray items = stack.takeLast();
        for (const QJsonValue &v : items) {
            if (++seen > m_limits.maxItems)
                return true; // withinBudget() refuses it later with the right message
            const QJsonObject item = v.toObject();
            const QString linkId = str(item, "linkId");
            QString stu3;
            for (auto it = item.constBegin(); it != item.constEnd(); ++it) {
                const QString key = it.key();
                if ((key.startsWith(QLatin1String("initial")) && key != QLatin1String("initial"))
                    || key == QLatin1String("option") || key == QLatin1String("options"))
                    stu3 = key;
            }
            for (const QJsonValue &c : item.value(QLatin1String("enableWhen")).toArray()) {
                if (c.toObject().contains(QLatin1String("hasAnswer")))
                    stu3 = QStringLiteral("enableWhen.hasAnswer");
            }
            if (!stu3.isEmpty()) {
                m_report.refuse(QStringLiteral("this is a FHIR STU3 Questionnaire (item '%1' uses '%2'); only FHIR "
                                               "R4 can be imported")
                                    .arg(linkId, stu3));
                return false;
            }
            const QString type = str(item, "type");
            QString r5;
            if (type == QLatin1String("coding") || type == QLatin1String("question"))
                r5 = QStringLiteral("type '%1'").arg(type);
            for (const char *key : {"answerConstraint", "disabledDisplay"}) {
                if (item.contains(QLatin1String(key)))
                    r5 = QStringLiteral("'%1'").arg(QLatin1String(key));
            }
            if (!r5.isEmpty()) {
                m_report.refuse(QStringLiteral("this is a FHIR R5 Questionnaire (item '%1' uses %2); only FHIR R4 "
                                               "can be imported")
                                    .arg(linkId, r5));
                return false;
            }
            if (item.value(QLatin1String("item")).isArray())
                stack.append(item.value(QLatin1String("item")).toArray());
        }
    }
    return true;
}

void FhirReader::tidy()
{
    auto blank = [](const QString &s) { return s.trimmed().isEmpty(); };
    if (blank(m_t.title))
        m_t.title = QStringLiteral("Imported questionnaire");
    QStringList languages;
    for (const QString &l : m_t.languages) {
        if (JsonReader::isValidLanguage(l) && !languages.contains(l))
            languages << l;
        else if (!l.isEmpty())
            lose({}, QStringLiteral("Questionnaire"),
                 QStringLiteral("texts in the language '%1', which is not a language tag Coform knows").arg(l),
                 ImportNote::Topic::Texts, QStringLiteral("language was left out|languages were left out"),
                 QStringLiteral("their language tags are not ones Coform knows"));
    }
    if (languages.isEmpty() || languages.first() != m_t.languages.value(0))
        languages.prepend(QStringLiteral("en"));
    languages.removeDuplicates();
    m_t.languages = languages;
    auto keepLanguages = [&](QMap<QString, Translation> &translations) {
        for (auto it = translations.begin(); it != translations.end();) {
            if (it.key() == languages.first() || !languages.contains(it.key()))
                it = translations.erase(it);
            else
                ++it;
        }
    };
    keepLanguages(m_t.translations);
    for (qsizetype si = 0; si < m_t.sections.size(); ++si) {
        Section &section = m_t.sections[si];
        if (blank(section.title))
            section.title = QStringLiteral("Section %1").arg(si + 1);
        keepLanguages(section.translations);
        for (Item &item : section.items) {
            keepLanguages(item.translations);
            if (blank(item.label))
                item.label = readableName(item.id);
            for (Option &o : item.options) {
                if (blank(o.label))
                    o.label = o.value;
            }
            for (Column &c : item.columns) {
                if (blank(c.label))
                    c.label = readableName(c.id);
            }
            QStringList requirements;
            for (const QString &r : item.requirements) {
                if (!blank(r) && !requirements.contains(r))
                    requirements << r;
            }
            item.requirements = requirements;
            static const QStringList formats{QStringLiteral("nhs-number"), QStringLiteral("email"),
                                             QStringLiteral("phone"), QStringLiteral("postcode")};
            if (!item.format.isEmpty() && (item.type != ItemType::Text || !formats.contains(item.format)))
                item.format.clear();
            if (item.min && item.max && *item.min > *item.max) {
                lose(item.id, item.id,
                     QStringLiteral("the limits %1 to %2, as the lower is above the upper")
                         .arg(*item.min)
                         .arg(*item.max),
                     ImportNote::Topic::Limits,
                     QStringLiteral("question lost a limit on its answer|questions lost a limit on their answer"),
                     QStringLiteral("the lower limit was above the upper"));
                item.min.reset();
                item.max.reset();
            }
        }
    }
}

} // namespace coform
