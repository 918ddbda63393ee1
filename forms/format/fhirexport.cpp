#include "fhirexport.h"

#include "format/fhirpictures.h"
#include "format/fhirvocabulary.h"
#include "model/prefill.h"
#include "model/visibility.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

namespace coform {

using namespace FhirVocabulary;

namespace {

const QString signatureName = QStringLiteral("name");
const QString signatureDate = QStringLiteral("date");
const QString signatureDeclined = QStringLiteral("declined-reason");

/// FHIR linkIds for every section, item and table column. An item imported from FHIR gets its original linkId back
/// (kept in its note as "FHIR linkId: ..."); everything else uses its coform id.
class LinkIds
{
public:
    explicit LinkIds(const Template &t)
    {
        static const QRegularExpression original(QStringLiteral("^FHIR linkId: (.+)$"),
                                                 QRegularExpression::MultilineOption);
        for (const Section &s : t.sections)
            m_taken.insert(s.id);
        for (const Item *item : t.allItems())
            m_taken.insert(item->id);
        for (const Section &s : t.sections)
            m_byId.insert(s.id, s.id);
        for (const Item *item : t.allItems()) {
            const QRegularExpressionMatch m = original.match(item->note);
            QString linkId = item->id;
            if (m.hasMatch() && !m_taken.contains(m.captured(1))) {
                linkId = m.captured(1);
                m_taken.insert(linkId);
            }
            m_byId.insert(item->id, linkId);
        }
    }
    QString of(const QString &id) const { return m_byId.value(id, id); }
    QString column(const Item &item, const QString &columnId) const { return of(item.id) + '.' + columnId; }

private:
    QHash<QString, QString> m_byId;
    QSet<QString> m_taken;
};

void addExtension(QJsonObject *element, const QJsonObject &extension)
{
    QJsonArray list = element->value(QLatin1String("extension")).toArray();
    list.append(extension);
    element->insert(QLatin1String("extension"), list);
}

void setText(QJsonObject *element, const char *key, const QString &text)
{
    if (!text.isEmpty())
        element->insert(QLatin1String(key), text);
}

/// `get` picks one text out of a translation; languages without it are left out.
template<typename Getter> QMap<QString, QString> translated(const QMap<QString, Translation> &translations, Getter get)
{
    QMap<QString, QString> out;
    for (auto it = translations.cbegin(); it != translations.cend(); ++it) {
        const QString text = get(it.value());
        if (!text.isEmpty())
            out.insert(it.key(), text);
    }
    return out;
}

QJsonObject helpDisplay(const QString &linkId, const QString &help, const QMap<QString, QString> &helpTranslations)
{
    QJsonObject display;
    QJsonObject coding;
    coding.insert(QLatin1String("system"), QLatin1String(itemControlSystem));
    coding.insert(QLatin1String("code"), QStringLiteral("help"));
    coding.insert(QLatin1String("display"), QStringLiteral("Help-Button"));
    QJsonObject valueConcept;
    valueConcept.insert(QLatin1String("coding"), QJsonArray{coding});
    addExtension(&display, extension(QLatin1String(itemControl), "valueCodeableConcept", valueConcept));
    display.insert(QLatin1String("linkId"), linkId + QStringLiteral(".help"));
    display.insert(QLatin1String("text"), help);
    setTranslations(&display, QStringLiteral("text"), helpTranslations);
    display.insert(QLatin1String("type"), QStringLiteral("display"));
    return display;
}

QJsonObject simpleQuestion(const QString &linkId, const QString &text, const char *type)
{
    QJsonObject q;
    q.insert(QLatin1String("linkId"), linkId);
    setText(&q, "text", text);
    q.insert(QLatin1String("type"), QLatin1String(type));
    return q;
}

/// enableWhen for a showIf: one condition, or one a value with enableBehavior "any".
void addEnableWhen(QJsonObject *element, const std::optional<ShowIf> &showIf, const Template &t, const LinkIds &ids)
{
    if (!showIf)
        return;
    const Item *target = t.findItem(showIf->item);
    if (!target)
        return;
    const QJsonArray values = showIf->kind == ShowIf::Kind::Equals ? QJsonArray{showIf->equals} : showIf->in;
    QJsonArray conditions;
    for (const QJsonValue &v : values) {
        QJsonObject c;
        c.insert(QLatin1String("question"), ids.of(target->id));
        c.insert(QLatin1String("operator"), QStringLiteral("="));
        switch (target->type) {
        case ItemType::YesNo:
            c.insert(QLatin1String("answerBoolean"), v.toBool());
            break;
        case ItemType::Choice:
        case ItemType::MultiChoice:
        case ItemType::Scale: {
            QJsonObject coding;
            coding.insert(QLatin1String("code"), v.toString());
            if (const Option *o = target->option(v.toString()); o && !o->label.isEmpty())
                coding.insert(QLatin1String("display"), o->label);
            c.insert(QLatin1String("answerCoding"), coding);
            break;
        }
        case ItemType::Number:
            c.insert(QLatin1String("answerDecimal"), v.toDouble());
            break;
        case ItemType::Date:
            c.insert(QLatin1String("answerDate"), v.toString());
            break;
        default:
            c.insert(QLatin1String("answerString"), v.toVariant().toString());
            break;
        }
        conditions.append(c);
    }
    if (conditions.isEmpty())
        return;
    element->insert(QLatin1String("enableWhen"), conditions);
    // "any" also on a single condition of an `in` list, so that importing it gives `in` back, not `equals`.
    if (conditions.size() > 1 || showIf->kind == ShowIf::Kind::In)
        element->insert(QLatin1String("enableBehavior"), QStringLiteral("any"));
}

QJsonObject itemToFhir(const Template &t, const Item &item, const LinkIds &ids)
{
    const QString linkId = ids.of(item.id);
    QJsonObject q;
    if (linkId != item.id)
        addExtension(&q, extension(coformUrl(extId), "valueString", item.id));
    if (!item.note.isEmpty())
        addExtension(&q, extension(coformUrl(extNote), "valueString", item.note));
    for (const QString &r : item.requirements)
        addExtension(&q, extension(coformUrl(extRequirement), "valueString", r));
    if (!item.prefill.isEmpty()) {
        addExtension(&q, extension(coformUrl(extPrefill), "valueCode", item.prefill));
        const QString path = item.prefill == QLatin1String(Prefill::Name) ? QStringLiteral("%patient.name.first().text")
                             : item.prefill == QLatin1String(Prefill::NhsNumber)
                                 ? QStringLiteral("%patient.identifier.where(system = '%1').value.first()")
                                       .arg(QLatin1String(nhsNumberSystem))
                                 : QStringLiteral("%patient.birthDate");
        addExtension(&q, extension(QLatin1String(sdcInitialExpression), "valueExpression",
                                   QJsonObject{{QStringLiteral("language"), QStringLiteral("text/fhirpath")},
                                               {QStringLiteral("expression"), path}}));
    }
    if (!item.carryForward)
        addExtension(&q, extension(coformUrl(extCarryForward), "valueBoolean", false));
    q.insert(QLatin1String("linkId"), linkId);
    setText(&q, "text", item.label);
    setTranslations(&q, QStringLiteral("text"),
                    translated(item.translations, [](const Translation &tr) { return tr.label; }));
    if (item.picture)
        FhirPictures::add(&q, FhirPictures::itemMedia, *item.picture,
                          translated(item.translations, [](const Translation &tr) { return tr.pictureAlt; }));
    QJsonArray children;
    const char *type = "string";
    switch (item.type) {
    case ItemType::Info:
        type = "display";
        break;
    case ItemType::Text:
        if (!item.format.isEmpty())
            addExtension(&q, extension(coformUrl(extTextFormat), "valueCode", item.format));
        break;
    case ItemType::Textarea:
        type = "text";
        break;
    case ItemType::YesNo:
        type = "boolean";
        break;
    case ItemType::Choice:
    case ItemType::MultiChoice:
    case ItemType::Scale: {
        type = "choice";
        if (item.type == ItemType::Scale)
            addExtension(&q, extension(coformUrl(extItemType), "valueCode", QStringLiteral("scale")));
        if (item.type == ItemType::MultiChoice)
            q.insert(QLatin1String("repeats"), true);
        QJsonArray options;
        for (const Option &o : item.options) {
            QJsonObject coding;
            coding.insert(QLatin1String("code"), o.value);
            setText(&coding, "display", o.label);
            setTranslations(
                &coding, QStringLiteral("display"),
                translated(item.translations, [&](const Translation &tr) { return tr.options.value(o.value); }));
            QJsonObject option;
            if (!o.description.isEmpty()) {
                QJsonObject description = extension(coformUrl(extOptionDescription), "valueString", o.description);
                setTranslations(&description, QStringLiteral("valueString"),
                                translated(item.translations, [&](const Translation &tr) {
                                    return tr.optionDescriptions.value(o.value);
                                }));
                addExtension(&option, description);
            }
            if (o.picture)
                FhirPictures::add(&option, FhirPictures::answerMedia, *o.picture,
                                  translated(item.translations, [&](const Translation &tr) {
                                      return tr.optionPictureAlts.value(o.value);
                                  }));
            option.insert(QLatin1String("valueCoding"), coding);
            options.append(option);
        }
        if (!options.isEmpty())
            q.insert(QLatin1String("answerOption"), options);
        break;
    }
    case ItemType::Date:
        type = "date";
        break;
    case ItemType::Number: {
        type = "decimal";
        if (!item.unit.isEmpty()) {
            QJsonObject coding;
            coding.insert(QLatin1String("display"), item.unit);
            addExtension(&q, extension(QLatin1String(unit), "valueCoding", coding));
        }
        if (item.min)
            addExtension(&q, extension(QLatin1String(minValue), "valueDecimal", *item.min));
        if (item.max)
            addExtension(&q, extension(QLatin1String(maxValue), "valueDecimal", *item.max));
        break;
    }
    case ItemType::Table:
        type = "group";
        q.insert(QLatin1String("repeats"), true);
        for (const Column &c : item.columns) {
            QJsonObject column = simpleQuestion(ids.column(item, c.id), c.label, "string");
            if (ids.column(item, c.id) != c.id)
                addExtension(&column, extension(coformUrl(extId), "valueString", c.id));
            setTranslations(&column, QStringLiteral("text"), translated(item.translations, [&](const Translation &tr) {
                return tr.columns.value(c.id);
            }));
            children.append(column);
        }
        break;
    case ItemType::Signature:
        type = "group";
        addExtension(&q, extension(coformUrl(extItemType), "valueCode", QStringLiteral("signature")));
        children.append(simpleQuestion(linkId + '.' + signatureName, QStringLiteral("Name"), "string"));
        children.append(simpleQuestion(linkId + '.' + signatureDate, QStringLiteral("Date"), "date"));
        children.append(
            simpleQuestion(linkId + '.' + signatureDeclined, QStringLiteral("Reason for not signing"), "string"));
        break;
    }
    q.insert(QLatin1String("type"), QLatin1String(type));
    if (item.required && item.type != ItemType::Info)
        q.insert(QLatin1String("required"), true);
    addEnableWhen(&q, item.showIf, t, ids);
    if (!item.help.isEmpty()) {
        if (item.type == ItemType::Info) {
            // A display item cannot hold items: its help travels in an extension.
            QJsonObject help = extension(coformUrl(extHelp), "valueString", item.help);
            setTranslations(&help, QStringLiteral("valueString"),
                            translated(item.translations, [](const Translation &tr) { return tr.help; }));
            addExtension(&q, help);
        } else {
            children.prepend(helpDisplay(linkId, item.help,
                                         translated(item.translations, [](const Translation &tr) { return tr.help; })));
        }
    }
    if (!children.isEmpty())
        q.insert(QLatin1String("item"), children);
    return q;
}

QJsonArray answerValues(const Item &item, const QJsonValue &value)
{
    QJsonArray out;
    auto add = [&](const char *key, const QJsonValue &v) {
        QJsonObject a;
        a.insert(QLatin1String(key), v);
        out.append(a);
    };
    auto coding = [&](const QString &code) {
        QJsonObject c;
        c.insert(QLatin1String("code"), code);
        if (const Option *o = item.option(code); o && !o->label.isEmpty())
            c.insert(QLatin1String("display"), o->label);
        add("valueCoding", c);
    };
    switch (item.type) {
    case ItemType::Text:
    case ItemType::Textarea:
        if (value.isString() && !value.toString().isEmpty())
            add("valueString", value);
        break;
    case ItemType::YesNo:
        if (value.isBool())
            add("valueBoolean", value);
        break;
    case ItemType::Choice:
    case ItemType::Scale:
        if (value.isString() && !value.toString().isEmpty())
            coding(value.toString());
        break;
    case ItemType::MultiChoice:
        for (const QJsonValue &v : value.toArray()) {
            if (v.isString() && !v.toString().isEmpty())
                coding(v.toString());
        }
        break;
    case ItemType::Date:
        if (value.isString() && !value.toString().isEmpty())
            add("valueDate", value);
        break;
    case ItemType::Number:
        if (value.isDouble())
            add("valueDecimal", value);
        break;
    default:
        break;
    }
    return out;
}

QJsonObject answeredItem(const QString &linkId, const QString &text, const QJsonArray &answers)
{
    QJsonObject a;
    a.insert(QLatin1String("linkId"), linkId);
    setText(&a, "text", text);
    a.insert(QLatin1String("answer"), answers);
    return a;
}

/// The response items for one answer (a table gives one repetition a row).
QJsonArray responseItems(const Item &item, const QJsonValue &value, const LinkIds &ids)
{
    const QString linkId = ids.of(item.id);
    QJsonArray out;
    if (item.type == ItemType::Table) {
        for (const QJsonValue &rowValue : value.toArray()) {
            const QJsonObject row = rowValue.toObject();
            QJsonArray cells;
            for (const Column &c : item.columns) {
                const QString cell = row.value(c.id).toString();
                if (!cell.isEmpty())
                    cells.append(answeredItem(ids.column(item, c.id), c.label, {QJsonObject{{"valueString", cell}}}));
            }
            if (cells.isEmpty())
                continue;
            QJsonObject group{{"linkId", linkId}, {"item", cells}};
            setText(&group, "text", item.label);
            out.append(group);
        }
        return out;
    }
    if (item.type == ItemType::Signature) {
        const QJsonObject s = value.toObject();
        QJsonArray parts;
        if (!s.value(QLatin1String("name")).toString().isEmpty())
            parts.append(answeredItem(linkId + '.' + signatureName, QStringLiteral("Name"),
                                      {QJsonObject{{"valueString", s.value(QLatin1String("name"))}}}));
        if (!s.value(QLatin1String("date")).toString().isEmpty())
            parts.append(answeredItem(linkId + '.' + signatureDate, QStringLiteral("Date"),
                                      {QJsonObject{{"valueDate", s.value(QLatin1String("date"))}}}));
        if (!s.value(QLatin1String("declinedReason")).toString().isEmpty())
            parts.append(answeredItem(linkId + '.' + signatureDeclined, QStringLiteral("Reason for not signing"),
                                      {QJsonObject{{"valueString", s.value(QLatin1String("declinedReason"))}}}));
        if (!parts.isEmpty()) {
            QJsonObject group{{"linkId", linkId}, {"item", parts}};
            setText(&group, "text", item.label);
            out.append(group);
        }
        return out;
    }
    const QJsonArray answers = answerValues(item, value);
    if (!answers.isEmpty())
        out.append(answeredItem(linkId, item.label, answers));
    return out;
}

} // namespace

QString questionnaireUrl(const Template &t)
{
    return QStringLiteral("https://coform.org/fhir/Questionnaire/") + t.id;
}

QJsonObject questionnaireFromTemplate(const Template &t)
{
    const LinkIds ids(t);
    QJsonObject q;
    q.insert(QLatin1String("resourceType"), QStringLiteral("Questionnaire"));
    if (!t.id.isEmpty())
        q.insert(QLatin1String("id"), t.id);
    q.insert(QLatin1String("language"), t.sourceLanguage());
    for (const QString &l : t.languages)
        addExtension(&q, extension(coformUrl(extLanguage), "valueCode", l));
    if (!t.requirementSet.isEmpty())
        addExtension(&q, extension(coformUrl(extRequirementSet), "valueString", t.requirementSet));
    q.insert(QLatin1String("url"), questionnaireUrl(t));
    q.insert(QLatin1String("version"), QString::number(t.version));
    setText(&q, "title", t.title);
    setTranslations(&q, QStringLiteral("title"),
                    translated(t.translations, [](const Translation &tr) { return tr.title; }));
    q.insert(QLatin1String("status"), QStringLiteral("draft"));
    q.insert(QLatin1String("subjectType"), QJsonArray{QStringLiteral("Patient")});
    if (t.picturesInAllProfiles)
        addExtension(&q, extension(coformUrl(extPictures), "valueCode", QStringLiteral("all-profiles")));
    QJsonArray groups;
    for (const Section &s : t.sections) {
        QJsonObject g;
        g.insert(QLatin1String("linkId"), ids.of(s.id));
        setText(&g, "text", s.title);
        setTranslations(&g, QStringLiteral("text"),
                        translated(s.translations, [](const Translation &tr) { return tr.title; }));
        g.insert(QLatin1String("type"), QStringLiteral("group"));
        if (s.picture)
            FhirPictures::add(&g, FhirPictures::itemMedia, *s.picture,
                              translated(s.translations, [](const Translation &tr) { return tr.pictureAlt; }));
        addEnableWhen(&g, s.showIf, t, ids);
        QJsonArray items;
        if (!s.help.isEmpty())
            items.append(
                helpDisplay(s.id, s.help, translated(s.translations, [](const Translation &tr) { return tr.help; })));
        for (const Item &item : s.items)
            items.append(itemToFhir(t, item, ids));
        if (!items.isEmpty())
            g.insert(QLatin1String("item"), items);
        groups.append(g);
    }
    q.insert(QLatin1String("item"), groups);
    return q;
}

QJsonObject questionnaireResponseFromAnswers(const Template &t, const Answers &answers, const QString &authored)
{
    const LinkIds ids(t);
    QJsonObject r;
    r.insert(QLatin1String("resourceType"), QStringLiteral("QuestionnaireResponse"));
    const Person &p = answers.person;
    const bool hasPerson = !p.name.isEmpty() || !p.nhsNumber.isEmpty() || p.dateOfBirth.isValid();
    if (hasPerson) {
        QJsonObject patient;
        patient.insert(QLatin1String("resourceType"), QStringLiteral("Patient"));
        patient.insert(QLatin1String("id"), QStringLiteral("person"));
        if (!p.nhsNumber.isEmpty())
            patient.insert(QLatin1String("identifier"),
                           QJsonArray{QJsonObject{{"system", QLatin1String(nhsNumberSystem)}, {"value", p.nhsNumber}}});
        if (!p.name.isEmpty())
            patient.insert(QLatin1String("name"), QJsonArray{QJsonObject{{"text", p.name}}});
        if (p.dateOfBirth.isValid())
            patient.insert(QLatin1String("birthDate"), p.dateOfBirth.toString(Qt::ISODate));
        r.insert(QLatin1String("contained"), QJsonArray{patient});
    }
    r.insert(QLatin1String("questionnaire"), questionnaireUrl(t) + QLatin1Char('|') + QString::number(t.version));
    bool complete = true;
    QJsonArray groups;
    for (const Section &s : t.sections) {
        QJsonArray items;
        for (const Item &item : s.items) {
            const bool shown = isShown(t, item, answers);
            const QJsonValue value = answers.value(item.id);
            const QJsonArray answered = answers.has(item.id) ? responseItems(item, value, ids) : QJsonArray();
            if (item.required && shown && answered.isEmpty())
                complete = false;
            for (const QJsonValue &a : answered)
                items.append(a);
        }
        if (items.isEmpty())
            continue;
        QJsonObject g{{"linkId", ids.of(s.id)}, {"item", items}};
        setText(&g, "text", s.title);
        groups.append(g);
    }
    r.insert(QLatin1String("status"), complete ? QStringLiteral("completed") : QStringLiteral("in-progress"));
    if (hasPerson)
        r.insert(QLatin1String("subject"), QJsonObject{{"reference", QStringLiteral("#person")}});
    r.insert(QLatin1String("authored"),
             authored.isEmpty() ? QDateTime::currentDateTimeUtc().toString(Qt::ISODate) : authored);
    if (!groups.isEmpty())
        r.insert(QLatin1String("item"), groups);
    return r;
}

QByteArray fhirJson(const QJsonObject &resource)
{
    return QJsonDocument(resource).toJson(QJsonDocument::Indented);
}

} // namespace coform
