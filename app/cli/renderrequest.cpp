#include "renderrequest.h"

#include "command.h"
#include "printfontscover.h"

#include "check/answervalidation.h"
#include "format/outputfile.h"
#include "format/templateformat.h"

#include <QCommandLineParser>
#include <QFileInfo>

namespace coform::cli {
namespace {

const char *const usage = "usage: coform-cli render TEMPLATE.json [--answers ANSWERS.json] [--lang en|cy|en+cy] "
                          "[--print standard|large|easy] [--format pdf|html] [--paper a4|letter] [--pdfa] [--fillable] "
                          "-o OUT";

RenderRefusal refusal(int code, const QString &message)
{
    return {code, {message}};
}

RenderRefusal refusal(const Problems &problems)
{
    RenderRefusal r{InvalidInput, {}};
    for (const Problem &p : problems)
        r.messages << p.toString();
    return r;
}

/// The answers file, read and checked against the form; nullopt with why not in `why`.
std::optional<Answers> readCheckedAnswers(const QString &path, const Template &t, QByteArray *bytes, RenderRefusal *why)
{
    if (!QFileInfo::exists(path)) {
        *why = refusal(NotFound, QStringLiteral("%1: no such file").arg(path));
        return std::nullopt;
    }
    Problems problems;
    const std::optional<QByteArray> read = readFileBytes(path, {}, &problems);
    std::optional<Answers> answers = read ? readAnswers(*read, path, &problems) : std::nullopt;
    if (answers)
        problems += validateAnswers(t, *answers, path);
    if (!answers || hasErrors(problems)) {
        Problems errors;
        for (const Problem &p : problems) {
            if (p.severity == Problem::Severity::Error)
                errors.append(p);
        }
        *why = refusal(errors);
        return std::nullopt;
    }
    *bytes = *read;
    return answers;
}

} // namespace

std::variant<RenderRequest, RenderRefusal> readRenderArguments(const QStringList &args)
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
        return refusal(BadUsage, parser.errorText().isEmpty() ? QString::fromUtf8(usage) : parser.errorText());
    }

    RenderRequest request;
    RenderOptions &options = request.options;
    const std::optional<PrintProfile> profile = printProfileFromName(parser.value(printOption));
    if (!profile) {
        return refusal(
            BadUsage,
            QStringLiteral("--print: \"%1\" is not one of standard, large, easy").arg(parser.value(printOption)));
    }
    options.profile = *profile;
    const QString format = parser.value(formatOption);
    if (format != QLatin1String("pdf") && format != QLatin1String("html")) {
        return refusal(BadUsage, QStringLiteral("--format: \"%1\" is not one of pdf, html").arg(format));
    }
    request.html = format == QLatin1String("html");
    const QString paper = parser.value(paperOption);
    if (paper == QLatin1String("letter"))
        options.paper = PaperSize::Letter;
    else if (paper != QLatin1String("a4")) {
        return refusal(BadUsage, QStringLiteral("--paper: \"%1\" is not one of a4, letter").arg(paper));
    }
    options.pdfA = parser.isSet(pdfaOption);
    options.fillable = parser.isSet(fillableOption);
    if (options.fillable && parser.isSet(answersOption)) {
        return refusal(BadUsage,
                       QStringLiteral("--fillable makes a blank form to fill in: leave out --answers (or --fillable)"));
    }
    if (options.fillable && request.html) {
        return refusal(BadUsage, QStringLiteral("--fillable is for PDF: leave out --format html (or --fillable)"));
    }
    if (parser.isSet(langOption)) {
        options.languages = parser.value(langOption).split(QLatin1Char('+'));
        for (const QString &lang : options.languages) {
            if (lang != QLatin1String("en") && lang != QLatin1String("cy")) {
                return refusal(
                    BadUsage,
                    QStringLiteral("--lang: \"%1\" is not one of en, cy, en+cy").arg(parser.value(langOption)));
            }
        }
    }
    request.outPath = parser.value(outOption);
    request.templatePath = parser.positionalArguments().first();
    if (parser.isSet(answersOption))
        request.answersPath = parser.value(answersOption);
    return request;
}

std::optional<RenderRefusal> readRenderFiles(RenderRequest *request)
{
    const QString &path = request->templatePath;
    const RenderOptions &options = request->options;
    if (!QFileInfo::exists(path))
        return refusal(NotFound, QStringLiteral("%1: no such file").arg(path));
    // Each file is read once: what is printed, and what the fonts are chosen for, are the same bytes.
    Problems problems;
    const std::optional<QByteArray> templateBytes = readFileBytes(path, {}, &problems);
    std::optional<Template> t = templateBytes ? readTemplate(*templateBytes, path, &problems) : std::nullopt;
    if (!t)
        return refusal(problems);
    for (const QString &lang : options.languages) {
        if (!t->languages.contains(lang)) {
            return refusal(InvalidInput,
                           QStringLiteral("%1:/languages: error: the template has no \"%2\" texts (it has %3)")
                               .arg(path, lang, t->languages.join(u", ")));
        }
    }
    request->form = std::move(*t);

    QList<QByteArrayView> files{*templateBytes};
    QByteArray answersBytes;
    if (!request->answersPath.isEmpty()) {
        RenderRefusal why;
        request->answers = readCheckedAnswers(request->answersPath, request->form, &answersBytes, &why);
        if (!request->answers)
            return why;
        files << answersBytes;
    }
    request->printFontsSuffice = !request->html && options.profile != PrintProfile::Easy && printFontsCover(files);
    return std::nullopt;
}

std::variant<RenderRequest, RenderRefusal> readRenderRequest(const QStringList &args)
{
    std::variant<RenderRequest, RenderRefusal> read = readRenderArguments(args);
    if (RenderRequest *request = std::get_if<RenderRequest>(&read)) {
        if (std::optional<RenderRefusal> refused = readRenderFiles(request))
            return *refused;
    }
    return read;
}

int printRefusal(const RenderRefusal &refusal)
{
    for (const QString &message : refusal.messages)
        printError(message);
    return refusal.code;
}

int writeRenderedFile(const RenderRequest &request, const QByteArray &bytes)
{
    QString error;
    if (!writeFileAtomically(request.outPath, bytes, &error)) {
        printError(error);
        return InvalidInput;
    }
    return Done;
}

} // namespace coform::cli
