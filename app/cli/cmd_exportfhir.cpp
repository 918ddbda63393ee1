// coform-cli export-fhir: a template as a FHIR R4 Questionnaire, or with answers a QuestionnaireResponse.
#include "command.h"

#include "check/answervalidation.h"
#include "format/fhirexport.h"
#include "format/templateformat.h"

using namespace coform;
using namespace coform::cli;

namespace {

void printProblems(const Problems &problems)
{
    for (const Problem &p : problems) {
        if (p.severity == Problem::Severity::Error)
            printError(p.toString());
    }
}

int runExportFhir(const QStringList &args)
{
    QString templatePath;
    QString answersPath;
    QString output;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("-o") && i + 1 < args.size()) {
            output = args[++i];
        } else if (args[i] == QLatin1String("--answers") && i + 1 < args.size()) {
            answersPath = args[++i];
        } else if (args[i].startsWith(QLatin1Char('-')) || !templatePath.isEmpty()) {
            templatePath.clear();
            break;
        } else {
            templatePath = args[i];
        }
    }
    if (templatePath.isEmpty() || output.isEmpty()) {
        printError(QStringLiteral("usage: coform-cli export-fhir TEMPLATE.json [--answers ANSWERS.json] -o OUT.json"));
        return BadUsage;
    }
    Problems problems;
    const std::optional<Template> t = readTemplateFile(templatePath, &problems);
    if (!t) {
        printProblems(problems);
        return InvalidInput;
    }
    QJsonObject resource;
    if (answersPath.isEmpty()) {
        resource = questionnaireFromTemplate(*t);
    } else {
        const std::optional<Answers> answers = readAnswersFile(answersPath, &problems);
        if (!answers) {
            printProblems(problems);
            return InvalidInput;
        }
        if (answers->templateId != t->id) {
            printError(QStringLiteral("%1: the answers are for template '%2', not '%3'")
                           .arg(answersPath, answers->templateId, t->id));
            return InvalidInput;
        }
        const Problems answerProblems = validateAnswers(*t, *answers, answersPath);
        if (hasErrors(answerProblems)) {
            printProblems(answerProblems);
            return InvalidInput;
        }
        resource = questionnaireResponseFromAnswers(*t, *answers);
    }
    QString error;
    if (!writeFileAtomically(output, fhirJson(resource), &error)) {
        printError(error);
        return InvalidInput;
    }
    return Done;
}

const CommandRegistration registration("export-fhir",
                                       "export-fhir TEMPLATE.json [--answers ANSWERS.json] -o OUT.json   FHIR R4 "
                                       "Questionnaire, or QuestionnaireResponse",
                                       runExportFhir);

} // namespace
