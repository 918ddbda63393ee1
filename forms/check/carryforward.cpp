#include "check/carryforward.h"

#include "check/answervalidation.h"

namespace coform {

QMap<QString, QJsonValue> carryForward(const Template &t, const Answers &previous, QStringList *leftOut)
{
    QMap<QString, QJsonValue> carried;
    const QMap<QString, int> numbers = t.questionNumbers();
    for (auto it = previous.values.begin(); it != previous.values.end(); ++it) {
        if (it.value().isNull() || it.value().isUndefined())
            continue;
        const Item *item = t.findItem(it.key());
        if (!item || !itemTypeIsAnswerable(item->type)) {
            if (leftOut)
                leftOut->append(QStringLiteral("\"%1\": this version of the form no longer asks it").arg(it.key()));
            continue;
        }
        if (!item->carryForward || !item->prefill.isEmpty() || item->type == ItemType::Date
            || item->type == ItemType::Signature)
            continue;
        if (const QString problem = answerProblem(*item, it.value()); !problem.isEmpty()) {
            if (leftOut)
                leftOut->append(QStringLiteral("question %1 (\"%2\"): last time's answer no longer fits: %3")
                                    .arg(numbers.value(item->id))
                                    .arg(item->label, problem));
            continue;
        }
        carried.insert(it.key(), it.value());
    }
    return carried;
}

} // namespace coform
