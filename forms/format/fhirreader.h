#pragma once

#include "format/fhirvaluesets.h"
#include "format/importids.h"
#include "format/importreport.h"
#include "format/templateformat.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <functional>
#include <optional>

namespace coform {

class FhirValueSets;

/// Small JSON helpers of the FHIR reader.
namespace FhirRead {
inline QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}
inline QString compact(const QJsonValue &v)
{
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    return v.toVariant().toString();
}
} // namespace FhirRead

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

/// Reads one Questionnaire; every method adds to the report, and refuse() stops the walk. Its methods live in
/// fhirreader.cpp (the walk), fhiritems.cpp (questions, tables, headings), fhiroptions.cpp (answer lists and value
/// sets), fhirconditions.cpp (enableWhen) and fhirchecks.cpp (versions, tidying).
class FhirReader
{
public:
    FhirReader(const QString &fileName, const ReadLimits &limits, int timeoutMs, const FhirValueSets *valueSets)
        : m_limits(limits)
        , m_timeoutMs(timeoutMs)
    {
        if (valueSets)
            m_valueSets = *valueSets;
        m_report.file = fileName;
        m_timer.start();
    }

    ImportResult run(const QByteArray &json);
    /// The same for a parsed resource (a Questionnaire, or a Bundle holding one).
    ImportResult run(const QJsonObject &root);

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
    /// A loss: in the report (with plain words for its summary when `gist` is set) and in the item's note.
    void lose(const QString &itemId, const QString &place, const QString &message,
              ImportNote::Topic topic = ImportNote::Topic::Other, const QString &gist = {}, const QString &why = {});
    void skip(const QString &place, const QString &message, ImportNote::Topic topic, const QString &gist = {});
    /// The plain text of an item's `text` (markup removed; pictures reported on `itemId`).
    QString textOf(const QJsonObject &item, const QString &itemId);
    /// The picture of the media extension `url` of `source` (FhirPictures); its words in other languages go to
    /// `translations` (pictureAlt). One that cannot be used is reported as lost on `itemId` at `place`.
    std::optional<Picture> readPicture(const QJsonObject &source, const char *url, const QString &place,
                                       const QString &itemId, QMap<QString, Translation> *translations);
    /// A choice with an "Other" option gets a text question for the other answer, shown when "Other" is chosen.
    void addOtherAnswer(const Item &choice, const QString &otherValue, const QJsonObject *inheritedCondition);
    /// Plain words for an enableWhen ("'1.2' = 'Yes'") and for an initial value ("Yes").
    static QString describeConditions(const QJsonArray &enableWhen);
    static QString describeValues(const QJsonArray &values);
    QString firstQuestionText(const QJsonObject &group) const;
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
    FhirValueSets m_valueSets;                             ///< contained, Bundle and a person's own
    QHash<QString, QStringList> m_notes;                   ///< item id -> note lines
    QVector<PendingCondition> m_pending;
    QSet<QString> m_languages;
    QHash<QString, QString> m_placeToItem; ///< linkId -> item id, or "section:ID"
    int m_sourceQuestions = 0;
    int m_otherQuestions = 0; ///< text questions made for "Other" answers
};

} // namespace coform
