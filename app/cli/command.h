#pragma once

#include "qtplugins.h"

#include <QString>
#include <QStringList>

namespace coform::cli {

/// Exit codes of coform-cli (DESIGN.md): other tools rely on them.
enum ExitCode : int { Done = 0, BadUsage = 1, InvalidInput = 2, Conflict = 3, NotFound = 4, NotPermitted = 5 };

/// A command runs with the arguments after its name and returns an ExitCode.
using CommandFunction = int (*)(const QStringList &args);

/// Who gives fontconfig its configuration (cli/fontconfiguration.h): main(), before the command runs, the system's; or
/// the command itself, which knows whether it may need a system font.
enum class FontConfiguration { System, ChosenByTheCommand };

/// Registers a command from its own source file (a static object), so command groups never edit a shared table.
struct CommandRegistration
{
    CommandRegistration(const char *name, const char *synopsis, CommandFunction run,
                        FontConfiguration fonts = FontConfiguration::System, QtPlugins plugins = QtPlugins::Everywhere);
};

struct RegisteredCommand
{
    QString name;
    QString synopsis;
    CommandFunction run;
    FontConfiguration fonts = FontConfiguration::System;
    QtPlugins plugins = QtPlugins::Everywhere;
};
const QList<RegisteredCommand> &registeredCommands();

/// Prints one line to stderr: "coform-cli: MESSAGE".
void printError(const QString &message);
/// Prints one line to stdout.
void printLine(const QString &line);

} // namespace coform::cli
