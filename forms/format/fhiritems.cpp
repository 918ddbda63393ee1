#include "fhirreader.h"

#include "format/fhirpictures.h"
#include "format/fhirtext.h"
#include "format/fhirvocabulary.h"
#include "model/jsonreader.h"
#include "model/prefill.h"

#include <QFileInfo>

#include <algorithm>

namespace coform {

using namespace FhirVocabulary;
using namespace FhirRead;

void FhirReader::addInfo(const QJsonObject &source, const QJsonObject *inheritedCondition, const QString &place)
{
    Item item;
    item.type = ItemType::Info;
    const bool group = str(source, "type") == QLatin1String("group");
    QMap<QString, QString> helpTranslations;
    item.help = helpOf(source, &helpTranslations);
    if (FhirText::plainOf(source, QStringLiteral("text")).isEmpty() && item.help.isEmpty()) {
        skip(place, QStringLiteral("a display item without text"), ImportNote::Topic::Texts);
        return;
    }
    item.id = allocateId(source, QStringLiteral("info"));
    item.label = textOf(source, item.id);
    for (auto it = helpTranslations.cbegin(); it != helpTranslations.cend(); ++it) {
        m_languages.insert(it.key());
        item.translations[it.key()].help = it.value();
    }
    if (item.label.isEmpty()) {
        // A group with help but no title: the heading is its first question, the help follows.
        item.label = group && !firstQuestionText(source).isEmpty() ? firstQuestionText(source) : item.help;
        if (item.label == item.help)
            item.help.clear();
    }
    // A group's prefix ("Part B") is part of what a person reads in its heading.
    if (group && !str(source, "prefix").isEmpty())
        item.label = str(source, "prefix") + QLatin1Char(' ') + item.label;
    translate(
        source, QStringLiteral("text"), [](Translation &t, const QString &s) { t.label = s; }, &item.translations);
    for (const QJsonObject &e : extensions(source, coformUrl(extRequirement)))
        item.requirements << str(e, "valueString");
    for (const QJsonObject &e : extensions(source, coformUrl(extHelp))) {
        item.help = str(e, "valueString");
        translate(
            e, QStringLiteral("valueString"), [](Translation &t, const QString &s) { t.help = s; }, &item.translations);
    }
    item.picture = readPicture(source, FhirPictures::itemMedia, place, item.id, &item.translations);
    if (group) {
        m_notes[item.id].append(QStringLiteral("Heading of the FHIR group '%1', whose items follow").arg(place));
        if (source.value(QLatin1String("required")).toBool())
            lose(item.id, place, QStringLiteral("the group is required (Coform marks questions, not groups)"),
                 ImportNote::Topic::Limits, QStringLiteral("group is no longer required|groups are no longer required"),
                 QStringLiteral("Coform marks questions as required, not groups"));
    }
    noteLosses(source, &item, place);
    appendItem(item, source, inheritedCondition);
}

void FhirReader::addSignature(const QJsonObject &group, const QJsonObject *inheritedCondition)
{
    Item item;
    item.type = ItemType::Signature;
    item.id = allocateId(group, QStringLiteral("signature"));
    item.label = textOf(group, item.id);
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
        const QString text = FhirText::plainOf(group, QStringLiteral("text"));
        if (!text.isEmpty())
            addInfo(group, inheritedCondition, linkId);
        lose({}, linkId,
             QStringLiteral("the group repeats but holds more than simple questions: flattened, it can be "
                            "answered once"),
             ImportNote::Topic::Structure,
             QStringLiteral("repeating group can be answered once only|repeating groups can be answered once only"),
             QStringLiteral("a table holds simple questions only"));
        if (group.value(QLatin1String("required")).toBool() && text.isEmpty())
            lose({}, linkId, QStringLiteral("the group is required (Coform marks questions, not groups)"),
                 ImportNote::Topic::Limits, QStringLiteral("group is no longer required|groups are no longer required"),
                 QStringLiteral("Coform marks questions as required, not groups"));
        addChildren(children, depth + 1, group.contains(QLatin1String("enableWhen")) ? &group : inheritedCondition);
        return;
    }
    Item item;
    item.type = ItemType::Table;
    item.id = allocateId(group, QStringLiteral("table"));
    item.label = textOf(group, item.id);
    if (item.label.isEmpty()) {
        item.label = firstQuestionText(group);
        lose(item.id, linkId,
             QStringLiteral("the repeating group has no title; the table is called '%1'").arg(item.label),
             ImportNote::Topic::Texts);
    }
    // A required table needs at least one row (Coform's rule for required tables), as the required group needs one.
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
        column.label = FhirText::plainOf(c, QStringLiteral("text")).simplified();
        if (column.label.isEmpty())
            column.label = readableName(str(c, "linkId"));
        const QMap<QString, QString> t = translations(c, QStringLiteral("text"));
        for (auto it = t.cbegin(); it != t.cend(); ++it) {
            m_languages.insert(it.key());
            item.translations[it.key()].columns.insert(column.id, FhirText::plain(it.value()));
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
             QStringLiteral("table cells are text, so these columns lose their type: %1").arg(typed.join(", ")),
             ImportNote::Topic::Structure,
             QStringLiteral("table has columns of free text now|tables have columns of free text now"),
             QStringLiteral("table cells are text: no lists, numbers, dates or required cells"));
    readCommonExtensions(group, &item, linkId, {});
    appendItem(item, group, inheritedCondition);
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
    item->picture = readPicture(source, FhirPictures::itemMedia, place, item->id, &item->translations);
    QSet<QString> reported;
    for (const QJsonValue &v : source.value(QLatin1String("extension")).toArray()) {
        const QJsonObject e = v.toObject();
        const QString url = str(e, "url");
        if (url.startsWith(QLatin1String(coformBase)) || handled.contains(url) || reported.contains(url)
            || url == QLatin1String(FhirPictures::itemMedia)
            || (url == QLatin1String(sdcInitialExpression) && !item->prefill.isEmpty()))
            continue;
        reported.insert(url);
        const QString name = url.section(QLatin1Char('/'), -1);
        static const QSet<QString> limits{"minValue",
                                          "maxValue",
                                          "minLength",
                                          "regex",
                                          "maxDecimalPlaces",
                                          "maxSize",
                                          "mimeType",
                                          "minOccurs",
                                          "maxOccurs",
                                          "questionnaire-minOccurs",
                                          "questionnaire-maxOccurs",
                                          "questionnaire-sliderStepValue",
                                          "entryFormat",
                                          "sdc-questionnaire-entryFormat"};
        if (url == QLatin1String(itemControl)) {
            lose(item->id, place, QStringLiteral("display hint '%1'").arg(itemControlCodes(source).join(", ")),
                 ImportNote::Topic::DisplayHints);
        } else if (name.contains(QLatin1String("calculatedExpression"))
                   || name.contains(QLatin1String("cqf-expression"))) {
            lose(item->id, place, QStringLiteral("a calculation (%1)").arg(name), ImportNote::Topic::Answers,
                 QStringLiteral("question is no longer calculated|questions are no longer calculated"),
                 QStringLiteral("Coform does not calculate answers"));
        } else if (name.contains(QLatin1String("enableWhenExpression"))) {
            lose(item->id, place, QStringLiteral("a condition written as an expression (%1)").arg(name),
                 ImportNote::Topic::Conditions, QStringLiteral("question is always shown|questions are always shown"),
                 QStringLiteral("their conditions could not be carried over"));
        } else if (limits.contains(name)) {
            QString value;
            for (auto it = e.constBegin(); it != e.constEnd(); ++it) {
                if (it.key().startsWith(QLatin1String("value")) && !it.value().isObject() && !it.value().isArray())
                    value = it.value().toVariant().toString();
            }
            lose(item->id, place, QStringLiteral("the limit %1 %2").arg(name, value).trimmed(),
                 ImportNote::Topic::Limits,
                 QStringLiteral("question lost a limit on its answer|questions lost a limit on their answer"),
                 QStringLiteral("limits such as a shortest length, a pattern or a number of decimals"));
        } else if (name.startsWith(QLatin1String("rendering-")) || name.contains(QLatin1String("displayCategory"))
                   || name.contains(QLatin1String("choiceOrientation"))
                   || name.contains(QLatin1String("supportLink"))) {
            lose(item->id, place, QStringLiteral("display hint %1").arg(name), ImportNote::Topic::DisplayHints);
        } else {
            lose(item->id, place, QStringLiteral("extension %1").arg(name), ImportNote::Topic::Extensions);
        }
    }
    noteLosses(source, item, place);
}

void FhirReader::noteLosses(const QJsonObject &source, Item *item, const QString &place)
{
    const QString id = item ? item->id : QString();
    const bool group = str(source, "type") == QLatin1String("group");
    if (source.contains(QLatin1String("initial")))
        lose(id, place,
             QStringLiteral("its initial value %1").arg(describeValues(source.value("initial").toArray()).left(80)),
             ImportNote::Topic::Answers, QStringLiteral("question starts empty|questions start empty"),
             QStringLiteral("answers given from the start are not carried over"));
    if (source.value(QLatin1String("readOnly")).toBool())
        lose(id, place, QStringLiteral("read-only (Coform questions can always be answered)"),
             ImportNote::Topic::Limits,
             QStringLiteral("read-only question can now be answered|read-only questions can now be answered"),
             QStringLiteral("Coform questions can always be answered"));
    if (source.contains(QLatin1String("maxLength")))
        lose(id, place,
             QStringLiteral("the longest answer allowed (%1 characters)")
                 .arg(source.value(QLatin1String("maxLength")).toInt()),
             ImportNote::Topic::Limits,
             QStringLiteral("question has no longest answer now|questions have no longest answer now"),
             QStringLiteral("Coform has no limit on the length of an answer"));
    if (source.contains(QLatin1String("prefix")) && !group)
        lose(id, place, QStringLiteral("its prefix '%1' (Coform numbers questions itself)").arg(str(source, "prefix")),
             ImportNote::Topic::Texts);
    QStringList systems;
    QStringList codes;
    for (const QJsonValue &v : source.value(QLatin1String("code")).toArray()) {
        const QJsonObject c = v.toObject();
        QString system = str(c, "system");
        system = system.contains(QLatin1String("loinc"))    ? QStringLiteral("LOINC")
                 : system.contains(QLatin1String("snomed")) ? QStringLiteral("SNOMED CT")
                                                            : system.section(QLatin1Char('/'), -1);
        if (!systems.contains(system))
            systems << system;
        codes << QStringLiteral("%1 %2").arg(system, str(c, "code")).trimmed();
    }
    if (!codes.isEmpty()) {
        // The report says which terminologies; the item's note keeps the codes themselves.
        ImportNote note;
        note.place = place;
        note.itemId = id;
        note.topic = ImportNote::Topic::Codes;
        note.message = QStringLiteral("codes from %1").arg(systems.join(QStringLiteral(", ")));
        m_report.add(note);
        if (!id.isEmpty())
            m_notes[id].append(QStringLiteral("FHIR codes: %1").arg(codes.join(QStringLiteral(", "))));
    }
    if (source.contains(QLatin1String("definition")))
        lose(id, place, QStringLiteral("a definition link"), ImportNote::Topic::Codes);
    if (source.contains(QLatin1String("modifierExtension")))
        lose(id, place, QStringLiteral("modifier extensions"), ImportNote::Topic::Extensions);
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
    item.label = textOf(source, item.id);
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
        lose(item.id, linkId, QStringLiteral("the item had no text; its label was made from its linkId"),
             ImportNote::Topic::Texts,
             QStringLiteral("question had no text and is labelled by its code|questions had no text and are labelled "
                            "by their code"),
             QStringLiteral("give them a label"));
    }
    QSet<QString> handled;
    const QString coformType = extensions(source, coformUrl(extItemType)).isEmpty()
                                   ? QString()
                                   : str(extensions(source, coformUrl(extItemType)).first(), "valueCode");
    const bool hasOptions =
        source.contains(QLatin1String("answerOption")) || source.contains(QLatin1String("answerValueSet"));
    QString otherValue; // the option for "other" answers, when the question takes typed answers beside its list
    const bool typedWithList = (type == QLatin1String("string") || type == QLatin1String("text"))
                               && !source.value(QLatin1String("answerOption")).toArray().isEmpty();
    if (typedWithList || type == QLatin1String("open-choice")) {
        // A list with typed answers beside it: a choice with "Other", and a text question for the other answer.
        item.type = repeats ? ItemType::MultiChoice : ItemType::Choice;
        if (!readOptions(source, &item, linkId)) {
            if (refused() || m_timer.elapsed() > m_timeoutMs)
                return;
            item.type = type == QLatin1String("text") ? ItemType::Textarea : ItemType::Text;
            item.options.clear();
        } else {
            ImportIds values;
            for (const Option &o : item.options)
                values.allocate(o.value, {});
            otherValue = values.allocate(QStringLiteral("other"), QStringLiteral("other"));
            item.options.append({otherValue, QStringLiteral("Other"), {}, {}});
            m_notes[item.id].append(QStringLiteral("FHIR %1 with a list of answers: a choice, with 'Other' for "
                                                   "an answer typed in the next question")
                                        .arg(type));
            ImportNote note;
            note.kind = ImportNote::Kind::Remark;
            note.place = linkId;
            note.itemId = item.id;
            note.topic = ImportNote::Topic::Answers;
            note.message = QStringLiteral("a %1 question with a list: a choice with 'Other', and a question for the "
                                          "typed answer after it")
                               .arg(type);
            m_report.add(note);
        }
    } else if (type == QLatin1String("string") || type == QLatin1String("url")) {
        item.type = coformType == QLatin1String("textarea") ? ItemType::Textarea : ItemType::Text;
        for (const QJsonObject &e : extensions(source, coformUrl(extTextFormat)))
            item.format = str(e, "valueCode");
        if (type == QLatin1String("url"))
            lose(item.id, linkId, QStringLiteral("the answer must be a web address (url)"), ImportNote::Topic::Kinds,
                 QStringLiteral("question takes any text now|questions take any text now"),
                 QStringLiteral("Coform has no question for a web address, a time, a file or a reference"));
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
            // A missing value set is said already, with what to do.
            const bool said = source.contains(QLatin1String("answerValueSet"));
            lose(item.id, linkId, QStringLiteral("no answer options could be read, so it is a text question"),
                 ImportNote::Topic::Answers,
                 said ? QString()
                      : QStringLiteral("choice question takes any text now|choice questions take "
                                       "any text now"),
                 QStringLiteral("the file lists no answers for them"));
        }
    } else if (type == QLatin1String("date") || type == QLatin1String("dateTime")) {
        item.type = ItemType::Date;
        if (type == QLatin1String("dateTime"))
            lose(item.id, linkId, QStringLiteral("the time of day (dateTime: Coform asks for the date)"),
                 ImportNote::Topic::Kinds,
                 QStringLiteral("question asks for a date only|questions ask for a date only"),
                 QStringLiteral("the time of day is not asked"));
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
                         .arg(item.unit),
                     ImportNote::Topic::Answers,
                     QStringLiteral("question lost its choice of units|questions lost their choice of units"),
                     QStringLiteral("the first unit is kept"));
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
            lose(item.id, linkId, QStringLiteral("whole numbers only (integer)"), ImportNote::Topic::Limits,
                 QStringLiteral("question takes any number now|questions take any number now"),
                 QStringLiteral("they took whole numbers only"));
    } else {
        item.type = ItemType::Text;
        lose(item.id, linkId,
             QStringLiteral("a '%1' question, which Coform has no type for: it is a text question")
                 .arg(type.isEmpty() ? QStringLiteral("(no type)") : type),
             ImportNote::Topic::Kinds, QStringLiteral("question takes any text now|questions take any text now"),
             QStringLiteral("Coform has no question for a web address, a time, a file or a reference"));
    }
    const bool listFellBack = type == QLatin1String("choice") || type == QLatin1String("open-choice") || typedWithList;
    if (hasOptions && !itemTypeHasOptions(item.type) && !listFellBack) // a list that fell back is said above
        lose(item.id, linkId, QStringLiteral("answer options on a '%1' question").arg(type), ImportNote::Topic::Answers,
             QStringLiteral("question lost its list of answers|questions lost their list of answers"),
             QStringLiteral("lists on dates, numbers and times are not carried over"));
    if (repeats && item.type != ItemType::MultiChoice)
        lose(item.id, linkId, QStringLiteral("several answers (repeats): Coform takes one"), ImportNote::Topic::Answers,
             QStringLiteral("question takes one answer now|questions take one answer now"),
             QStringLiteral("they took several"));
    readCommonExtensions(source, &item, linkId, handled);
    appendItem(item, source, inheritedCondition);
    if (!otherValue.isEmpty())
        addOtherAnswer(item, otherValue, inheritedCondition);
    // Questions under a question (allowed in R4) follow it, flattened.
    QJsonArray nested;
    for (const QJsonValue &v : source.value(QLatin1String("item")).toArray()) {
        if (!isHelpDisplay(v.toObject()))
            nested.append(v);
    }
    if (!nested.isEmpty()) {
        lose(item.id, linkId, QStringLiteral("%1 items nested under this question now follow it").arg(nested.size()),
             ImportNote::Topic::Structure);
        addChildren(nested, depth + 1, inheritedCondition);
    }
}

void FhirReader::addOtherAnswer(const Item &choice, const QString &otherValue, const QJsonObject *inheritedCondition)
{
    Item other;
    other.id = m_ids.allocate(choice.id + QStringLiteral("-other"), QStringLiteral("other"));
    other.type = ItemType::Text;
    other.label = QStringLiteral("Other answer to \"%1\"").arg(choice.label.left(80));
    ShowIf showIf;
    showIf.item = choice.id;
    if (choice.type == ItemType::MultiChoice) {
        showIf.kind = ShowIf::Kind::In;
        showIf.in = QJsonArray{otherValue};
    } else {
        showIf.kind = ShowIf::Kind::Equals;
        showIf.equals = otherValue;
    }
    other.showIf = showIf;
    m_notes[other.id].append(
        QStringLiteral("The typed answer of FHIR item '%1' when no listed answer fits").arg(m_linkToId.key(choice.id)));
    (void)inheritedCondition; // shown only after the choice, which carries the condition
    ++m_otherQuestions;
    m_positionOf.insert(other.id, m_position++);
    m_t.sections.last().items.append(other);
}

} // namespace coform
