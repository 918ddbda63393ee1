#include "command.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <cstdio>

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
    const QByteArray line = qFormatLogMessage(type, context, message).toLocal8Bit() + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
}

int main(int argc, char **argv)
{
    qInstallMessageHandler(messageHandler);
    // Rendering PDFs needs fonts (Qt Gui); no window is ever shown, so no display is needed.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
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
            return c.run(args);
    }
    printError(QStringLiteral("unknown command '%1' (see coform-cli --help)").arg(name));
    return BadUsage;
}
