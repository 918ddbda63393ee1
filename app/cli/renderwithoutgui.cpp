#include "renderwithoutgui.h"

#include "command.h"
#include "renderrequest.h"

#include "format/picturedecode.h"
#include "pdf/plainrender.h"

#include <QFileInfo>

namespace coform {

namespace {
/// An embedded picture was met that this program could not decode (below).
bool undecodedPicture = false;
} // namespace

/// coform-cli's picture decoder (format/picturedecode.h): without Qt Gui it cannot decode a picture, so it notes that
/// it met one and lets the picture through; renderWithoutGui() then leaves the whole render to the commands module,
/// which reads the files again and decodes every picture (and prints every problem of the form, pictures included).
QString pictureDecodeProblem(const QString &, const QByteArray &)
{
    undecodedPicture = true;
    return {};
}

} // namespace coform

namespace coform::cli {

namespace {
/// A file that can be read again (not a pipe, a device or a folder); a path to nothing is not one.
bool isRegularFile(const QString &path)
{
    return QFileInfo(path).isFile();
}
} // namespace

std::optional<int> renderWithoutGui(const QStringList &args)
{
    std::variant<RenderRequest, RenderRefusal> read = readRenderArguments(args);
    if (const RenderRefusal *refused = std::get_if<RenderRefusal>(&read))
        return printRefusal(*refused);
    RenderRequest &request = std::get<RenderRequest>(read);
    // A file that cannot be read twice (a pipe, as a shell's "<(...)" gives) is left to the module unread: the
    // module may have to read it.
    if (request.html || !mayRenderWithoutQt(request.options) || !isRegularFile(request.templatePath)
        || (!request.answersPath.isEmpty() && !isRegularFile(request.answersPath)))
        return std::nullopt;
    const std::optional<RenderRefusal> refused = readRenderFiles(&request);
    if (undecodedPicture)
        return std::nullopt;
    if (refused)
        return printRefusal(*refused);
    if (!request.printFontsSuffice)
        return std::nullopt;
    QByteArray bytes;
    QString error;
    const Answers *filled = request.answers ? &*request.answers : nullptr;
    switch (renderPdfWithoutQt(request.form, filled, request.options, &bytes, &error)) {
    case PlainRender::Done:
        return writeRenderedFile(request, bytes);
    case PlainRender::NeedsQt:
        return std::nullopt;
    case PlainRender::Refused:
        break;
    }
    printError(QStringLiteral("%1: %2").arg(request.templatePath, error));
    return InvalidInput;
}

} // namespace coform::cli
