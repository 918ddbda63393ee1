#include "fhirimport.h"

#include "format/fhirvocabulary.h"
#include "format/importids.h"
#include "format/jsonreader.h"
#include "model/prefill.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <functional>

namespace coform {

using namespace FhirVocabulary;

namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QString compact(const QJsonValue &v)
{
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    return v.toVariant().toString();
}

/// A condition waiting for every item to be known (enableWhen may point anywhere in the file).
struct PendingCondition
{
    int sectionIndex = -1; ///< the section it applies to
    QString itemId;        ///< the item it applies to; empty for the section itself
    int position = 0;      ///< items before the target in document order
    QJsonArray enableWhen;
    QString behavior;
    QString place;
};

/// One enableWhen as a set of values of one question that make the target shown.
struct ConditionValues
{
    QString question;
    QJsonArray values;
};

/// Reads one Questionnaire; every method adds to the report, and refuse() stops the walk.
class FhirReader
{
public:
    FhirReader(const QString &fileName, const ReadLimits &limits, int timeoutMs)
        : m_limits(limits)
        , m_timeoutMs(timeoutMs)
    {
        m_report.file = fileName;
        m_timer.start();
    }

    ImportResult run(const QByteArray &json);

private:
    bool refused() const { return m_report.refused; }
    bool withinBudget(int depth, const QString &place);
    bool checkVersion(const QJsonObject &root);
    void readContained(const QJsonObject &root);
    void readRoot(const QJsonObject &root);
    void readTopItems(const QJsonArray &items);
    void beginSection(const QString &id, const QString &title, const QJsonObject *group);
    void addChildren(const QJsonArray &items, int depth, const QJsonObject *inheritedCondition);
    void addQuestion(const QJsonObject &item, int depth, const QJsonObject *inheritedCondition);
    void addTable(const QJsonObject &group, int depth, const QJsonObject *inheritedCondition);
    void addSignature(const QJsonObject &group, const QJsonObject *inheritedCondition);
    void addInfo(const QJsonObject &item, const QJsonObject *inheritedCondition, const QString &place);
    void appendItem(Item item, const QJsonObject &source, const QJsonObject *inheritedCondition);
    QString allocateId(const QJsonObject &item, const QString &fallback);
    bool readOptions(const QJsonObject &source, Item *item, const QString &place);
    void readCommonExtensions(const QJsonObject &source, Item *item, const QString &place,
                              const QSet<QString> &handled);
    void noteLosses(const QJsonObject &source, Item *item, const QString &place);
    void lose(const QString &itemId, const QString &place, const QString &message);
    QString helpOf(const QJsonObject &item, QMap<QString, QString> *translations) const;
    bool isHelpDisplay(const QJsonObject &item) const;
    bool isHidden(const QJsonObject &item) const;
    void resolveConditions();
    void tidy();
    std::optional<ConditionValues> conditionValues(const QJsonObject &condition, QString *why) const;
    void translate(const QJsonObject &owner, const QString &name,
                   const std::function<void(Translation &, const QString &)> &set, QMap<QString, Translation> *into);

    ReadLimits m_limits;
    int m_timeoutMs;
    QElapsedTimer m_timer;
    ImportReport m_report;
    Template m_t;
    ImportIds m_ids;
    int m_itemBudget = 0;
    int m_position = 0;
    QHash<QString, QString> m_linkToId;                    ///< FHIR linkId -> coform item id
    QHash<QString, QHash<QString, QString>> m_codeToValue; ///< item id -> option code or string -> option value
    QHash<QString, int> m_positionOf;                      ///< item id -> document position
    QHash<QString, QJsonArray> m_valueSets;                ///< "#id" -> concepts
    QHash<QString, QStringList> m_notes;                   ///< item id -> note lines
    QVector<PendingCondition> m_pending;
    QSet<QString> m_languages;
};

bool FhirReader::withinBudget(int depth, const QString &place)
{
    if (refused())
        return false;
    if (depth > m_limits.maxDepth) {
        m_report.refuse(QStringLiteral("items nested more than %1 deep at %2").arg(m_limits.maxDepth).arg(place));
        return false;
    }
    if (++m_itemBudget > m_limits.maxItems) {
        m_report.refuse(QStringLiteral("more than %1 items").arg(m_limits.maxItems));
        return false;
    }
    if (m_timer.elapsed() > m_timeoutMs) {
        m_report.refuse(QStringLiteral("reading took longer than %1 seconds").arg(m_timeoutMs / 1000.0));
        return false;
    }
    return true;
}

/// STU3 and R5 are refused: their items look alike but mean different things (STU3 `option`, R5 `coding` type).
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

void FhirReader::readContained(const QJsonObject &root)
{
    for (const QJsonValue &v : root.value(QLatin1String("contained")).toArray()) {
        const QJsonObject r = v.toObject();
        if (str(r, "resourceType") != QLatin1String("ValueSet") || str(r, "id").isEmpty())
            continue;
        QJsonArray concepts;
        const QJsonObject compose = r.value(QLatin1String("compose")).toObject();
        for (const QJsonValue &inc : compose.value(QLatin1String("include")).toArray()) {
            for (const QJsonValue &c : inc.toObject().value(QLatin1String("concept")).toArray())
                concepts.append(c);
        }
        const QJsonObject expansion = r.value(QLatin1String("expansion")).toObject();
        for (const QJsonValue &c : expansion.value(QLatin1String("contains")).toArray())
            concepts.append(c);
        m_valueSets.insert(QLatin1Char('#') + str(r, "id"), concepts);
    }
}

void FhirReader::lose(const QString &itemId, const QString &place, const QString &message)
{
    m_report.add(ImportNote::Kind::Lost, place, message, itemId);
    if (!itemId.isEmpty())
        m_notes[itemId].append(QStringLiteral("Not carried over from FHIR: %1").arg(message));
}

void FhirReader::translate(const QJsonObject &owner, const QString &name,
                           const std::function<void(Translation &, const QString &)> &set,
                           QMap<QString, Translation> *into)
{
    const QMap<QString, QString> byLanguage = translations(owner, name);
    for (auto it = byLanguage.cbegin(); it != byLanguage.cend(); ++it) {
        m_languages.insert(it.key());
        set((*into)[it.key()], it.value());
    }
}

/// Whatever the file held, the template must be one the strict reader accepts: no blank texts, valid languages
/// with translations only for them, known text formats, min not above max, requirement ids once each.
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
                 QStringLiteral("texts in the language '%1', which is not a "
                                "language tag Coform knows")
                     .arg(l));
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
                         .arg(*item.max));
                item.min.reset();
                item.max.reset();
            }
        }
    }
}

ImportResult FhirReader::run(const QByteArray &json)
{
    m_report.sourceKind = QStringLiteral("FHIR R4 Questionnaire");
    ImportResult result;
    if (json.size() > m_limits.maxBytes) {
        m_report.refuse(QStringLiteral("the file is larger than %1 MB").arg(m_limits.maxBytes / (1024 * 1024)));
        result.report = m_report;
        return result;
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        m_report.refuse(doc.isNull()
                            ? QStringLiteral("not valid JSON at byte %1: %2").arg(error.offset).arg(error.errorString())
                            : QStringLiteral("the JSON is not an object"));
        result.report = m_report;
        return result;
    }
    const QJsonObject root = doc.object();
    const QString resourceType = str(root, "resourceType");
    if (resourceType == QLatin1String("QuestionnaireResponse")) {
        m_report.refuse(QStringLiteral("this is a FHIR QuestionnaireResponse (filled answers), not a Questionnaire; "
                                       "import the Questionnaire it answers"));
    } else if (resourceType != QLatin1String("Questionnaire")) {
        m_report.refuse(resourceType.isEmpty()
                            ? QStringLiteral("not a FHIR resource (no resourceType)")
                            : QStringLiteral("this is a FHIR %1, not a Questionnaire").arg(resourceType));
    } else if (checkVersion(root)) {
        readContained(root);
        readRoot(root);
        if (!refused())
            resolveConditions();
    }
    if (!refused()) {
        tidy();
        for (auto it = m_notes.cbegin(); it != m_notes.cend(); ++it) {
            if (Item *item = m_t.findItem(it.key()))
                item->note = it.value().join(QLatin1Char('\n'));
        }
        m_report.itemCount = int(m_t.allItems().size());
        if (m_report.itemCount == 0)
            m_report.refuse(QStringLiteral("the Questionnaire has no items that Coform can use"));
    }
    if (!refused())
        result.tmpl = m_t;
    result.report = m_report;
    return result;
}

void FhirReader::readRoot(const QJsonObject &root)
{
    const QString fileBase = QFileInfo(m_report.file).completeBaseName();
    QString id;
    const QVector<QJsonObject> idExt = extensions(root, coformUrl(extId));
    if (!idExt.isEmpty())
        id = ImportIds::sanitize(str(idExt.first(), "valueString"));
    if (id.isEmpty())
        id = ImportIds::sanitize(str(root, "id"));
    if (id.isEmpty())
        id = ImportIds::sanitize(str(root, "name"));
    if (id.isEmpty())
        id = ImportIds::sanitize(fileBase);
    if (id.isEmpty())
        id = QStringLiteral("imported");
    m_t.id = id;
    m_t.title = str(root, "title");
    if (m_t.title.isEmpty())
        m_t.title = str(root, "name");
    if (m_t.title.isEmpty())
        m_t.title = readableName(fileBase);
    bool ok = false;
    const int version = str(root, "version").toInt(&ok);
    m_t.version = ok && version > 0 ? version : 1;
    for (const QJsonObject &e : extensions(root, coformUrl(extRequirementSet)))
        m_t.requirementSet = str(e, "valueString");
    translate(
        root, QStringLiteral("title"), [](Translation &t, const QString &s) { t.title = s; }, &m_t.translations);

    QStringList languages;
    for (const QJsonObject &e : extensions(root, coformUrl(extLanguage)))
        languages << str(e, "valueCode");
    QString source = str(root, "language");
    if (languages.isEmpty()) {
        // Coform languages are plain tags ("en", "cy"); a region ("en-GB") says nothing a form needs.
        source = source.section(QLatin1Char('-'), 0, 0).toLower();
        languages << (source.isEmpty() ? QStringLiteral("en") : source);
    }
    for (const QJsonValue &e : root.value(QLatin1String("extension")).toArray()) {
        const QString url = str(e.toObject(), "url");
        if (!url.startsWith(QLatin1String(coformBase)))
            lose({}, QStringLiteral("Questionnaire"),
                 QStringLiteral("extension %1").arg(url.section(QLatin1Char('/'), -1)));
    }
    readTopItems(root.value(QLatin1String("item")).toArray());
    if (refused())
        return;
    QStringList others = QStringList(m_languages.cbegin(), m_languages.cend());
    others.sort();
    for (const QString &l : others) {
        if (!languages.contains(l))
            languages << l;
    }
    m_t.languages = languages;
}

void FhirReader::beginSection(const QString &id, const QString &title, const QJsonObject *group)
{
    Section s;
    s.id = id;
    s.title = title;
    if (group) {
        translate(
            *group, QStringLiteral("text"), [](Translation &t, const QString &v) { t.title = v; }, &s.translations);
        if (group->contains(QLatin1String("enableWhen"))) {
            m_pending.append({int(m_t.sections.size()),
                              {},
                              m_position,
                              group->value(QLatin1String("enableWhen")).toArray(),
                              str(*group, "enableBehavior"),
                              str(*group, "linkId")});
        }
    }
    m_t.sections.append(s);
}

void FhirReader::readTopItems(const QJsonArray &items)
{
    // Groups become sections; a run of questions outside any group becomes a section of its own.
    bool inLooseSection = false;
    for (const QJsonValue &v : items) {
        const QJsonObject item = v.toObject();
        const QString linkId = str(item, "linkId");
        const QString type = str(item, "type");
        const bool tableLike =
            item.value(QLatin1String("repeats")).toBool() || !extensions(item, coformUrl(extItemType)).isEmpty();
        if (type == QLatin1String("group") && !tableLike) {
            if (!withinBudget(1, linkId))
                return;
            inLooseSection = false;
            QString title = str(item, "text");
            if (title.isEmpty())
                title = readableName(linkId);
            if (title.isEmpty())
                title = QStringLiteral("Section %1").arg(m_t.sections.size() + 1);
            beginSection(allocateId(item, QStringLiteral("section")), title, &item);
            Section &section = m_t.sections.last();
            // Help texts of the group become the section's help.
            QMap<QString, QString> helpTranslations;
            section.help = helpOf(item, &helpTranslations);
            for (auto it = helpTranslations.cbegin(); it != helpTranslations.cend(); ++it)
                section.translations[it.key()].help = it.value();
            if (item.value(QLatin1String("required")).toBool())
                lose({}, linkId, QStringLiteral("the group is required (Coform marks questions, not sections)"));
            noteLosses(item, nullptr, linkId);
            addChildren(item.value(QLatin1String("item")).toArray(), 2, nullptr);
        } else {
            if (!inLooseSection) {
                const QString title =
                    m_t.sections.isEmpty() && !m_t.title.isEmpty() ? m_t.title : QStringLiteral("Questions");
                beginSection(m_ids.allocate(QStringLiteral("questions"), {}), title, nullptr);
                inLooseSection = true;
            }
            addChildren(QJsonArray{item}, 1, nullptr);
        }
        if (refused())
            return;
    }
}

QString FhirReader::allocateId(const QJsonObject &item, const QString &fallback)
{
    const QVector<QJsonObject> own = extensions(item, coformUrl(extId));
    QString wanted = own.isEmpty() ? QString() : str(own.first(), "valueString");
    const QString linkId = str(item, "linkId");
    if (wanted.isEmpty() || m_ids.contains(ImportIds::sanitize(wanted)))
        wanted = linkId;
    const QString clean = ImportIds::sanitize(wanted);
    // A linkId that is a coform id already stays as it is; "1.2" becomes "item-1-2", as a bare number reads badly.
    if (clean != wanted && (clean.isEmpty() || clean.front().isDigit()))
        wanted = fallback + QLatin1Char('-') + wanted;
    const QString id = m_ids.allocate(wanted, fallback);
    if (!linkId.isEmpty() && !m_linkToId.contains(linkId))
        m_linkToId.insert(linkId, id);
    return id;
}

bool FhirReader::isHidden(const QJsonObject &item) const
{
    for (const QJsonObject &e : extensions(item, QLatin1String(hidden))) {
        if (e.value(QLatin1String("valueBoolean")).toBool())
            return true;
    }
    return false;
}

bool FhirReader::isHelpDisplay(const QJsonObject &item) const
{
    if (str(item, "type") != QLatin1String("display"))
        return false;
    const QStringList codes = itemControlCodes(item);
    return codes.contains(QLatin1String("help")) || codes.contains(QLatin1String("flyover"));
}

QString FhirReader::helpOf(const QJsonObject &item, QMap<QString, QString> *translationsOut) const
{
    QStringList help;
    for (const QJsonValue &v : item.value(QLatin1String("item")).toArray()) {
        const QJsonObject child = v.toObject();
        if (!isHelpDisplay(child) || str(child, "text").isEmpty())
            continue;
        help << str(child, "text");
        const QMap<QString, QString> t = translations(child, QStringLiteral("text"));
        for (auto it = t.cbegin(); it != t.cend(); ++it) {
            QString &s = (*translationsOut)[it.key()];
            s = s.isEmpty() ? it.value() : s + QStringLiteral("\n\n") + it.value();
        }
    }
    return help.join(QStringLiteral("\n\n"));
}

void FhirReader::addChildren(const QJsonArray &items, int depth, const QJsonObject *inheritedCondition)
{
    for (const QJsonValue &v : items) {
        if (refused())
            return;
        const QJsonObject item = v.toObject();
        const QString linkId = str(item, "linkId");
        const QString type = str(item, "type");
        if (!withinBudget(depth, linkId))
            return;
        if (isHelpDisplay(item))
            continue; // taken by the parent as its help
        if (isHidden(item)) {
            m_report.add(ImportNote::Kind::Skipped, linkId,
                         QStringLiteral("a hidden item (questionnaire-hidden), never shown to the person"));
            continue;
        }
        const QString coformType = extensions(item, coformUrl(extItemType)).isEmpty()
                                       ? QString()
                                       : str(extensions(item, coformUrl(extItemType)).first(), "valueCode");
        if (type == QLatin1String("group") && coformType == QLatin1String("signature")) {
            addSignature(item, inheritedCondition);
        } else if (type == QLatin1String("group") && item.value(QLatin1String("repeats")).toBool()) {
            addTable(item, depth, inheritedCondition);
        } else if (type == QLatin1String("group")) {
            // A deeper group: its title becomes a heading (an info item) and its items follow, flattened.
            const QJsonObject *condition = item.contains(QLatin1String("enableWhen")) ? &item : inheritedCondition;
            if (!str(item, "text").isEmpty())
                addInfo(item, condition, linkId);
            else
                lose({}, linkId, QStringLiteral("a group without a title was flattened into its section"));
            addChildren(item.value(QLatin1String("item")).toArray(), depth + 1, condition);
        } else if (type == QLatin1String("display")) {
            addInfo(item, inheritedCondition, linkId);
        } else {
            addQuestion(item, depth, inheritedCondition);
        }
    }
}

void FhirReader::appendItem(Item item, const QJsonObject &source, const QJsonObject *inheritedCondition)
{
    const QString linkId = str(source, "linkId");
    if (!linkId.isEmpty() && item.id != ImportIds::sanitize(linkId) && extensions(source, coformUrl(extId)).isEmpty())
        m_notes[item.id].prepend(QStringLiteral("FHIR linkId: %1").arg(linkId));
    const QJsonObject *condition = source.contains(QLatin1String("enableWhen")) ? &source : inheritedCondition;
    if (condition && condition != &source && source.contains(QLatin1String("enableWhen")))
        lose(item.id, linkId, QStringLiteral("the condition of the enclosing group (the item has its own)"));
    if (condition) {
        m_pending.append({int(m_t.sections.size()) - 1, item.id, m_position,
                          condition->value(QLatin1String("enableWhen")).toArray(), str(*condition, "enableBehavior"),
                          str(*condition, "linkId")});
    }
    for (const QJsonObject &e : extensions(source, coformUrl(extNote))) {
        // A note exported by Coform comes back first, so a template survives a round trip unchanged.
        m_notes[item.id].prepend(str(e, "valueString"));
    }
    m_positionOf.insert(item.id, m_position++);
    m_t.sections.last().items.append(item);
}

void FhirReader::addInfo(const QJsonObject &source, const QJsonObject *inheritedCondition, const QString &place)
{
    Item item;
    item.type = ItemType::Info;
    item.label = str(source, "text");
    if (item.label.isEmpty()) {
        m_report.add(ImportNote::Kind::Skipped, place, QStringLiteral("a display item without text"));
        return;
    }
    item.id = allocateId(source, QStringLiteral("info"));
    translate(
        source, QStringLiteral("text"), [](Translation &t, const QString &s) { t.label = s; }, &item.translations);
    for (const QJsonObject &e : extensions(source, coformUrl(extRequirement)))
        item.requirements << str(e, "valueString");
    for (const QJsonObject &e : extensions(source, coformUrl(extHelp))) {
        item.help = str(e, "valueString");
        translate(
            e, QStringLiteral("valueString"), [](Translation &t, const QString &s) { t.help = s; }, &item.translations);
    }
    if (str(source, "type") == QLatin1String("group"))
        m_notes[item.id].append(QStringLiteral("Heading of the FHIR group '%1', whose items follow").arg(place));
    noteLosses(source, &item, place);
    appendItem(item, source, inheritedCondition);
}

void FhirReader::addSignature(const QJsonObject &group, const QJsonObject *inheritedCondition)
{
    Item item;
    item.type = ItemType::Signature;
    item.id = allocateId(group, QStringLiteral("signature"));
    item.label = str(group, "text");
    item.required = group.value(QLatin1String("required")).toBool();
    translate(
        group, QStringLiteral("text"), [](Translation &t, const QString &s) { t.label = s; }, &item.translations);
    QMap<QString, QString> helpTranslations;
    item.help = helpOf(group, &helpTranslations);
    for (auto it = helpTranslations.cbegin(); it != helpTranslations.cend(); ++it)
        item.translations[it.key()].help = it.value();
    readCommonExtensions(group, &item, str(group, "linkId"), {});
    appendItem(item, group, inheritedCondition);
}

void FhirReader::addTable(const QJsonObject &group, int depth, const QJsonObject *inheritedCondition)
{
    const QString linkId = str(group, "linkId");
    // Only a repeating group of simple questions is a table; anything else is flattened with a note.
    static const QSet<QString> simple{"string",   "text", "boolean", "choice",  "open-choice", "date",
                                      "dateTime", "time", "integer", "decimal", "quantity",    "url"};
    bool isSimple = true;
    int questions = 0;
    const QJsonArray children = group.value(QLatin1String("item")).toArray();
    for (const QJsonValue &v : children) {
        const QJsonObject c = v.toObject();
        if (isHelpDisplay(c))
            continue;
        ++questions;
        if (!simple.contains(str(c, "type")))
            isSimple = false;
        for (const QJsonValue &nested : c.value(QLatin1String("item")).toArray()) {
            if (!isHelpDisplay(nested.toObject()))
                isSimple = false;
        }
    }
    if (!isSimple || questions == 0) {
        const QString text = str(group, "text");
        if (!text.isEmpty())
            addInfo(group, inheritedCondition, linkId);
        lose({}, linkId,
             QStringLiteral("the group repeats but holds more than simple questions: flattened, it can be "
                            "answered once"));
        addChildren(children, depth + 1, group.contains(QLatin1String("enableWhen")) ? &group : inheritedCondition);
        return;
    }
    Item item;
    item.type = ItemType::Table;
    item.id = allocateId(group, QStringLiteral("table"));
    item.label = str(group, "text");
    if (item.label.isEmpty())
        item.label = readableName(linkId);
    item.required = group.value(QLatin1String("required")).toBool();
    translate(
        group, QStringLiteral("text"), [](Translation &t, const QString &s) { t.label = s; }, &item.translations);
    QMap<QString, QString> helpTranslations;
    item.help = helpOf(group, &helpTranslations);
    for (auto it = helpTranslations.cbegin(); it != helpTranslations.cend(); ++it)
        item.translations[it.key()].help = it.value();
    ImportIds columnIds;
    QStringList typed;
    for (const QJsonValue &v : children) {
        const QJsonObject c = v.toObject();
        if (isHelpDisplay(c))
            continue;
        if (!withinBudget(depth + 1, str(c, "linkId")))
            return;
        Column column;
        const QVector<QJsonObject> own = extensions(c, coformUrl(extId));
        column.id = columnIds.allocate(own.isEmpty() ? str(c, "linkId") : str(own.first(), "valueString"),
                                       QStringLiteral("column"));
        if (column.id.front().isDigit())
            column.id = columnIds.allocate(QStringLiteral("column-") + column.id, {});
        column.label = str(c, "text");
        if (column.label.isEmpty())
            column.label = readableName(str(c, "linkId"));
        const QMap<QString, QString> t = translations(c, QStringLiteral("text"));
        for (auto it = t.cbegin(); it != t.cend(); ++it) {
            m_languages.insert(it.key());
            item.translations[it.key()].columns.insert(column.id, it.value());
        }
        const QString type = str(c, "type");
        if (type != QLatin1String("string") && type != QLatin1String("text"))
            typed << QStringLiteral("'%1' (%2)").arg(column.label, type);
        if (c.contains(QLatin1String("enableWhen")) || c.value(QLatin1String("required")).toBool()
            || c.contains(QLatin1String("answerOption")))
            typed << QStringLiteral("'%1' (its conditions, options or required mark)").arg(column.label);
        item.columns.append(column);
    }
    if (!typed.isEmpty())
        lose(item.id, linkId,
             QStringLiteral("table cells are text, so these columns lose their type: %1").arg(typed.join(", ")));
    readCommonExtensions(group, &item, linkId, {});
    appendItem(item, group, inheritedCondition);
}

bool FhirReader::readOptions(const QJsonObject &source, Item *item, const QString &place)
{
    ImportIds values;
    QHash<QString, QString> &codes = m_codeToValue[item->id];
    QStringList changed;
    bool initialSelected = false;
    auto addOption = [&](const QString &code, const QString &display, const QJsonObject &owner, const char *name,
                         const QJsonObject &optionSource) {
        Option o;
        const QString wanted = code.isEmpty() ? display : code;
        o.value = values.allocate(wanted, QStringLiteral("option"));
        if (o.value.front().isDigit() && ImportIds::sanitize(wanted) != wanted)
            o.value = values.allocate(QStringLiteral("option-") + o.value, {});
        if (o.value != wanted)
            changed << QStringLiteral("%1 -> %2").arg(wanted, o.value);
        o.label = display.isEmpty() ? code : display;
        for (const QJsonObject &e : extensions(optionSource, coformUrl(extOptionDescription))) {
            o.description = str(e, "valueString");
            const QMap<QString, QString> t = translations(e, QStringLiteral("valueString"));
            for (auto it = t.cbegin(); it != t.cend(); ++it) {
                m_languages.insert(it.key());
                item->translations[it.key()].optionDescriptions.insert(o.value, it.value());
            }
        }
        const QMap<QString, QString> t = translations(owner, QLatin1String(name));
        for (auto it = t.cbegin(); it != t.cend(); ++it) {
            m_languages.insert(it.key());
            item->translations[it.key()].options.insert(o.value, it.value());
        }
        codes.insert(code.isEmpty() ? display : code, o.value);
        if (!display.isEmpty())
            codes.insert(QStringLiteral("display:") + display, o.value);
        item->options.append(o);
    };
    for (const QJsonValue &v : source.value(QLatin1String("answerOption")).toArray()) {
        const QJsonObject option = v.toObject();
        initialSelected = initialSelected || option.value(QLatin1String("initialSelected")).toBool();
        if (option.contains(QLatin1String("valueCoding"))) {
            const QJsonObject coding = option.value(QLatin1String("valueCoding")).toObject();
            addOption(str(coding, "code"), str(coding, "display"), coding, "display", option);
        } else if (option.value(QLatin1String("valueString")).isString()) {
            const QString s = str(option, "valueString");
            addOption(s, s, option, "valueString", option);
        } else if (option.value(QLatin1String("valueInteger")).isDouble()) {
            const QString s = QString::number(option.value(QLatin1String("valueInteger")).toDouble());
            addOption(s, s, option, "valueInteger", option);
        } else if (option.value(QLatin1String("valueDate")).isString()) {
            const QString s = str(option, "valueDate");
            addOption(s, s, option, "valueDate", option);
        } else {
            lose(item->id, place,
                 QStringLiteral("an answer option of a kind Coform cannot list (%1)").arg(compact(option).left(80)));
        }
        if (m_timer.elapsed() > m_timeoutMs)
            return false;
    }
    const QString valueSet = str(source, "answerValueSet");
    if (!valueSet.isEmpty()) {
        if (m_valueSets.contains(valueSet)) {
            for (const QJsonValue &c : m_valueSets.value(valueSet)) {
                const QJsonObject valueConcept = c.toObject();
                addOption(str(valueConcept, "code"), str(valueConcept, "display"), valueConcept, "display",
                          valueConcept);
            }
        } else {
            lose(item->id, place,
                 QStringLiteral("the answers come from the value set %1, which is not in the file").arg(valueSet));
        }
    }
    if (initialSelected)
        lose(item->id, place, QStringLiteral("options selected from the start (initialSelected)"));
    if (!changed.isEmpty())
        m_notes[item->id].append(QStringLiteral("Option codes made into Coform values: %1").arg(changed.join(", ")));
    return !item->options.isEmpty();
}

void FhirReader::readCommonExtensions(const QJsonObject &source, Item *item, const QString &place,
                                      const QSet<QString> &handled)
{
    for (const QJsonObject &e : extensions(source, coformUrl(extRequirement)))
        item->requirements << str(e, "valueString");
    for (const QJsonObject &e : extensions(source, coformUrl(extPrefill))) {
        if (Prefill::typeProblem(str(e, "valueCode"), item->type).isEmpty())
            item->prefill = str(e, "valueCode");
        else
            lose(item->id, place, QStringLiteral("filled from the person's record (%1)").arg(str(e, "valueCode")));
    }
    for (const QJsonObject &e : extensions(source, coformUrl(extCarryForward)))
        item->carryForward = e.value(QLatin1String("valueBoolean")).toBool(true);
    QSet<QString> reported;
    for (const QJsonValue &v : source.value(QLatin1String("extension")).toArray()) {
        const QJsonObject e = v.toObject();
        const QString url = str(e, "url");
        if (url.startsWith(QLatin1String(coformBase)) || handled.contains(url) || reported.contains(url)
            || (url == QLatin1String(sdcInitialExpression) && !item->prefill.isEmpty()))
            continue;
        reported.insert(url);
        QString name = url.section(QLatin1Char('/'), -1);
        if (url == QLatin1String(itemControl))
            name = QStringLiteral("display hint '%1'").arg(itemControlCodes(source).join(", "));
        else if (url.endsWith(QLatin1String("calculatedExpression")))
            name = QStringLiteral("a calculation (calculatedExpression)");
        else
            name = QStringLiteral("extension %1").arg(name);
        lose(item->id, place, name);
    }
    noteLosses(source, item, place);
}

void FhirReader::noteLosses(const QJsonObject &source, Item *item, const QString &place)
{
    const QString id = item ? item->id : QString();
    if (source.contains(QLatin1String("initial")))
        lose(id, place, QStringLiteral("its initial value %1").arg(compact(source.value("initial")).left(80)));
    if (source.value(QLatin1String("readOnly")).toBool())
        lose(id, place, QStringLiteral("read-only (Coform questions can always be answered)"));
    if (source.contains(QLatin1String("maxLength")))
        lose(id, place,
             QStringLiteral("the longest answer allowed (%1 characters)")
                 .arg(source.value(QLatin1String("maxLength")).toInt()));
    if (source.contains(QLatin1String("prefix")))
        lose(id, place, QStringLiteral("its prefix '%1' (Coform numbers questions itself)").arg(str(source, "prefix")));
    if (!source.value(QLatin1String("code")).toArray().isEmpty())
        lose(id, place, QStringLiteral("its codes %1").arg(compact(source.value("code")).left(120)));
    if (source.contains(QLatin1String("definition")))
        lose(id, place, QStringLiteral("its definition link %1").arg(str(source, "definition")));
    if (source.contains(QLatin1String("modifierExtension")))
        lose(id, place, QStringLiteral("modifier extensions"));
}

void FhirReader::addQuestion(const QJsonObject &source, int depth, const QJsonObject *inheritedCondition)
{
    const QString linkId = str(source, "linkId");
    const QString type = str(source, "type");
    const bool repeats = source.value(QLatin1String("repeats")).toBool();
    Item item;
    item.id = allocateId(source, QStringLiteral("item"));
    item.required = source.value(QLatin1String("required")).toBool();
    QMap<QString, QString> helpTranslations;
    item.help = helpOf(source, &helpTranslations);
    for (auto it = helpTranslations.cbegin(); it != helpTranslations.cend(); ++it) {
        m_languages.insert(it.key());
        item.translations[it.key()].help = it.value();
    }
    item.label = str(source, "text");
    translate(
        source, QStringLiteral("text"), [](Translation &t, const QString &s) { t.label = s; }, &item.translations);
    if (item.label.isEmpty() && !item.help.isEmpty()) {
        // Some forms put the question only in a help text ("Enter a string"): it is the best label there is.
        item.label = item.help;
        item.help.clear();
        for (Translation &t : item.translations) {
            t.label = t.help;
            t.help.clear();
        }
        m_notes[item.id].append(QStringLiteral("The FHIR item had no text; its help text became the label"));
    } else if (item.label.isEmpty()) {
        item.label = readableName(linkId).isEmpty() ? QStringLiteral("Question") : readableName(linkId);
        lose(item.id, linkId, QStringLiteral("the item had no text; its label was made from its linkId"));
    }
    QSet<QString> handled;
    const QString coformType = extensions(source, coformUrl(extItemType)).isEmpty()
                                   ? QString()
                                   : str(extensions(source, coformUrl(extItemType)).first(), "valueCode");
    const bool hasOptions =
        source.contains(QLatin1String("answerOption")) || source.contains(QLatin1String("answerValueSet"));
    if (type == QLatin1String("string") || type == QLatin1String("url")) {
        item.type = coformType == QLatin1String("textarea") ? ItemType::Textarea : ItemType::Text;
        for (const QJsonObject &e : extensions(source, coformUrl(extTextFormat)))
            item.format = str(e, "valueCode");
        if (type == QLatin1String("url"))
            lose(item.id, linkId, QStringLiteral("the answer must be a web address (url)"));
    } else if (type == QLatin1String("text")) {
        item.type = ItemType::Textarea;
    } else if (type == QLatin1String("boolean")) {
        item.type = ItemType::YesNo;
    } else if (type == QLatin1String("choice") || type == QLatin1String("open-choice")) {
        item.type = coformType == QLatin1String("scale") ? ItemType::Scale
                    : repeats                            ? ItemType::MultiChoice
                                                         : ItemType::Choice;
        if (!readOptions(source, &item, linkId)) {
            if (refused() || m_timer.elapsed() > m_timeoutMs)
                return;
            item.type = ItemType::Text;
            item.options.clear();
            lose(item.id, linkId, QStringLiteral("no answer options could be read, so it is a text question"));
        }
        if (type == QLatin1String("open-choice"))
            lose(item.id, linkId, QStringLiteral("answers other than the listed options (open-choice)"));
    } else if (type == QLatin1String("date") || type == QLatin1String("dateTime")) {
        item.type = ItemType::Date;
        if (type == QLatin1String("dateTime"))
            lose(item.id, linkId, QStringLiteral("the time of day (dateTime: Coform asks for the date)"));
    } else if (type == QLatin1String("integer") || type == QLatin1String("decimal")
               || type == QLatin1String("quantity")) {
        item.type = ItemType::Number;
        handled << QLatin1String(unit) << QLatin1String(unitOption) << QLatin1String(minValue)
                << QLatin1String(maxValue);
        for (const QJsonObject &e : extensions(source, QLatin1String(unit))) {
            const QJsonObject coding = e.value(QLatin1String("valueCoding")).toObject();
            item.unit = str(coding, "display").isEmpty() ? str(coding, "code") : str(coding, "display");
        }
        const QVector<QJsonObject> unitOptions = extensions(source, QLatin1String(unitOption));
        if (item.unit.isEmpty() && !unitOptions.isEmpty()) {
            const QJsonObject coding = unitOptions.first().value(QLatin1String("valueCoding")).toObject();
            item.unit = str(coding, "display").isEmpty() ? str(coding, "code") : str(coding, "display");
            if (unitOptions.size() > 1)
                lose(item.id, linkId,
                     QStringLiteral("a choice of %1 units (Coform keeps the first, %2)")
                         .arg(unitOptions.size())
                         .arg(item.unit));
        }
        auto bound = [&](const char *url) -> std::optional<double> {
            for (const QJsonObject &e : extensions(source, QLatin1String(url))) {
                for (const char *key : {"valueInteger", "valueDecimal"}) {
                    if (e.value(QLatin1String(key)).isDouble())
                        return e.value(QLatin1String(key)).toDouble();
                }
            }
            return std::nullopt;
        };
        item.min = bound(minValue);
        item.max = bound(maxValue);
        if (type == QLatin1String("integer"))
            m_notes[item.id].append(QStringLiteral("Whole numbers only in FHIR (integer)"));
    } else {
        item.type = ItemType::Text;
        lose(item.id, linkId,
             QStringLiteral("a '%1' question, which Coform has no type for: it is a text question")
                 .arg(type.isEmpty() ? QStringLiteral("(no type)") : type));
    }
    if (hasOptions && !itemTypeHasOptions(item.type) && item.type != ItemType::Text)
        lose(item.id, linkId, QStringLiteral("answer options on a '%1' question").arg(type));
    if (repeats && item.type != ItemType::MultiChoice)
        lose(item.id, linkId, QStringLiteral("several answers (repeats): Coform takes one"));
    readCommonExtensions(source, &item, linkId, handled);
    appendItem(item, source, inheritedCondition);
    // Questions under a question (allowed in R4) follow it, flattened.
    QJsonArray nested;
    for (const QJsonValue &v : source.value(QLatin1String("item")).toArray()) {
        if (!isHelpDisplay(v.toObject()))
            nested.append(v);
    }
    if (!nested.isEmpty()) {
        lose(item.id, linkId, QStringLiteral("%1 items nested under this question now follow it").arg(nested.size()));
        addChildren(nested, depth + 1, inheritedCondition);
    }
}

std::optional<ConditionValues> FhirReader::conditionValues(const QJsonObject &condition, QString *why) const
{
    const QString question = str(condition, "question");
    const QString op = str(condition, "operator");
    const QString targetId = m_linkToId.value(question);
    const Item *target = targetId.isEmpty() ? nullptr : m_t.findItem(targetId);
    if (!target || target->type == ItemType::Info || target->type == ItemType::Table
        || target->type == ItemType::Signature) {
        *why = targetId.isEmpty()
                   ? QStringLiteral("it points to '%1', which is not a question in this file").arg(question)
                   : QStringLiteral("it depends on '%1', which Coform cannot test").arg(question);
        return std::nullopt;
    }
    std::optional<QJsonValue> value;
    const QHash<QString, QString> codes = m_codeToValue.value(target->id);
    auto optionValue = [&](const QString &code, const QString &display) -> std::optional<QJsonValue> {
        if (codes.contains(code))
            return QJsonValue(codes.value(code));
        if (!display.isEmpty() && codes.contains(QStringLiteral("display:") + display))
            return QJsonValue(codes.value(QStringLiteral("display:") + display));
        if (target->option(code))
            return QJsonValue(code);
        return std::nullopt;
    };
    switch (target->type) {
    case ItemType::YesNo:
        if (condition.value(QLatin1String("answerBoolean")).isBool())
            value = condition.value(QLatin1String("answerBoolean"));
        break;
    case ItemType::Choice:
    case ItemType::MultiChoice:
    case ItemType::Scale:
        if (condition.contains(QLatin1String("answerCoding"))) {
            const QJsonObject coding = condition.value(QLatin1String("answerCoding")).toObject();
            value = optionValue(str(coding, "code"), str(coding, "display"));
        } else if (condition.value(QLatin1String("answerString")).isString()) {
            value = optionValue(str(condition, "answerString"), str(condition, "answerString"));
        } else if (condition.value(QLatin1String("answerInteger")).isDouble()) {
            const QString s = QString::number(condition.value(QLatin1String("answerInteger")).toDouble());
            value = optionValue(s, s);
        }
        break;
    case ItemType::Number:
        for (const char *key : {"answerInteger", "answerDecimal"}) {
            if (condition.value(QLatin1String(key)).isDouble())
                value = condition.value(QLatin1String(key));
        }
        if (condition.value(QLatin1String("answerQuantity")).isObject())
            value = condition.value(QLatin1String("answerQuantity")).toObject().value(QLatin1String("value"));
        break;
    case ItemType::Text:
    case ItemType::Textarea:
        if (condition.value(QLatin1String("answerString")).isString())
            value = condition.value(QLatin1String("answerString"));
        break;
    case ItemType::Date:
        if (condition.value(QLatin1String("answerDate")).isString())
            value = condition.value(QLatin1String("answerDate"));
        break;
    default:
        break;
    }
    ConditionValues out;
    out.question = target->id;
    if (op == QLatin1String("exists") && condition.value(QLatin1String("answerBoolean")).toBool()) {
        if (target->type == ItemType::YesNo) {
            out.values = {true, false};
            return out;
        }
        if (target->type == ItemType::Choice || target->type == ItemType::Scale
            || target->type == ItemType::MultiChoice) {
            for (const Option &o : target->options)
                out.values.append(o.value);
            return out;
        }
        *why = QStringLiteral("'exists' can only be carried over for yes/no and choice questions");
        return std::nullopt;
    }
    if (!value || value->isNull() || value->isUndefined()) {
        *why = QStringLiteral("its answer does not fit the %1 question '%2'").arg(itemTypeName(target->type), question);
        return std::nullopt;
    }
    if (op == QLatin1String("=")) {
        out.values = {*value};
        return out;
    }
    if (op == QLatin1String("!=") && target->type == ItemType::YesNo) {
        out.values = {!value->toBool()};
        return out;
    }
    if (op == QLatin1String("!=") && (target->type == ItemType::Choice || target->type == ItemType::Scale)) {
        for (const Option &o : target->options) {
            if (o.value != value->toString())
                out.values.append(o.value);
        }
        return out;
    }
    *why = QStringLiteral("the operator '%1' has no equivalent for a %2 question").arg(op, itemTypeName(target->type));
    return std::nullopt;
}

void FhirReader::resolveConditions()
{
    for (const PendingCondition &p : m_pending) {
        QString why;
        std::optional<ShowIf> showIf;
        QVector<ConditionValues> all;
        for (const QJsonValue &c : p.enableWhen) {
            const std::optional<ConditionValues> values = conditionValues(c.toObject(), &why);
            if (!values) {
                all.clear();
                break;
            }
            all.append(*values);
        }
        if (p.enableWhen.isEmpty())
            why = QStringLiteral("it has no conditions");
        if (!all.isEmpty()) {
            const QString question = all.first().question;
            const bool sameQuestion =
                std::all_of(all.cbegin(), all.cend(), [&](const ConditionValues &c) { return c.question == question; });
            const auto positionOfQuestion = m_positionOf.value(question, -1);
            if (!sameQuestion) {
                why = QStringLiteral("it combines conditions on several questions");
            } else if (positionOfQuestion < 0 || positionOfQuestion >= p.position) {
                why = QStringLiteral("it depends on a question that comes later (or on itself)");
            } else {
                // "any": a value of any condition shows it; "all": only values every condition allows.
                QJsonArray values = all.first().values;
                for (qsizetype i = 1; i < all.size(); ++i) {
                    if (p.behavior == QLatin1String("all")) {
                        QJsonArray kept;
                        for (const QJsonValue &v : values) {
                            if (all[i].values.contains(v))
                                kept.append(v);
                        }
                        values = kept;
                    } else {
                        for (const QJsonValue &v : all[i].values) {
                            if (!values.contains(v))
                                values.append(v);
                        }
                    }
                }
                if (all.size() > 1 && p.behavior.isEmpty()) {
                    why = QStringLiteral("several conditions without enableBehavior");
                } else if (values.isEmpty()) {
                    why = QStringLiteral("no answer can meet all its conditions");
                } else {
                    ShowIf s;
                    s.item = question;
                    // `in` when FHIR said "any" of one condition (as Coform writes a one-value list), or of several.
                    if (values.size() == 1
                        && !(p.behavior == QLatin1String("any") && all.size() == 1
                             && str(p.enableWhen.first().toObject(), "operator") == QLatin1String("="))) {
                        s.kind = ShowIf::Kind::Equals;
                        s.equals = values.first();
                    } else {
                        s.kind = ShowIf::Kind::In;
                        s.in = values;
                    }
                    showIf = s;
                }
            }
        }
        if (p.sectionIndex < 0 || p.sectionIndex >= m_t.sections.size())
            continue;
        Section &section = m_t.sections[p.sectionIndex];
        if (showIf) {
            if (p.itemId.isEmpty())
                section.showIf = showIf;
            else if (Item *item = m_t.findItem(p.itemId))
                item->showIf = showIf;
            continue;
        }
        const QString message =
            QStringLiteral("the condition for showing it (%1): %2").arg(compact(p.enableWhen).left(200), why);
        if (p.itemId.isEmpty())
            lose({}, p.place, message); // sections carry no note; the report lists it
        else
            lose(p.itemId, p.place, message);
    }
}

} // namespace

ImportResult importFhirQuestionnaire(const QByteArray &json, const QString &fileName, const ReadLimits &limits,
                                     int timeoutMs)
{
    FhirReader reader(fileName, limits, timeoutMs);
    return reader.run(json);
}

} // namespace coform
