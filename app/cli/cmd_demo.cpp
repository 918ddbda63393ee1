// coform-cli demo --reviews N: fills a database with clearly fictional people (NHS numbers from the never-issued 999
// range) and reviews of the bundled CHC review template, for trying Coform out and for benchmarks.
#include "clisession.h"
#include "command.h"

#include "format/templateformat.h"
#include "store/demodata.h"
#include "store/permissions.h"
#include "store/templatestore.h"
#include "store/transaction.h"
#include "store/userstore.h"

#include <QElapsedTimer>
#include <QRandomGenerator>

namespace coform::cli {
namespace {

const char *const usage = "usage: coform-cli demo --reviews N [--db PATH-or-URL] [--user NAME]  (an admin; on a "
                          "database without accounts, --user becomes its first admin with the password in "
                          "COFORM_PASSWORD)";

/// The newest published version of the bundled template, publishing it first when the database has none: the admin
/// approves, and a demonstration coproducer account gives the lived-experience approval (it must be active when the
/// version is published; it is disabled right after).
Result<int> publishedBundledTemplate(Database &db, const Session &admin)
{
    Problems problems;
    const std::optional<Template> bundled =
        readTemplateFile(QStringLiteral(":/coform/templates/chc-review.json"), &problems);
    if (!bundled)
        return Outcome::failed(QStringLiteral("the bundled template cannot be read"));
    TemplateStore templates(db, admin);
    const Result<QVector<TemplateSummary>> all = templates.list();
    if (!all.ok())
        return all.outcome();
    for (const TemplateSummary &s : all.value()) {
        if (s.id == bundled->id && s.publishedVersion > 0)
            return s.publishedVersion;
        // Somebody's draft of it: never publish a group's work behind its back.
        if (s.id == bundled->id)
            return Outcome::conflict(QStringLiteral("template '%1' is in the database but has no published version "
                                                    "yet: publish it (a staff and a lived-experience approval), then "
                                                    "run demo again")
                                         .arg(s.id));
    }
    if (const Result<VersionInfo> added = templates.addTemplate(*bundled); !added.ok())
        return added.outcome();
    if (Outcome o = templates.propose(bundled->id); !o.ok())
        return o;
    if (Outcome o = templates.approve(bundled->id); !o.ok())
        return o;
    UserStore users(db);
    const QString name = QStringLiteral("demo-coproducer");
    const QString password = QString::number(QRandomGenerator::system()->generate64(), 36)
                             + QString::number(QRandomGenerator::system()->generate64(), 36);
    if (Result<Account> a = users.addUser(admin, name, Role::Coproducer, password); !a.ok())
        return a.outcome();
    const Result<Session> coproducer = users.signIn(name, password);
    if (!coproducer.ok())
        return coproducer.outcome();
    if (Outcome o = TemplateStore(db, *coproducer).approve(bundled->id); !o.ok())
        return o;
    const Result<VersionInfo> published = templates.publish(bundled->id);
    if (!published.ok())
        return published.outcome();
    if (Outcome o = users.disableUser(admin, name); !o.ok())
        return o;
    return published->version;
}

int runDemo(const QStringList &arguments)
{
    QStringList args = arguments;
    CliSession cli;
    QString count;
    if (!cli.takeOptions(args) || !takeOption(args, QStringLiteral("--reviews"), &count))
        return BadUsage;
    bool ok = false;
    const int reviews = count.toInt(&ok);
    if (!args.isEmpty() || !ok || reviews < 0 || cli.userName().isEmpty()) {
        printError(QString::fromLatin1(usage));
        return BadUsage;
    }
    int code = Done;
    Database *db = cli.openDatabase(&code);
    if (!db)
        return code;
    UserStore users(*db);
    const Result<bool> any = users.hasUsers();
    if (!any.ok())
        return CliSession::report(any.outcome());
    std::optional<Session> session;
    if (any.value()) {
        // Signed in before the transaction below, so that a failed sign-in is counted and audited.
        session = cli.signIn(&code);
        if (!session)
            return code;
        // Checked before anything is added: only an admin may add accounts and publish.
        if (Outcome allowed = Permissions::check(*db, *session, Action::Publish); !allowed.ok())
            return CliSession::report(Outcome::notPermitted(
                allowed.message
                + QStringLiteral("; demo adds accounts and publishes a template, so it needs an admin")));
    }
    // Everything below is one transaction: a demo that is refused or fails half-way leaves nothing behind.
    Transaction tx(*db);
    if (!tx.isActive()) {
        printError(QStringLiteral("%1: %2").arg(db->location(), tx.error()));
        return InvalidInput;
    }
    QString recovery;
    if (!session) {
        const QString password = CliSession::readPassword(
            "COFORM_PASSWORD", QStringLiteral("Password for the new admin %1: ").arg(cli.userName()));
        Result<Session> first = users.createFirstAdmin(cli.userName(), password, &recovery);
        if (!first.ok())
            return CliSession::report(first.outcome());
        session = first.value();
    }
    const Result<int> version = publishedBundledTemplate(*db, *session);
    if (!version.ok())
        return CliSession::report(version.outcome());
    QElapsedTimer timer;
    timer.start();
    const Outcome filled =
        DemoData::fill(*db, *session, reviews, QStringLiteral("chc-review"), version.value(), QDate::currentDate());
    if (!filled.ok())
        return CliSession::report(filled);
    if (!tx.commit()) {
        printError(QStringLiteral("%1: %2").arg(db->location(), tx.error()));
        return InvalidInput;
    }
    printError(
        QStringLiteral("added %1 fictional people and reviews in %2 s").arg(reviews).arg(timer.elapsed() / 1000.0));
    if (!recovery.isEmpty())
        CliSession::printRecoveryKey(recovery);
    return Done;
}

const CommandRegistration registration("demo", "demo --reviews N  [--db PATH-or-URL] [--user NAME]", runDemo);

} // namespace
} // namespace coform::cli
