// coform-cli render TEMPLATE.json [--answers ANSWERS.json] [--lang en|cy|en+cy] [--print standard|large|easy]
//                   [--format pdf|html] [--paper a4|letter] [--pdfa] [--fillable] -o OUT
#include "command.h"
#include "fontconfiguration.h"

#include "check/answervalidation.h"
#include "format/templateformat.h"
#include "pdf/renderer.h"

#include <QCommandLineParser>
#include <QFileInfo>

namespace coform::cli {
namespace {

const char *const usage = "usage: coform-cli render TEMPLATE.json [--answers ANSWERS.json] [--lang en|cy|en+cy] "
                          "[--print standard|large|easy] [--format pdf|html] [--paper a4|letter] [--pdfa] [--fillable] "
                          "-o OUT";

void printProblems(const Problems &problems)
{
    for (const Problem &p : problems)
        printError(p.toString());
}

int runRender(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("template"), QStringLiteral("coform-template/1 file"));
    const QCommandLineOption answersOption(QStringLiteral("answers"),
                                           QStringLiteral("fill the form with these answers"), QStringLiteral("file"));
    const QCommandLineOption langOption(QStringLiteral("lang"), QStringLiteral("en, cy or en+cy (bilingual)"),
                                        QStringLiteral("languages"));
    const QCommandLineOption printOption(QStringLiteral("print"), QStringLiteral("standard, large or easy"),
                                         QStringLiteral("profile"), QStringLiteral("standard"));
    const QCommandLineOption formatOption(QStringLiteral("format"), QStringLiteral("pdf or html"),
                                          QStringLiteral("format"), QStringLiteral("pdf"));
    const QCommandLineOption paperOption(QStringLiteral("paper"), QStringLiteral("a4 or letter"),
                                         QStringLiteral("paper"), QStringLiteral("a4"));
    const QCommandLineOption pdfaOption(QStringLiteral("pdfa"), QStringLiteral("write PDF/A-1b"));
    const QCommandLineOption fillableOption(QStringLiteral("fillable"),
                                            QStringLiteral("a blank PDF form with form fields to fill on screen"));
    const QCommandLineOption outOption(QStringList{QStringLiteral("o"), QStringLiteral("output")},
                                       QStringLiteral("output file"), QStringLiteral("file"));
    parser.addOptions(
        {answersOption, langOption, printOption, formatOption, paperOption, pdfaOption, fillableOption, outOption});
    if (!parser.parse(QStringList{QStringLiteral("render")} + args) || parser.positionalArguments().size() != 1
        || !parser.isSet(outOption)) {
        printError(parser.errorText().isEmpty() ? QString::fromUtf8(usage) : parser.errorText());
        return BadUsage;
    }

    RenderOptions options;
    const std::optional<PrintProfile> profile = printProfileFromName(parser.value(printOption));
    if (!profile) {
        printError(
            QStringLiteral("--print: \"%1\" is not one of standard, large, easy").arg(parser.value(printOption)));
        return BadUsage;
    }
    options.profile = *profile;
    const QString format = parser.value(formatOption);
    if (format != QLatin1String("pdf") && format != QLatin1String("html")) {
        printError(QStringLiteral("--format: \"%1\" is not one of pdf, html").arg(format));
        return BadUsage;
    }
    const QString paper = parser.value(paperOption);
    if (paper == QLatin1String("letter"))
        options.paper = PaperSize::Letter;
    else if (paper != QLatin1String("a4")) {
        printError(QStringLiteral("--paper: \"%1\" is not one of a4, letter").arg(paper));
        return BadUsage;
    }
    options.pdfA = parser.isSet(pdfaOption);
    options.fillable = parser.isSet(fillableOption);
    if (options.fillable && parser.isSet(answersOption)) {
        printError(QStringLiteral("--fillable makes a blank form to fill in: leave out --answers (or --fillable)"));
        return BadUsage;
    }
    if (options.fillable && format != QLatin1String("pdf")) {
        printError(QStringLiteral("--fillable is for PDF: leave out --format html (or --fillable)"));
        return BadUsage;
    }
    if (parser.isSet(langOption)) {
        options.languages = parser.value(langOption).split(QLatin1Char('+'));
        for (const QString &lang : options.languages) {
            if (lang != QLatin1String("en") && lang != QLatin1String("cy")) {
                printError(QStringLiteral("--lang: \"%1\" is not one of en, cy, en+cy").arg(parser.value(langOption)));
                return BadUsage;
            }
        }
    }

    const QString path = parser.positionalArguments().first();
    if (!QFileInfo::exists(path)) {
        printError(QStringLiteral("%1: no such file").arg(path));
        return NotFound;
    }
    // Each file is read once: what is printed, and what the fonts are chosen for below, are the same bytes.
    Problems problems;
    const std::optional<QByteArray> templateBytes = readFileBytes(path, {}, &problems);
    const std::optional<Template> t = templateBytes ? readTemplate(*templateBytes, path, &problems) : std::nullopt;
    if (!t) {
        printProblems(problems);
        return InvalidInput;
    }
    for (const QString &lang : options.languages) {
        if (!t->languages.contains(lang)) {
            printError(QStringLiteral("%1:/languages: error: the template has no \"%2\" texts (it has %3)")
                           .arg(path, lang, t->languages.join(u", ")));
            return InvalidInput;
        }
    }

    std::optional<Answers> answers;
    std::optional<QByteArray> answersBytes;
    if (parser.isSet(answersOption)) {
        const QString answersPath = parser.value(answersOption);
        if (!QFileInfo::exists(answersPath)) {
            printError(QStringLiteral("%1: no such file").arg(answersPath));
            return NotFound;
        }
        Problems answerProblems;
        answersBytes = readFileBytes(answersPath, {}, &answerProblems);
        if (answersBytes)
            answers = readAnswers(*answersBytes, answersPath, &answerProblems);
        if (answers)
            answerProblems += validateAnswers(*t, *answers, answersPath);
        if (!answers || hasErrors(answerProblems)) {
            Problems errors;
            for (const Problem &p : answerProblems) {
                if (p.severity == Problem::Severity::Error)
                    errors.append(p);
            }
            printProblems(errors);
            return InvalidInput;
        }
    }

    // fontconfig's configuration (cli/fontconfiguration.h): the system's only when the form may need a system font,
    // that is when a text in the files has a character the print fonts lack, or in easy read, whose pictures Qt
    // draws (a picture may hold words in a font of its own).
    QList<QByteArrayView> files{*templateBytes};
    if (answersBytes)
        files << *answersBytes;
    if (format == QLatin1String("pdf") && options.profile != PrintProfile::Easy && printFontsCover(files))
        useOnlyThePrintFonts();
    else
        loadSystemFontConfiguration();

    QByteArray bytes;
    QString error;
    const Answers *filled = answers ? &*answers : nullptr;
    const bool ok = format == QLatin1String("html") ? renderHtml(*t, filled, options, &bytes, &error)
                                                    : renderPdf(*t, filled, options, &bytes, &error);
    if (!ok) {
        printError(QStringLiteral("%1: %2").arg(path, error));
        return InvalidInput;
    }
    if (!writeFileAtomically(parser.value(outOption), bytes, &error)) {
        printError(error);
        return InvalidInput;
    }
    return Done;
}

const CommandRegistration
    registration("render",
                 "render TEMPLATE.json [--answers ANSWERS.json] [--lang en|cy|en+cy] "
                 "[--print standard|large|easy] [--format pdf|html] [--paper a4|letter] "
                 "[--pdfa] [--fillable] -o OUT   a blank (or fillable) or filled form as PDF or HTML",
                 &runRender, FontConfiguration::ChosenByTheCommand, QtPlugins::RenderingOnly);

} // namespace
} // namespace coform::cli
