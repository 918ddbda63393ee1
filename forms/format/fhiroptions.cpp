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

void FhirReader::readContained(const QJsonObject &root)
{
    for (const QJsonValue &v : root.value(QLatin1String("contained")).toArray())
        m_valueSets.add(v.toObject(), true);
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
        o.label = FhirText::plain(display.isEmpty() ? code : display);
        for (const QJsonObject &e : extensions(optionSource, coformUrl(extOptionDescription))) {
            o.description = str(e, "valueString");
            const QMap<QString, QString> t = translations(e, QStringLiteral("valueString"));
            for (auto it = t.cbegin(); it != t.cend(); ++it) {
                m_languages.insert(it.key());
                item->translations[it.key()].optionDescriptions.insert(o.value, it.value());
            }
        }
        QMap<QString, Translation> alts;
        o.picture = readPicture(optionSource, FhirPictures::answerMedia, place, item->id, &alts);
        for (auto it = alts.cbegin(); it != alts.cend(); ++it)
            item->translations[it.key()].optionPictureAlts.insert(o.value, it->pictureAlt);
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
            QString kind = QStringLiteral("of an unknown kind");
            for (auto it = option.constBegin(); it != option.constEnd(); ++it) {
                if (it.key().startsWith(QLatin1String("value")))
                    kind = QStringLiteral("a %1").arg(it.key().mid(5).toLower());
            }
            lose(item->id, place, QStringLiteral("an answer option Coform cannot list (%1)").arg(kind),
                 ImportNote::Topic::Answers,
                 QStringLiteral("question lost some of its answers|questions lost some of their answers"),
                 QStringLiteral("answers that are times or references cannot be listed"));
        }
        if (m_timer.elapsed() > m_timeoutMs)
            return false;
    }
    const QString valueSet = str(source, "answerValueSet");
    if (!valueSet.isEmpty()) {
        QString why;
        const std::optional<QJsonArray> concepts = m_valueSets.concepts(valueSet, &why);
        if (concepts && !concepts->isEmpty()) {
            for (const QJsonValue &c : *concepts) {
                const QJsonObject valueConcept = c.toObject();
                addOption(str(valueConcept, "code"), str(valueConcept, "display"), valueConcept, "display",
                          valueConcept);
            }
        } else if (concepts) {
            lose(item->id, place, QStringLiteral("the answers of the value set %1: %2").arg(valueSet, why),
                 ImportNote::Topic::Answers,
                 QStringLiteral("question lost its list of answers|questions lost their list of answers"), why);
        } else {
            lose(item->id, place,
                 QStringLiteral("the answers come from the value set %1, which is not in the file").arg(valueSet),
                 ImportNote::Topic::Answers,
                 QStringLiteral("question lost its list of answers and takes any text now|questions lost their list "
                                "of answers and take any text now"),
                 QStringLiteral("their answer lists are not in the file: import again with a folder of their value "
                                "sets (--valuesets FOLDER)"));
        }
    }
    if (initialSelected)
        lose(item->id, place, QStringLiteral("options selected from the start (initialSelected)"),
             ImportNote::Topic::Answers, QStringLiteral("question starts empty|questions start empty"),
             QStringLiteral("answers given from the start are not carried over"));
    if (!changed.isEmpty())
        m_notes[item->id].append(QStringLiteral("Option codes made into Coform values: %1").arg(changed.join(", ")));
    return !item->options.isEmpty();
}

} // namespace coform
