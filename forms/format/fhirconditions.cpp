#include "fhirreader.h"

#include "format/fhirvocabulary.h"
#include "model/jsonreader.h"

#include <QFileInfo>

#include <algorithm>

namespace coform {

using namespace FhirVocabulary;
using namespace FhirRead;

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
            QStringLiteral("the condition for showing it (%1): %2").arg(describeConditions(p.enableWhen), why);
        // Sections carry no note; the report lists it.
        lose(p.itemId, p.place, message, ImportNote::Topic::Conditions,
             p.itemId.isEmpty() ? QStringLiteral("section is always shown|sections are always shown")
                                : QStringLiteral("question is always shown|questions are always shown"),
             QStringLiteral("their conditions could not be carried over"));
    }
}

QString FhirReader::describeValues(const QJsonArray &values)
{
    QStringList out;
    for (const QJsonValue &v : values) {
        const QJsonObject o = v.toObject();
        for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
            if (!it.key().startsWith(QLatin1String("value")) && !it.key().startsWith(QLatin1String("answer")))
                continue;
            const QJsonValue value = it.value();
            QString text;
            if (value.isObject()) {
                const QJsonObject inner = value.toObject();
                text = str(inner, "display");
                if (text.isEmpty())
                    text = str(inner, "code");
                if (text.isEmpty() && inner.contains(QLatin1String("value")))
                    text = QStringLiteral("%1 %2").arg(inner.value(QLatin1String("value")).toVariant().toString(),
                                                       str(inner, "unit"));
                if (text.isEmpty())
                    text = str(inner, "reference");
            } else if (value.isBool()) {
                text = value.toBool() ? QStringLiteral("Yes") : QStringLiteral("No");
            } else {
                text = value.toVariant().toString();
            }
            out << QStringLiteral("'%1'").arg(text.trimmed().left(40));
        }
    }
    return out.join(QStringLiteral(", "));
}

QString FhirReader::describeConditions(const QJsonArray &enableWhen)
{
    QStringList out;
    for (const QJsonValue &v : enableWhen) {
        const QJsonObject c = v.toObject();
        if (str(c, "operator") == QLatin1String("exists"))
            out << QStringLiteral("'%1' is %2")
                       .arg(str(c, "question").left(40), c.value(QLatin1String("answerBoolean")).toBool()
                                                             ? QStringLiteral("answered")
                                                             : QStringLiteral("not answered"));
        else
            out << QStringLiteral("'%1' %2 %3")
                       .arg(str(c, "question").left(40), str(c, "operator"), describeValues(QJsonArray{c}));
        if (out.size() == 4 && enableWhen.size() > 4) {
            out << QStringLiteral("%1 more").arg(enableWhen.size() - 4);
            break;
        }
    }
    return out.join(QStringLiteral("; "));
}

} // namespace coform
