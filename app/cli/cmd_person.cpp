// coform-cli person add --name NAME --nhs-number N --dob YYYY-MM-DD [details] | person list [--search TEXT] |
// person show ID
#include "clisession.h"
#include "command.h"
#include "signin.h"

#include "model/nhsnumber.h"
#include "store/auditlog.h"
#include "store/personstore.h"

namespace coform::cli {
namespace {

const char *const usage =
    "usage: coform-cli person add --name NAME --nhs-number N --dob YYYY-MM-DD [--communication-needs TEXT] "
    "[--format standard|large-print|easy-read|braille|audio|email|bsl|interpreter] [--representative NAME] "
    "[--representative-contact TEXT] | person list [--search TEXT] | person show ID   [--db PATH-or-URL] "
    "[--user NAME]";

int badUsage(const QString &message = {})
{
    return usageError(usage, message);
}

QString describe(const PersonRecord &p)
{
    return QStringLiteral("%1\t%2\t%3\t%4")
        .arg(p.id)
        .arg(p.person.name, NhsNumber::formatted(p.person.nhsNumber), p.person.dateOfBirth.toString(Qt::ISODate));
}

int addPerson(CliSession &cli, QStringList args)
{
    PersonRecord details;
    QString dob;
    if (!takeOption(args, QStringLiteral("--name"), &details.person.name)
        || !takeOption(args, QStringLiteral("--nhs-number"), &details.person.nhsNumber)
        || !takeOption(args, QStringLiteral("--dob"), &dob)
        || !takeOption(args, QStringLiteral("--communication-needs"), &details.communicationNeeds)
        || !takeOption(args, QStringLiteral("--format"), &details.preferredFormat)
        || !takeOption(args, QStringLiteral("--representative"), &details.representativeName)
        || !takeOption(args, QStringLiteral("--representative-contact"), &details.representativeContact))
        return BadUsage;
    if (!args.isEmpty() || details.person.name.isEmpty() || details.person.nhsNumber.isEmpty() || dob.isEmpty())
        return badUsage();
    details.person.dateOfBirth = QDate::fromString(dob, Qt::ISODate);
    if (!details.person.dateOfBirth.isValid()) {
        printError(QStringLiteral("--dob: \"%1\" is not a date written YYYY-MM-DD").arg(dob));
        return InvalidInput;
    }
    if (const QString problem = PersonStore::detailsProblem(details); !problem.isEmpty()) {
        printError(problem);
        return InvalidInput;
    }
    int code = Done;
    const std::optional<Session> session = cli.signIn(&code);
    if (!session)
        return code;
    PersonStore people(*cli.database(), *session);
    const Result<QVector<PersonRecord>> same = people.sameNhsNumber(details.person.nhsNumber);
    if (!same.ok())
        return CliSession::report(same.outcome());
    const Result<PersonRecord> added = people.add(details);
    if (!added.ok())
        return CliSession::report(added.outcome());
    for (const PersonRecord &other : same.value())
        printError(QStringLiteral("warning: person %1 has the same NHS number; check this is not the same person")
                       .arg(other.id));
    printLine(QString::number(added->id));
    return Done;
}

int runPerson(const QStringList &arguments)
{
    CliSession cli;
    std::optional<CommandWords> words = takeCommand(cli, arguments, usage);
    if (!words)
        return BadUsage;
    const QString sub = words->sub;
    QStringList &args = words->args;
    if (sub == QLatin1String("add"))
        return addPerson(cli, args);
    QString search;
    if (sub == QLatin1String("list") && !takeOption(args, QStringLiteral("--search"), &search))
        return BadUsage;
    bool idOk = false;
    const qint64 id = sub == QLatin1String("show") && args.size() == 1 ? args.first().toLongLong(&idOk) : 0;
    if (!((sub == QLatin1String("list") && args.isEmpty()) || idOk))
        return badUsage();
    return signedIn(cli, [&](const Session &session) -> int {
        PersonStore people(*cli.database(), session);
        if (sub == QLatin1String("list")) {
            const Result<QVector<PersonRecord>> list = search.isEmpty() ? people.list() : people.search(search, 1000);
            if (!list.ok())
                return CliSession::report(list.outcome());
            if (const Outcome logged =
                    AuditLog(*cli.database(), session)
                        .recordListing(search.isEmpty() ? AuditLog::ListPeople : AuditLog::SearchPeople, list->size());
                !logged.ok())
                return CliSession::report(logged);
            for (const PersonRecord &p : list.value())
                printLine(describe(p));
            return Done;
        }
        const Result<PersonRecord> p = people.get(id);
        if (!p.ok())
            return CliSession::report(p.outcome());
        if (const Outcome logged = AuditLog(*cli.database(), session).record(AuditLog::ViewPerson, 0, id); !logged.ok())
            return CliSession::report(logged);
        printLine(describe(p.value()));
        printLine(QStringLiteral("communication needs\t%1").arg(p->communicationNeeds));
        printLine(QStringLiteral("preferred format\t%1").arg(p->preferredFormat));
        printLine(QStringLiteral("representative\t%1\t%2").arg(p->representativeName, p->representativeContact));
        return Done;
    });
}

const CommandRegistration registration("person",
                                       "person add --name NAME --nhs-number N --dob YYYY-MM-DD | list [--search TEXT] "
                                       "| show ID  [--db PATH-or-URL] [--user NAME]",
                                       runPerson);

} // namespace
} // namespace coform::cli
