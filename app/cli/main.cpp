#include "command.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <cstring>

using namespace coform::cli;

static void printUsage()
{
    printLine(QStringLiteral("usage: coform-cli COMMAND [ARGS...]\n\ncommands:"));
    for (const RegisteredCommand &c : registeredCommands())
        printLine(QStringLiteral("  %1").arg(c.synopsis));
    printLine(QStringLiteral("\nExit codes: 0 done, 1 bad usage, 2 invalid input, 3 conflict, 4 not found, "
                             "5 not permitted."));
}

int main(int argc, char **argv)
{
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
