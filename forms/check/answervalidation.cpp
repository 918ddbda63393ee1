#include "check/answervalidation.h"

#include "model/nhsnumber.h"

#include <QJsonArray>
#include <QJsonObject>

namespace coform {

namespace {
bool isEmptyAnswer(const QJsonValue &v)
{
    return v.isUndefined() || v.isNull() || (v.isString() && v.toString().trimmed().isEmpty())
           || (v.isArray() && v.toArray().isEmpty());
}
} // namespace

Problems validateAnswers(const Template &t, const Answers &answers, const QString &fileName, RequiredAnswers required)
{
    Problems problems;
    auto error = [&](const QString &pointer, const QString &message) {
        problems.append({Problem::Severity::Error, fileName, pointer, message});
    };
    if (answers.templateId != t.id)
        error(QStringLiteral("/template"),
              QStringLiteral("these answers are for template \"%1\", not \"%2\"").arg(answers.templateId, t.id));
    if (answers.version != t.version)
        problems.append({Problem::Severity::Warning, fileName, QStringLiteral("/version"),
                         QStringLiteral("these answers are for version %1 of the template, not version %2")
                             .arg(answers.version)
                             .arg(t.version)});
    if (const QString problem = textProblem(answers.person.name, false); !problem.isEmpty())
        error(QStringLiteral("/person/name"), QStringLiteral("the name ") + problem);
    if (!answers.person.nhsNumber.isEmpty()) {
        const QString problem = NhsNumber::problem(answers.person.nhsNumber);
        if (!problem.isEmpty())
            error(QStringLiteral("/person/nhsNumber"), problem);
    }
    if (answers.person.dateOfBirth.isValid() && answers.person.dateOfBirth > QDate::currentDate())
        error(QStringLiteral("/person/dateOfBirth"), QStringLiteral("the date of birth is in the future"));

    for (auto it = answers.values.begin(); it != answers.values.end(); ++it) {
        const QString pointer = QStringLiteral("/answers/") + jsonPointerToken(it.key());
        const Item *item = t.findItem(it.key());
        if (!item) {
            error(pointer, QStringLiteral("the template has no question \"%1\"").arg(it.key()));
            continue;
        }
        if (it.value().isNull())
            continue; // an answer cleared on purpose
        const QString problem = answerProblem(*item, it.value());
        if (!problem.isEmpty()) {
            error(pointer, problem);
            continue;
        }
        if (!isShown(t, *item, answers))
            problems.append({Problem::Severity::Warning, fileName, pointer,
                             QStringLiteral("this question does not apply with the other answers given, so its "
                                            "answer is not shown")});
    }
    if (required == RequiredAnswers::MustBePresent) {
        const QMap<QString, int> numbers = t.questionNumbers();
        for (const Item *item : t.allItems()) {
            if (item->required && isShown(t, *item, answers) && isEmptyAnswer(answers.value(item->id)))
                error(QStringLiteral("/answers/") + jsonPointerToken(item->id),
                      QStringLiteral("question %1 (\"%2\") needs an answer")
                          .arg(numbers.value(item->id))
                          .arg(item->label));
        }
    }
    return problems;
}

} // namespace coform
