// coform-cli db migrate | db grant --app-role NAME [--report-role NAME]: what the owner of a PostgreSQL database (or
// of a SQLite file) runs; no Coform account is needed, the database's own permissions decide. `db encrypt --user
// NAME` (an admin, cmd_dbencrypt.cpp) seals the personal data of a database an older Coform wrote.
#include "clisession.h"
#include "command.h"

#include "store/postgresroles.h"

namespace coform::cli {
namespace {

const char *const usage = "usage: coform-cli db migrate [--db PATH-or-URL] | db grant --app-role NAME "
                          "[--report-role NAME] [--db URL]   (run as the owner of the database's tables) | db encrypt "
                          "--user NAME [--db PATH-or-URL]   (an admin)";

int badUsage(const QString &message = {})
{
    printError(message.isEmpty() ? QString::fromLatin1(usage) : message);
    return BadUsage;
}

int runDb(const QStringList &arguments)
{
    QStringList args = arguments;
    CliSession cli;
    QString appRole, reportRole;
    if (!cli.takeOptions(args) || !takeOption(args, QStringLiteral("--app-role"), &appRole)
        || !takeOption(args, QStringLiteral("--report-role"), &reportRole))
        return BadUsage;
    if (args == QStringList{QStringLiteral("encrypt")} && appRole.isEmpty() && reportRole.isEmpty())
        return runDbEncrypt(cli);
    if (args.size() != 1 || !cli.userName().isEmpty())
        return badUsage();
    const QString sub = args.first();
    if (sub == QLatin1String("migrate")) {
        if (!appRole.isEmpty() || !reportRole.isEmpty())
            return badUsage();
        int code = Done;
        Database *db = cli.openDatabase(&code); // opening migrates, or says why it may not
        if (!db)
            return code;
        printLine(QStringLiteral("%1 is at database schema %2, the latest this Coform knows")
                      .arg(db->location())
                      .arg(db->schemaVersion()));
        return Done;
    }
    if (sub != QLatin1String("grant"))
        return badUsage();
    if (appRole.isEmpty())
        return badUsage(QStringLiteral("db grant needs --app-role NAME: the login role the application connects as"));
    for (const QString &role : {appRole, reportRole}) {
        if (const QString problem = PostgresRoles::roleNameProblem(role); !role.isEmpty() && !problem.isEmpty())
            return badUsage(problem);
    }
    int code = Done;
    Database *db = cli.openDatabase(&code);
    if (!db)
        return code;
    const Outcome granted = PostgresRoles::grant(*db, appRole, reportRole);
    if (!granted.ok())
        return CliSession::report(granted);
    printLine(QStringLiteral("%1 may read and write Coform's tables at %2, and only read and append to the audit trail")
                  .arg(appRole, db->location()));
    if (!reportRole.isEmpty())
        printLine(
            QStringLiteral("%1 may read templates, versions, changes, comments, approvals and reviews' states and "
                           "dates; no person, answer or audit detail")
                .arg(reportRole));
    return Done;
}

const CommandRegistration registration("db",
                                       "db migrate | db grant --app-role NAME [--report-role NAME] | db encrypt "
                                       "--user NAME  [--db PATH-or-URL]",
                                       runDb);

} // namespace
} // namespace coform::cli
