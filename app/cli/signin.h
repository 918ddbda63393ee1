#pragma once

#include "clisession.h"
#include "command.h"

#include <QStringList>

#include <optional>

namespace coform::cli {

/// A database command's words once `--db` and `--user` are taken out: the subcommand ("list", "add", ...) and the
/// words after it.
struct CommandWords
{
    QString sub;
    QStringList args;
};

/// What every database command with subcommands does first: takes --db and --user out of `arguments` into `cli`, and
/// the subcommand off the front. std::nullopt (exit code BadUsage) after printing why: an option without its value,
/// or `usage` when there is no subcommand.
std::optional<CommandWords> takeCommand(CliSession &cli, const QStringList &arguments, const char *usage);

/// Prints `message`, or `usage` when it is empty, and returns BadUsage.
int usageError(const char *usage, const QString &message = {});

/// Signs in as --user (CliSession::signIn) and runs `command` with the session; when the sign-in fails, its exit code
/// after printing why.
template<typename Command> int signedIn(CliSession &cli, Command &&command, bool firstPasswordAllowed = false)
{
    int code = Done;
    const std::optional<Session> session = cli.signIn(&code, firstPasswordAllowed);
    if (!session)
        return code;
    return command(*session);
}

} // namespace coform::cli
