// libcoform-cli-commands.so: every command of coform-cli, in a QGuiApplication. coform-cli loads it for everything
// but the PDFs it writes itself without Qt Gui (main.cpp, renderwithoutgui.h).
#include "command.h"
#include "fontconfiguration.h"

#include "pdf/pdfwriter.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QSqlDatabase>

#include <algorithm>
#include <cstdio>

#include <unistd.h>

using namespace coform::cli;

static void printUsage()
{
    printLine(QStringLiteral("usage: coform-cli COMMAND [ARGS...]\n\ncommands:"));
    for (const RegisteredCommand &c : registeredCommands())
        printLine(QStringLiteral("  %1").arg(c.synopsis));
    printLine(QStringLiteral("\nExit codes: 0 done, 1 bad usage, 2 invalid input, 3 conflict, 4 not found, "
                             "5 not permitted."));
}

/// Keeps the terminal for what the person asked: Qt's notes about the desktop session are not theirs to read.
static void messageHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (message.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR")))
        return;
    // A platform plugin without fonts: the command that needs them says so itself, once (PrintStyle::fontsProblem()).
    if (message == QLatin1String("This plugin does not support application fonts"))
        return;
    const QByteArray line = qFormatLogMessage(type, context, message).toLocal8Bit() + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
}

/// Ends the process once a command is done. What it wrote is on the disk (a file is synced before its name appears)
/// and what it printed is flushed here; what is left is only giving back memory that the process loses anyway as it
/// ends (the fonts, the font configuration, the platform plugin): 1 to 2 ms of a render, and a megabyte at the
/// end. Not while a database connection is still open (it is closed properly, as the return from main() does), nor
/// under the sanitizers (their leak check runs as a process exits normally).
static int endCommand(int code)
{
#if !defined(__SANITIZE_ADDRESS__)
    if (QSqlDatabase::connectionNames().isEmpty()) {
        std::fflush(stdout);
        std::fflush(stderr);
        _exit(code);
    }
#endif
    return code;
}

/// What zlib's default level means on this thread now (pdf/pdfwriter.h), for coform-cli's deflateInit() (main.cpp).
extern "C" Q_DECL_EXPORT int coform_defaultDeflateLevel()
{
    return coform::defaultDeflateLevel();
}

/// The module's entry point (main.cpp): runs the command of coform-cli's arguments in a QGuiApplication.
extern "C" Q_DECL_EXPORT int coform_cliMain(int *argcPointer, char **argv)
{
    int &argc = *argcPointer; // QGuiApplication keeps a reference to it
    const QString commandName = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    const auto command = std::find_if(registeredCommands().begin(), registeredCommands().end(),
                                      [&commandName](const RegisteredCommand &c) { return c.name == commandName; });
    const bool known = command != registeredCommands().end();
    if (!known || command->fonts == FontConfiguration::System)
        loadSystemFontConfiguration();
    qInstallMessageHandler(messageHandler);
    // Rendering PDFs needs fonts (Qt Gui); no window is ever shown, so no display is needed.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    if (known && command->plugins == QtPlugins::RenderingOnly)
        lookForQtPluginsOnlyInCoformsFolder();
    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("coform"));
    QCoreApplication::setOrganizationName(QStringLiteral("coform"));
    QCoreApplication::setApplicationVersion(QStringLiteral(COFORM_VERSION));

    QStringList args = app.arguments().mid(1);
    if (args.isEmpty() || args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h")
        || args.first() == QLatin1String("help")) {
        printUsage();
        return args.isEmpty() ? BadUsage : Done;
    }
    if (args.first() == QLatin1String("--version")) {
        printLine(QStringLiteral("coform-cli %1").arg(QCoreApplication::applicationVersion()));
        return Done;
    }
    const QString name = args.takeFirst();
    for (const RegisteredCommand &c : registeredCommands()) {
        if (c.name == name)
            return endCommand(c.run(args));
    }
    printError(QStringLiteral("unknown command '%1' (see coform-cli --help)").arg(name));
    return BadUsage;
}
