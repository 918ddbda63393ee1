// coform-cli check TEMPLATE.json [--answers ANSWERS.json] [--complete] [--verbose]
#include "command.h"

#include "check/answervalidation.h"
#include "check/coverage.h"
#include "check/plainlanguage.h"
#include "format/templateformat.h"
#include "model/requirementset.h"
#include "model/translationstamps.h"

#include <QCommandLineParser>
#include <QFileInfo>

namespace coform::cli {
namespace {

void printProblems(const Problems &problems, Problem::Severity severity)
{
    for (const Problem &p : problems) {
        if (p.severity == severity)
            printError(p.toString());
    }
}

int runCheck(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("template"), QStringLiteral("coform-template/1 file"));
    const QCommandLineOption answersOption(QStringLiteral("answers"), QStringLiteral("check an answers file too"),
                                           QStringLiteral("file"));
    const QCommandLineOption completeOption(QStringLiteral("complete"),
                                            QStringLiteral("with --answers: every required question must be answered"));
    const QCommandLineOption verboseOption(QStringLiteral("verbose"), QStringLiteral("list every warning"));
    parser.addOptions({answersOption, completeOption, verboseOption});
    if (!parser.parse(QStringList{QStringLiteral("check")} + args) || parser.positionalArguments().size() != 1) {
        printError(parser.errorText().isEmpty() ? QStringLiteral("usage: coform-cli check TEMPLATE.json "
                                                                 "[--answers ANSWERS.json] [--complete] [--verbose]")
                                                : parser.errorText());
        return BadUsage;
    }
    const QString path = parser.positionalArguments().first();
    if (!QFileInfo::exists(path)) {
        printError(QStringLiteral("%1: no such file").arg(path));
        return NotFound;
    }

    Problems problems;
    const std::optional<Template> t = readTemplateFile(path, &problems);
    if (!t) {
        printProblems(problems, Problem::Severity::Error);
        printError(QStringLiteral("%1: %2 problem(s); the template cannot be used").arg(path).arg(problems.size()));
        return InvalidInput;
    }

    const int questions = int(t->questionNumbers().size());
    printLine(QStringLiteral("%1: \"%2\" (id %3, version %4): %5 sections, %6 questions, languages %7")
                  .arg(path, t->title, t->id)
                  .arg(t->version)
                  .arg(t->sections.size())
                  .arg(questions)
                  .arg(t->languages.join(u", ")));

    // Requirement coverage.
    Problems warnings;
    if (!t->requirementSet.isEmpty()) {
        const std::optional<RequirementSet> set = bundledRequirementSet(t->requirementSet);
        if (!set) {
            warnings.append({Problem::Severity::Warning, path, QStringLiteral("/requirementSet"),
                             QStringLiteral("unknown requirement set \"%1\"").arg(t->requirementSet)});
        } else {
            const Coverage coverage = computeCoverage(*t, *set);
            printLine(QStringLiteral("Requirement coverage (%1): %2 of %3 covered")
                          .arg(set->id)
                          .arg(set->requirements.size() - coverage.uncovered.size())
                          .arg(set->requirements.size()));
            for (const Requirement &r : set->requirements) {
                const QStringList items = coverage.itemsByRequirement.value(r.id);
                printLine(QStringLiteral("  %1 %2 (%3): %4")
                              .arg(items.isEmpty() ? QStringLiteral("MISSING ") : QStringLiteral("covered "), r.id,
                                   r.title, items.isEmpty() ? QStringLiteral("no item") : items.join(u", ")));
            }
            warnings += coverageProblems(*t, coverage, path);
        }
    }

    // Plain language: jargon with its plain words, long sentences, and how easy the questions read overall.
    {
        QString allText;
        for (const Item *item : t->allItems())
            allText += item->label + QLatin1Char('\n') + item->help + QLatin1Char('\n');
        const Readability r = measureReadability(allText);
        const Problems plain = plainLanguageProblems(*t, path, JargonList::bundled(t->sourceLanguage()));
        printLine(QStringLiteral("Plain language: reading ease %1 (60 or more is plain English), %2 words a sentence "
                                 "on average; %3 finding(s)")
                      .arg(r.fleschReadingEase, 0, 'f', 1)
                      .arg(r.wordsPerSentence, 0, 'f', 1)
                      .arg(plain.size()));
        warnings += plain;
    }

    // Translations.
    const QMap<QString, int> missing = missingTranslationCounts(*t);
    for (auto it = missing.begin(); it != missing.end(); ++it)
        printLine(QStringLiteral("Translation \"%1\": %2%3")
                      .arg(it.key(),
                           it.value() == 0 ? QStringLiteral("complete")
                                           : QStringLiteral("%1 text(s) missing").arg(it.value()),
                           it.key().contains(QLatin1String("-x-")) && it.value() > 0
                               ? QStringLiteral(" (optional: the plain text is used where one is missing)")
                               : QString()));
    // Translations made from an older wording of the source (always listed: someone must look at each).
    const QMap<QString, int> outOfDate = TranslationStamps::outOfDateCounts(*t);
    for (auto it = outOfDate.begin(); it != outOfDate.end(); ++it)
        printLine(QStringLiteral("Translation \"%1\": %2 text(s) out of date (the %3 wording changed after they were "
                                 "translated)")
                      .arg(it.key())
                      .arg(it.value())
                      .arg(t->sourceLanguage()));
    warnings += TranslationStamps::outOfDateProblems(*t, path);
    const Problems translationWarnings = translationProblems(*t, path);
    if (parser.isSet(verboseOption))
        warnings += translationWarnings;

    // Answers.
    bool answersValid = true;
    if (parser.isSet(answersOption)) {
        const QString answersPath = parser.value(answersOption);
        Problems answerProblems;
        const std::optional<Answers> answers = readAnswersFile(answersPath, &answerProblems);
        if (answers)
            answerProblems += validateAnswers(*t, *answers, answersPath,
                                              parser.isSet(completeOption) ? RequiredAnswers::MustBePresent
                                                                           : RequiredAnswers::MayBeMissing);
        printProblems(answerProblems, Problem::Severity::Error);
        warnings += answerProblems;
        answersValid = !hasErrors(answerProblems);
        if (answersValid)
            printLine(QStringLiteral("%1: the answers are valid").arg(answersPath));
    }

    printProblems(warnings, Problem::Severity::Warning);
    int warningCount = 0;
    for (const Problem &p : warnings)
        warningCount += p.severity == Problem::Severity::Warning ? 1 : 0;
    if (!parser.isSet(verboseOption) && !translationWarnings.isEmpty())
        printLine(QStringLiteral("(%1 missing translation(s); --verbose lists them)").arg(translationWarnings.size()));
    if (!answersValid) {
        printError(QStringLiteral("the answers are not valid"));
        return InvalidInput;
    }
    printLine(QStringLiteral("Valid, with %1 warning(s).").arg(warningCount));
    return Done;
}

const CommandRegistration registration("check",
                                       "check TEMPLATE.json [--answers ANSWERS.json] [--complete] "
                                       "[--verbose]   structure, coverage, plain language, translations",
                                       &runCheck);

} // namespace
} // namespace coform::cli
