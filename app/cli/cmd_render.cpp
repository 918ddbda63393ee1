// coform-cli render TEMPLATE.json [--answers ANSWERS.json] [--lang en|cy|en+cy] [--print standard|large|easy]
//                   [--format pdf|html] [--paper a4|letter] [--pdfa] [--fillable] -o OUT
// The render that needs Qt Gui: HTML, easy read, fillable, PDF/A, pictures, text the print fonts do not shape alone.
// coform-cli writes every other PDF itself, without loading this module (renderwithoutgui.h).
#include "command.h"
#include "fontconfiguration.h"
#include "renderrequest.h"

namespace coform::cli {
namespace {

int runRender(const QStringList &args)
{
    std::variant<RenderRequest, RenderRefusal> read = readRenderRequest(args);
    if (const RenderRefusal *refused = std::get_if<RenderRefusal>(&read))
        return printRefusal(*refused);
    const RenderRequest &request = std::get<RenderRequest>(read);
    // fontconfig's configuration (cli/fontconfiguration.h): the system's only when the form may need a system font.
    if (request.printFontsSuffice)
        useOnlyThePrintFonts();
    else
        loadSystemFontConfiguration();

    QByteArray bytes;
    QString error;
    const Answers *filled = request.answers ? &*request.answers : nullptr;
    const bool ok = request.html ? renderHtml(request.form, filled, request.options, &bytes, &error)
                                 : renderPdf(request.form, filled, request.options, &bytes, &error);
    if (!ok) {
        printError(QStringLiteral("%1: %2").arg(request.templatePath, error));
        return InvalidInput;
    }
    return writeRenderedFile(request, bytes);
}

const CommandRegistration
    registration("render",
                 "render TEMPLATE.json [--answers ANSWERS.json] [--lang en|cy|en+cy] "
                 "[--print standard|large|easy] [--format pdf|html] [--paper a4|letter] "
                 "[--pdfa] [--fillable] -o OUT   a blank (or fillable) or filled form as PDF or HTML",
                 &runRender, FontConfiguration::ChosenByTheCommand, QtPlugins::RenderingOnly);

} // namespace
} // namespace coform::cli
