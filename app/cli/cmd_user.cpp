// coform-cli user add NAME --role ROLE | user list | user disable NAME | user enable NAME | user role NAME ROLE |
// user password NAME | user recovery-key | user recover NAME
#include "clisession.h"
#include "command.h"
#include "signin.h"

#include "store/keyring.h"
#include "store/userstore.h"

namespace coform::cli {
namespace {

const char *const usage =
    "usage: coform-cli user add NAME --role admin|reviewer|coproducer [--first-password] | "
    "user list | user disable NAME | user enable NAME | user role NAME admin|reviewer|coproducer "
    "| user password NAME [--first-password] | user recovery-key | user recover NAME   [--db PATH-or-URL] "
    "[--user NAME]";

/// Takes the flag out of args; true when it was there.
bool takeFlag(QStringList &args, const QString &flag)
{
    return args.removeAll(flag) > 0;
}

int badUsage(const QString &message = {})
{
    return usageError(usage, message);
}

int addUser(CliSession &cli, const QStringList &args)
{
    QStringList rest = args;
    const bool first = takeFlag(rest, QStringLiteral("--first-password"));
    QString roleText;
    if (!takeOption(rest, QStringLiteral("--role"), &roleText))
        return BadUsage;
    if (rest.size() != 1 || roleText.isEmpty())
        return badUsage(QStringLiteral("usage: coform-cli user add NAME --role admin|reviewer|coproducer"));
    const auto role = roleFromName(roleText);
    if (!role)
        return badUsage(QStringLiteral("unknown role '%1' (admin, reviewer or coproducer)").arg(roleText));
    int code = Done;
    Database *db = cli.openDatabase(&code);
    if (!db)
        return code;
    UserStore users(*db);
    const Result<bool> any = users.hasUsers();
    if (!any.ok())
        return CliSession::report(any.outcome());
    const QString name = rest.first();
    if (const QString problem = UserStore::nameProblem(name); !problem.isEmpty()) {
        printError(problem);
        return InvalidInput;
    }
    std::optional<Session> session;
    if (any.value()) {
        session = cli.signIn(&code);
        if (!session)
            return code;
    } else if (*role != Role::Admin) {
        printError(QStringLiteral("the database has no accounts yet: the first account must be an admin"));
        return InvalidInput;
    }
    const QString password =
        CliSession::readPassword("COFORM_NEW_PASSWORD", QStringLiteral("Password for the new account %1: ").arg(name));
    QString recovery;
    const Outcome outcome = !session ? users.createFirstAdmin(name, password, &recovery).outcome()
                            : first  ? users.addUserWithFirstPassword(*session, name, *role, password).outcome()
                                     : users.addUser(*session, name, *role, password).outcome();
    if (!outcome.ok())
        return CliSession::report(outcome);
    printLine(QStringLiteral("added %1 (%2)").arg(name, roleName(*role)));
    if (!recovery.isEmpty())
        CliSession::printRecoveryKey(recovery);
    return Done;
}

/// `user recovery-key` (admins: a new recovery key; the old one stops working) and `user recover NAME` (an admin's
/// forgotten password: the recovery key from COFORM_RECOVERY_KEY or typed, the new password from
/// COFORM_NEW_PASSWORD or typed).
int recovery(CliSession &cli, const QString &sub, const QStringList &args)
{
    int code = Done;
    if (sub == QLatin1String("recovery-key")) {
        if (!args.isEmpty())
            return badUsage();
        const std::optional<Session> session = cli.signIn(&code);
        if (!session)
            return code;
        const Result<QString> made = KeyRing(*cli.database()).newRecoveryKey(*session);
        if (!made.ok())
            return CliSession::report(made.outcome());
        printLine(QStringLiteral("a new recovery key was made; the old one no longer works"));
        CliSession::printRecoveryKey(*made);
        return Done;
    }
    if (args.size() != 1)
        return badUsage();
    Database *db = cli.openDatabase(&code);
    if (!db)
        return code;
    const QString key = CliSession::readPassword("COFORM_RECOVERY_KEY", QStringLiteral("Recovery key: "));
    const QString password =
        CliSession::readPassword("COFORM_NEW_PASSWORD", QStringLiteral("New password for %1: ").arg(args.first()));
    const Result<Session> session = KeyRing(*db).recover(args.first(), key, password);
    if (!session.ok())
        return CliSession::report(session.outcome());
    printLine(QStringLiteral("password changed for %1 with the recovery key").arg(session->userName()));
    return Done;
}

/// `user role NAME ROLE` (admins) and `user password NAME` (admins for anyone, everyone for themselves; the new
/// password from COFORM_NEW_PASSWORD or typed).
int changeUser(CliSession &cli, const QString &sub, const QStringList &arguments)
{
    QStringList args = arguments;
    const bool first = takeFlag(args, QStringLiteral("--first-password"));
    const bool role = sub == QLatin1String("role");
    if (args.size() != (role ? 2 : 1))
        return badUsage();
    std::optional<Role> newRole;
    if (role) {
        newRole = roleFromName(args.at(1));
        if (!newRole)
            return badUsage(QStringLiteral("unknown role '%1' (admin, reviewer or coproducer)").arg(args.at(1)));
    }
    int code = Done;
    // Someone with a first password may sign in only to choose their own.
    const std::optional<Session> session = cli.signIn(&code, !role);
    if (!session)
        return code;
    UserStore users(*cli.database());
    const bool self = UserStore::nameKey(args.first()) == UserStore::nameKey(session->userName());
    if (cli.hasFirstPassword() && !self) {
        printError(QStringLiteral("not permitted: choose your own password first: coform-cli user password %1")
                       .arg(session->userName()));
        return NotPermitted;
    }
    if (role) {
        if (const Outcome o = users.setRole(*session, args.first(), *newRole); !o.ok())
            return CliSession::report(o);
        printLine(QStringLiteral("%1 is now %2").arg(args.first(), roleName(*newRole)));
        return Done;
    }
    const QString password =
        CliSession::readPassword("COFORM_NEW_PASSWORD", QStringLiteral("New password for %1: ").arg(args.first()));
    const Outcome o = self && first ? Outcome::invalid(QStringLiteral("--first-password is for someone else's account"))
                      : self        ? users.changeOwnPassword(*session, cli.signedInPassword(), password)
                      : first       ? users.resetPassword(*session, args.first(), password)
                                    : users.setPassword(*session, args.first(), password);
    if (!o.ok())
        return CliSession::report(o);
    printLine(
        first ? QStringLiteral("%1 has a first password: they choose their own at the next sign-in").arg(args.first())
              : QStringLiteral("password changed for %1").arg(args.first()));
    return Done;
}

int runUser(const QStringList &arguments)
{
    CliSession cli;
    std::optional<CommandWords> words = takeCommand(cli, arguments, usage);
    if (!words)
        return BadUsage;
    const QString sub = words->sub;
    QStringList &args = words->args;
    if (sub == QLatin1String("add"))
        return addUser(cli, args);
    if (sub == QLatin1String("role") || sub == QLatin1String("password"))
        return changeUser(cli, sub, args);
    if (sub == QLatin1String("recovery-key") || sub == QLatin1String("recover"))
        return recovery(cli, sub, args);
    if (sub != QLatin1String("list") && sub != QLatin1String("disable") && sub != QLatin1String("enable"))
        return badUsage();
    if ((sub == QLatin1String("list")) != args.isEmpty() || args.size() > 1)
        return badUsage();
    return signedIn(cli, [&](const Session &session) -> int {
        UserStore users(*cli.database());
        if (sub == QLatin1String("list")) {
            const Result<QVector<Account>> list = users.users(session);
            if (!list.ok())
                return CliSession::report(list.outcome());
            for (const Account &a : list.value()) {
                printLine(QStringLiteral("%1\t%2\t%3")
                              .arg(a.name, roleName(a.role),
                                   a.disabled ? QStringLiteral("disabled") : QStringLiteral("enabled")));
            }
            return Done;
        }
        const Outcome outcome = sub == QLatin1String("disable") ? users.disableUser(session, args.first())
                                                                : users.enableUser(session, args.first());
        if (!outcome.ok())
            return CliSession::report(outcome);
        printLine(QStringLiteral("%1 %2d").arg(args.first(), sub));
        return Done;
    });
}

const CommandRegistration
    registration("user",
                 "user add NAME --role ROLE [--first-password] | list | disable NAME | enable "
                 "NAME | role NAME ROLE | password NAME [--first-password] | recovery-key | recover NAME  "
                 "[--db PATH-or-URL] "
                 "[--user NAME]",
                 runUser);

} // namespace
} // namespace coform::cli
