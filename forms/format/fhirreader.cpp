#include "fhirreader.h"

#include "format/fhirpictures.h"
#include "format/fhirtext.h"
#include "format/fhirvocabulary.h"
#include "model/jsonreader.h"

#include <QFileInfo>

#include <algorithm>

namespace coform {

using namespace FhirVocabulary;
using namespace FhirRead;

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

void FhirReader::lose(const QString &itemId, const QString &place, const QString &message, ImportNote::Topic topic,
                      const QString &gist, const QString &why)
{
    ImportNote note;
    note.kind = ImportNote::Kind::Lost;
    note.place = place;
    note.itemId = itemId;
    note.message = message;
    note.topic = topic;
    note.gist = gist;
    note.why = why;
    m_report.add(note);
    if (!itemId.isEmpty())
        m_notes[itemId].append(QStringLiteral("Not carried over from FHIR: %1").arg(message));
}

void FhirReader::skip(const QString &place, const QString &message, ImportNote::Topic topic, const QString &gist)
{
    ImportNote note;
    note.kind = ImportNote::Kind::Skipped;
    note.place = place;
    note.message = message;
    note.topic = topic;
    note.gist = gist;
    m_report.add(note);
}

QString FhirReader::textOf(const QJsonObject &item, const QString &itemId)
{
    QStringList pictures;
    const QString text = FhirText::plainOf(item, QStringLiteral("text"), &pictures);
    const QString linkId = str(item, "linkId");
    if (FhirText::hasMarkup(str(item, "text")))
        m_notes[itemId].append(QStringLiteral("The FHIR text had markup (HTML); it is plain text here"));
    for (const QString &picture : pictures) {
        lose(itemId, linkId, QStringLiteral("a picture in its text (%1)").arg(picture), ImportNote::Topic::Texts,
             QStringLiteral("item lost a picture in its text|items lost a picture in their text"),
             QStringLiteral("Coform texts are plain text"));
    }
    return text;
}

std::optional<Picture> FhirReader::readPicture(const QJsonObject &source, const char *url, const QString &place,
                                               const QString &itemId, QMap<QString, Translation> *translations)
{
    QMap<QString, QString> alts;
    QString problem;
    std::optional<Picture> picture = FhirPictures::read(source, url, &alts, &problem);
    if (!problem.isEmpty())
        lose(itemId, place, problem, ImportNote::Topic::Texts);
    if (!picture)
        return std::nullopt;
    for (auto it = alts.cbegin(); it != alts.cend(); ++it) {
        m_languages.insert(it.key());
        (*translations)[it.key()].pictureAlt = it.value();
    }
    return picture;
}

QString FhirReader::firstQuestionText(const QJsonObject &group) const
{
    for (const QJsonValue &v : group.value(QLatin1String("item")).toArray()) {
        const QJsonObject child = v.toObject();
        const QString text = FhirText::plainOf(child, QStringLiteral("text")).simplified();
        if (!text.isEmpty() && !isHelpDisplay(child) && !isHidden(child))
            return text.size() > 60 ? text.left(57).trimmed() + QStringLiteral("...") : text;
        const QString deeper = firstQuestionText(child);
        if (!deeper.isEmpty())
            return deeper;
    }
    return {};
}

void FhirReader::translate(const QJsonObject &owner, const QString &name,
                           const std::function<void(Translation &, const QString &)> &set,
                           QMap<QString, Translation> *into)
{
    const QMap<QString, QString> byLanguage = translations(owner, name);
    for (auto it = byLanguage.cbegin(); it != byLanguage.cend(); ++it) {
        m_languages.insert(it.key());
        set((*into)[it.key()], FhirText::plain(it.value()));
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
    return run(doc.object());
}

ImportResult FhirReader::run(const QJsonObject &resource)
{
    m_report.sourceKind = QStringLiteral("FHIR R4 Questionnaire");
    ImportResult result;
    QJsonObject root = resource;
    if (str(resource, "resourceType") == QLatin1String("Bundle")) {
        // A Bundle of one Questionnaire and the ValueSets it uses.
        QVector<QJsonObject> questionnaires;
        for (const QJsonValue &entry : resource.value(QLatin1String("entry")).toArray()) {
            const QJsonObject r = entry.toObject().value(QLatin1String("resource")).toObject();
            if (str(r, "resourceType") == QLatin1String("Questionnaire"))
                questionnaires.append(r);
        }
        m_valueSets.add(resource);
        if (questionnaires.size() != 1) {
            m_report.refuse(questionnaires.isEmpty() ? QStringLiteral("this FHIR Bundle holds no Questionnaire")
                                                     : QStringLiteral("this FHIR Bundle holds %1 Questionnaires; save "
                                                                      "each in a file of its own and import those")
                                                           .arg(questionnaires.size()));
            result.report = m_report;
            return result;
        }
        root = questionnaires.first();
    }
    const QString resourceType = str(root, "resourceType");
    if (resourceType == QLatin1String("QuestionnaireResponse")) {
        m_report.refuse(QStringLiteral("this is a FHIR QuestionnaireResponse (filled answers), not a Questionnaire; "
                                       "import the Questionnaire it answers"));
    } else if (resourceType != QLatin1String("Questionnaire")) {
        m_report.refuse(resourceType.isEmpty()
                            ? QStringLiteral("not a FHIR resource (no resourceType)")
                            : QStringLiteral("this is a FHIR %1, not a Questionnaire").arg(resourceType));
    } else if (checkVersion(root)) {
        // The questions a person would see in the source: neither groups, displays nor hidden (bounded walk).
        QVector<QJsonArray> stack{root.value(QLatin1String("item")).toArray()};
        for (int seen = 0; !stack.isEmpty() && seen <= m_limits.maxItems;) {
            for (const QJsonValue &v : stack.takeLast()) {
                const QJsonObject item = v.toObject();
                if (++seen > m_limits.maxItems || isHidden(item))
                    continue;
                const QString type = str(item, "type");
                if (type != QLatin1String("group") && type != QLatin1String("display"))
                    ++m_sourceQuestions;
                stack.append(item.value(QLatin1String("item")).toArray());
            }
        }
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
        const QMap<QString, int> numbers = m_t.questionNumbers();
        // Questions that came over: answerable items and table columns, but not the questions made for "Other".
        m_report.questionCount = int(numbers.size()) - m_otherQuestions;
        for (const Item *item : m_t.allItems()) {
            if (item->type == ItemType::Table)
                m_report.questionCount += int(item->columns.size()) - 1;
        }
        m_report.addedQuestionCount = m_otherQuestions;
        m_report.sourceQuestionCount = m_sourceQuestions;
        for (auto it = numbers.cbegin(); it != numbers.cend(); ++it)
            m_report.itemNames.insert(it.key(), QString::number(it.value()));
        if (m_report.itemCount == 0)
            m_report.refuse(QStringLiteral("the Questionnaire has no items that Coform can use"));
    }
    if (!refused()) {
        result.tmpl = m_t;
        result.placeToItem = m_placeToItem;
    }
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
        m_t.title = fileBase.simplified(); // "CHC review.v2.json" is "CHC review.v2"
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
    for (const QJsonObject &e : extensions(root, coformUrl(extPictures)))
        m_t.picturesInAllProfiles = str(e, "valueCode") == QLatin1String("all-profiles");
    for (const QJsonValue &e : root.value(QLatin1String("extension")).toArray()) {
        const QString url = str(e.toObject(), "url");
        if (!url.startsWith(QLatin1String(coformBase)))
            lose({}, QStringLiteral("Questionnaire"),
                 QStringLiteral("extension %1").arg(url.section(QLatin1Char('/'), -1)), ImportNote::Topic::Extensions);
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
        s.picture = readPicture(*group, FhirPictures::itemMedia, str(*group, "linkId"), {}, &s.translations);
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
            const QString sectionId = allocateId(item, QStringLiteral("section"));
            QString title = textOf(item, {});
            if (title.isEmpty()) {
                title = firstQuestionText(item);
                if (title.isEmpty())
                    title = QStringLiteral("Section %1").arg(m_t.sections.size() + 1);
                lose({}, linkId, QStringLiteral("the group has no title; its section is called '%1'").arg(title),
                     ImportNote::Topic::Texts);
            }
            if (!str(item, "prefix").isEmpty())
                title = str(item, "prefix") + QLatin1Char(' ') + title;
            beginSection(sectionId, title, &item);
            m_placeToItem.insert(linkId, QStringLiteral("section:") + sectionId);
            Section &section = m_t.sections.last();
            // Help texts of the group become the section's help.
            QMap<QString, QString> helpTranslations;
            section.help = helpOf(item, &helpTranslations);
            for (auto it = helpTranslations.cbegin(); it != helpTranslations.cend(); ++it)
                section.translations[it.key()].help = it.value();
            if (item.value(QLatin1String("required")).toBool())
                lose({}, linkId, QStringLiteral("the group is required (Coform marks questions, not sections)"),
                     ImportNote::Topic::Limits,
                     QStringLiteral("group is no longer required|groups are no longer required"),
                     QStringLiteral("Coform marks questions as required, not sections"));
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
        const QString text = FhirText::plainOf(child, QStringLiteral("text"));
        if (!isHelpDisplay(child) || text.isEmpty())
            continue;
        help << text;
        const QMap<QString, QString> t =
            translationsOut ? translations(child, QStringLiteral("text")) : QMap<QString, QString>();
        for (auto it = t.cbegin(); it != t.cend(); ++it) {
            QString &s = (*translationsOut)[it.key()];
            const QString plain = FhirText::plain(it.value());
            s = s.isEmpty() ? plain : s + QStringLiteral("\n\n") + plain;
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
            skip(linkId, QStringLiteral("a hidden item (questionnaire-hidden), never shown to the person"),
                 ImportNote::Topic::Structure);
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
            if (!FhirText::plainOf(item, QStringLiteral("text")).isEmpty() || !helpOf(item, nullptr).isEmpty()) {
                addInfo(item, condition, linkId);
            } else {
                lose({}, linkId, QStringLiteral("a group without a title was flattened into its section"),
                     ImportNote::Topic::Structure);
                if (item.value(QLatin1String("required")).toBool())
                    lose({}, linkId, QStringLiteral("the group is required (Coform marks questions, not groups)"),
                         ImportNote::Topic::Limits,
                         QStringLiteral("group is no longer required|groups are no longer required"),
                         QStringLiteral("Coform marks questions as required, not groups"));
                noteLosses(item, nullptr, linkId);
            }
            addChildren(item.value(QLatin1String("item")).toArray(), depth + 1, condition);
        } else if (type == QLatin1String("display")) {
            addInfo(item, inheritedCondition, linkId);
            // Displays under a display (an instruction under a heading) follow it.
            QJsonArray nested;
            for (const QJsonValue &child : item.value(QLatin1String("item")).toArray()) {
                if (!isHelpDisplay(child.toObject()))
                    nested.append(child);
            }
            addChildren(nested, depth + 1, item.contains(QLatin1String("enableWhen")) ? &item : inheritedCondition);
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
        lose(
            item.id, linkId, QStringLiteral("the condition of the enclosing group (the item has its own)"),
            ImportNote::Topic::Conditions,
            QStringLiteral("question ignores the condition of its group|questions ignore the condition of their group"),
            QStringLiteral("an item keeps its own condition only"));
    if (condition) {
        m_pending.append({int(m_t.sections.size()) - 1, item.id, m_position,
                          condition->value(QLatin1String("enableWhen")).toArray(), str(*condition, "enableBehavior"),
                          str(*condition, "linkId")});
    }
    for (const QJsonObject &e : extensions(source, coformUrl(extNote))) {
        // A note exported by Coform comes back first, so a template survives a round trip unchanged.
        m_notes[item.id].prepend(str(e, "valueString"));
    }
    if (!linkId.isEmpty() && !m_placeToItem.contains(linkId))
        m_placeToItem.insert(linkId, item.id);
    m_positionOf.insert(item.id, m_position++);
    m_t.sections.last().items.append(item);
}

} // namespace coform
