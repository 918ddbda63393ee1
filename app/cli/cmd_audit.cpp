// coform-cli audit verify: checks the audit trail's chain (admins holding the data key) and names the first row that
// does not hold; exit 3 (conflict) when one does not.
#include "clisession.h"
#include "command.h"

#include "store/auditlog.h"

namespace coform::cli {
namespace {

int runAudit(const QStringList &arguments)
{
    QStringList args = arguments;
    CliSession cli;
    if (!cli.takeOptions(args))
        return BadUsage;
    if (args != QStringList{QStringLiteral("verify")}) {
        printError(QStringLiteral("usage: coform-cli audit verify [--db PATH-or-URL] [--user NAME]  (an admin)"));
        return BadUsage;
    }
    int code = Done;
    const std::optional<Session> session = cli.signIn(&code);
    if (!session)
        return code;
    const Result<AuditVerification> checked = AuditLog(*cli.database(), *session).verify();
    if (!checked.ok())
        return CliSession::report(checked.outcome());
    for (const QString &line : checked->words().split(QLatin1Char('\n')))
        printLine(line);
    return checked->holds() ? Done : Conflict;
}

const CommandRegistration registration("audit", "audit verify  [--db PATH-or-URL] [--user NAME]", runAudit);

} // namespace
} // namespace coform::cli
