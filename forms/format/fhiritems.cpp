#include "fhirreader.h"

#include "format/fhirvocabulary.h"
#include "format/jsonreader.h"

#include <QFileInfo>

#include <algorithm>

namespace coform {

using namespace FhirVocabulary;
using namespace FhirRead;

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

void FhirReader::readCommonExtensions(const QJsonObject &source, Item *item, const QString &place,
                                      const QSet<QString> &handled)
{
    for (const QJsonObject &e : extensions(source, coformUrl(extRequirement)))
        item->requirements << str(e, "valueString");
    QSet<QString> reported;
    for (const QJsonValue &v : source.value(QLatin1String("extension")).toArray()) {
        const QJsonObject e = v.toObject();
        const QString url = str(e, "url");
        if (url.startsWith(QLatin1String(coformBase)) || handled.contains(url) || reported.contains(url))
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

} // namespace coform
