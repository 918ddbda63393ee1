#include "format/templateformat.h"

#include "format/jsonwriter.h"
#include "model/jsonreader.h"

namespace coform {

std::optional<Answers> readAnswers(const QByteArray &json, const QString &fileName, Problems *problems,
                                   const ReadLimits &limits)
{
    JsonReader r(fileName, problems);
    const std::optional<QJsonObject> root = r.parseObject(json, limits.maxBytes, limits.maxDepth);
    if (!root)
        return std::nullopt;
    const QString p;
    r.checkKeys(*root, p, {"format", "template", "version", "person", "answers"});
    const std::optional<QString> format = r.string(*root, p, "format", true);
    if (format && *format != QLatin1String(kAnswersFormat)) {
        r.error(QStringLiteral("/format"),
                QStringLiteral("expected \"%1\", found \"%2\"").arg(QLatin1String(kAnswersFormat), *format));
        return std::nullopt;
    }
    Answers answers;
    answers.templateId = r.string(*root, p, "template", true).value_or(QString());
    if (!answers.templateId.isEmpty() && !JsonReader::isValidId(answers.templateId))
        r.error(QStringLiteral("/template"),
                QStringLiteral("\"%1\" is not a valid template id").arg(answers.templateId));
    answers.version = r.integer(*root, p, "version", true).value_or(1);
    if (const auto person = r.object(*root, p, "person", false)) {
        const QString pp = QStringLiteral("/person");
        r.checkKeys(*person, pp, {"name", "nhsNumber", "dateOfBirth"});
        answers.person.name = r.string(*person, pp, "name", false).value_or(QString());
        answers.person.nhsNumber = r.string(*person, pp, "nhsNumber", false).value_or(QString());
        if (const auto dob = r.string(*person, pp, "dateOfBirth", false)) {
            answers.person.dateOfBirth = QDate::fromString(*dob, Qt::ISODate);
            if (!answers.person.dateOfBirth.isValid() || dob->size() != 10)
                r.error(QStringLiteral("/person/dateOfBirth"),
                        QStringLiteral("the date of birth is not a date (expected YYYY-MM-DD)"));
        }
    }
    if (const auto values = r.object(*root, p, "answers", true)) {
        int count = 0;
        for (auto it = values->begin(); it != values->end(); ++it) {
            if (++count > limits.maxItems) {
                r.error(QStringLiteral("/answers"), QStringLiteral("more than %1 answers").arg(limits.maxItems));
                break;
            }
            answers.values.insert(it.key(), it.value());
        }
    }
    if (r.errorCount() > 0)
        return std::nullopt;
    return answers;
}

std::optional<Answers> readAnswersFile(const QString &path, Problems *problems, const ReadLimits &limits)
{
    const std::optional<QByteArray> bytes = readFileBytes(path, limits, problems);
    if (!bytes)
        return std::nullopt;
    return readAnswers(*bytes, path, problems, limits);
}

QByteArray writeAnswers(const Answers &answers)
{
    JsonWriter w;
    w.beginObject();
    w.field(QStringLiteral("format"), QLatin1String(kAnswersFormat));
    w.field(QStringLiteral("template"), answers.templateId, false);
    w.key(QStringLiteral("version"));
    w.value(QJsonValue(answers.version));
    const Person &person = answers.person;
    if (!person.name.isEmpty() || !person.nhsNumber.isEmpty() || person.dateOfBirth.isValid()) {
        w.key(QStringLiteral("person"));
        w.beginObject();
        w.field(QStringLiteral("name"), person.name);
        w.field(QStringLiteral("nhsNumber"), person.nhsNumber);
        if (person.dateOfBirth.isValid())
            w.field(QStringLiteral("dateOfBirth"), person.dateOfBirth.toString(Qt::ISODate));
        w.endObject();
    }
    w.key(QStringLiteral("answers"));
    w.beginObject();
    for (auto it = answers.values.begin(); it != answers.values.end(); ++it) {
        w.key(it.key());
        w.value(it.value());
    }
    w.endObject();
    w.endObject();
    return w.result();
}

bool writeAnswersFile(const Answers &answers, const QString &path, QString *error)
{
    return writeFileAtomically(path, writeAnswers(answers), error);
}

} // namespace coform
