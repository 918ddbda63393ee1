// coform-cli package update FILE [--keep-mine | --take-theirs]: takes a newer package of a form's origin into the
// local draft (a three-way merge through Edits, PackageStore::takeUpdate).
#include "packageupdate.h"

#include "command.h"
#include "signin.h"

#include "store/packagestore.h"

#include <QFile>

namespace coform::cli {

const char *const packageUpdateUsage =
    "usage: coform-cli package update FILE [--keep-mine | --take-theirs]   [--db PATH-or-URL] [--user NAME]";

namespace {

/// A value of several lines under a heading, each line indented.
void printIndented(const QString &heading, const QString &value)
{
    const QStringList lines = value.split(QLatin1Char('\n'));
    printLine(QStringLiteral("    %1 %2").arg(heading, lines.first()));
    const QString indent(heading.size() + 5, QLatin1Char(' '));
    for (qsizetype i = 1; i < lines.size(); ++i)
        printLine(indent + lines.at(i));
}

void printPlan(const PackagePreview &preview, const MergePlan &plan)
{
    printLine(preview.message);
    if (plan.apply.isEmpty()) {
        printLine(QStringLiteral("It changes nothing that you left as it was."));
    } else {
        printLine(
            QStringLiteral("It applies %1 of their changes to things you did not change:").arg(plan.apply.size()));
        for (const QString &line : plan.applyWords)
            printLine(QStringLiteral("  - ") + line);
    }
    if (plan.alreadyThere > 0)
        printLine(QStringLiteral("%1 of their changes you had made already.").arg(plan.alreadyThere));
    if (!plan.conflicts.isEmpty()) {
        printLine(QStringLiteral("You and they both changed %1 %2:")
                      .arg(plan.conflicts.size())
                      .arg(plan.conflicts.size() == 1 ? QStringLiteral("thing") : QStringLiteral("things")));
        for (const MergeConflict &c : plan.conflicts) {
            printLine(QStringLiteral("  - ") + c.what);
            printIndented(QStringLiteral("Yours: "), c.mine);
            printIndented(QStringLiteral("Theirs:"), c.theirs);
        }
    }
    if (!plan.keptLocal.isEmpty()) {
        printLine(QStringLiteral("It keeps your own changes:"));
        for (const QString &line : plan.keptLocal)
            printLine(QStringLiteral("  - ") + line);
    }
}

} // namespace

int runPackageUpdate(CliSession &cli, const QStringList &args)
{
    QString file;
    std::optional<MergeChoice> choice;
    for (const QString &arg : args) {
        if (arg == QLatin1String("--keep-mine") || arg == QLatin1String("--take-theirs")) {
            if (choice)
                return usageError(packageUpdateUsage, QStringLiteral("choose one of --keep-mine and --take-theirs"));
            choice = arg == QLatin1String("--keep-mine") ? MergeChoice::KeepMine : MergeChoice::TakeTheirs;
        } else if (arg.startsWith(QLatin1Char('-')) || !file.isEmpty()) {
            return usageError(packageUpdateUsage);
        } else {
            file = arg;
        }
    }
    if (file.isEmpty())
        return usageError(packageUpdateUsage);
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly)) {
        printError(QStringLiteral("%1: cannot be opened: %2").arg(file, in.errorString()));
        return NotFound;
    }
    if (in.size() > 64 * 1024 * 1024) {
        printError(QStringLiteral("%1: is bigger than any form package can be").arg(file));
        return InvalidInput;
    }
    const QByteArray bytes = in.readAll();
    return signedIn(cli, [&](const Session &session) -> int {
        PackageStore packages(*cli.database(), session);
        const Result<PackagePreview> preview = packages.preview(bytes);
        if (!preview.ok())
            return CliSession::report(preview.outcome());
        if (preview->effect == PackagePreview::Effect::Same) {
            printLine(preview->message);
            return Done;
        }
        const Result<MergePlan> plan = packages.planUpdate(bytes);
        if (!plan.ok())
            return CliSession::report(plan.outcome());
        printPlan(preview.value(), plan.value());
        if (!plan->conflicts.isEmpty() && !choice) {
            printError(QStringLiteral("nothing was changed: you and they both changed %1 %2. Run it again "
                                      "with --keep-mine to keep your version of each, or --take-theirs to take "
                                      "theirs (you can still change anything in the draft afterwards)")
                           .arg(plan->conflicts.size())
                           .arg(plan->conflicts.size() == 1 ? QStringLiteral("thing") : QStringLiteral("things")));
            return Conflict;
        }
        const Outcome taken =
            packages.takeUpdate(bytes, [&](const MergeConflict &) { return choice.value_or(MergeChoice::KeepMine); });
        if (!taken.ok())
            return CliSession::report(taken);
        const Provenance &p = preview->package.provenance;
        printLine(QStringLiteral("Taken: '%1' now has %2's changes from their version %3 in its draft. It needs the "
                                 "usual approval before it is published.")
                      .arg(preview->localTemplateId, p.organisationName)
                      .arg(p.version));
        return Done;
    });
}

} // namespace coform::cli
