#pragma once

#include "model/answers.h"
#include "model/template.h"
#include "pdf/renderer.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <variant>

namespace coform::cli {

/// What `coform-cli render` is asked to do, read from its arguments and its files. Both of its ways read it here: the
/// PDF that coform-cli writes itself without Qt Gui (renderwithoutgui.h), and every other render (cmd_render.cpp).
struct RenderRequest
{
    QString templatePath;
    QString answersPath; ///< empty: a blank form
    Template form;
    std::optional<Answers> answers;
    RenderOptions options;
    bool html = false;
    QString outPath;
    /// A PDF that needs no font but the print fonts: not easy read (whose pictures Qt draws, and a picture may hold
    /// words in a font of its own), and every character of every text in the files is in the print fonts
    /// (printFontsCover()).
    bool printFontsSuffice = false;
};

/// Why a render request is refused: its exit code, and what to print (each a line of printError()).
struct RenderRefusal
{
    int code = 0;
    QStringList messages;
};

/// Reads the arguments after `render` and the files they name, or says why not: bad usage, a file not found, an
/// invalid template or answers, a language the template lacks. Prints nothing: the caller prints a refusal
/// (printRefusal()) or, without Qt Gui, may leave the whole request to the commands module (renderwithoutgui.h).
std::variant<RenderRequest, RenderRefusal> readRenderRequest(const QStringList &args);
/// The two steps of readRenderRequest(): the arguments alone (paths, options), then the files they name (the form,
/// the answers, whether the print fonts suffice), which fills in the rest of the request or says why not.
std::variant<RenderRequest, RenderRefusal> readRenderArguments(const QStringList &args);
std::optional<RenderRefusal> readRenderFiles(RenderRequest *request);

/// Prints the refusal's messages and returns its exit code.
int printRefusal(const RenderRefusal &refusal);

/// Writes the rendered bytes to the request's output file (atomically, readable only by its owner), or prints why not
/// and returns InvalidInput.
int writeRenderedFile(const RenderRequest &request, const QByteArray &bytes);

} // namespace coform::cli
