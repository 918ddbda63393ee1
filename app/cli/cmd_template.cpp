// coform-cli template list | add FILE | get ID [--version N] [-o FILE] | draft ID | propose ID | withdraw ID |
//            approve ID | publish ID [--reason TEXT] [--translations-reason TEXT] | retire ID VERSION | diff ID A B [-o
//            FILE.pdf] | diff ID --origin | history ID [--item ITEM] [--by NAME] | update ID FILE [--note TEXT] |
//            comment ID [--item ITEM] --text TEXT [--reply-to N] | comments ID [--open] | resolve ID COMMENT [--reason
//            TEXT]
#include "clisession.h"
#include "command.h"
#include "signin.h"
#include "templatecomments.h"

#include "edit/editscript.h"
#include "format/templateformat.h"
#include "model/workflowstep.h"
#include "pdf/whatchangedpdf.h"
#include "store/packagestore.h"
#include "store/templatestore.h"

#include <QFileInfo>

#include <cstdio>

namespace coform::cli {
namespace {

const char *const usage =
    "usage: coform-cli template list | add FILE | get ID [--version N] [-o FILE] | draft ID | propose ID | "
    "withdraw ID | approve ID | publish ID [--reason TEXT] [--translations-reason TEXT] | retire ID VERSION | diff ID "
    "A B [-o FILE.pdf] | diff ID --origin | "
    "history ID [--item ITEM] [--by NAME] | update ID FILE [--note TEXT] | comment ID [--item ITEM] --text TEXT "
    "[--reply-to N] | comments ID [--open] | resolve ID COMMENT [--reason TEXT]   [--db PATH-or-URL] [--user NAME]";

int badUsage()
{
    return usageError(usage);
}

/// A version number (1, 2, ...); with `nothingBefore`, 0 too (nothing: the whole of the other version is new).
bool toVersion(const QString &text, int *version, bool nothingBefore = false)
{
    bool ok = false;
    *version = text.toInt(&ok);
    if (!ok || *version < (nothingBefore ? 0 : 1)) {
        printError(QStringLiteral("'%1' is not a version number").arg(text));
        return false;
    }
    return true;
}

void writeOut(const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
}

int listTemplates(TemplateStore &store)
{
    const Result<QVector<TemplateSummary>> list = store.list();
    if (!list.ok())
        return CliSession::report(list.outcome());
    for (const TemplateSummary &s : list.value()) {
        printLine(QStringLiteral("%1\tversion %2 (%3)\tpublished: %4\tunresolved comments: %5\t%6")
                      .arg(s.id)
                      .arg(s.latestVersion)
                      .arg(versionStatusName(s.latestStatus))
                      .arg(s.publishedVersion > 0 ? QString::number(s.publishedVersion) : QStringLiteral("none"))
                      .arg(s.unresolvedComments)
                      .arg(s.title));
    }
    return Done;
}

int addTemplate(TemplateStore &store, const QString &path)
{
    if (!QFileInfo::exists(path)) {
        printError(QStringLiteral("%1: no such file").arg(path));
        return NotFound;
    }
    Problems problems;
    const std::optional<Template> t = readTemplateFile(path, &problems);
    if (!t) {
        for (const Problem &p : problems) {
            if (p.severity == Problem::Severity::Error)
                printError(p.toString());
        }
        return InvalidInput;
    }
    const Result<VersionInfo> added = store.addTemplate(*t);
    if (!added.ok())
        return CliSession::report(added.outcome());
    printLine(QStringLiteral("added %1 version 1 (draft)").arg(t->id));
    return Done;
}

/// Brings a file edited outside Coform into the open draft, as one attributed change made of ordinary edits.
int updateTemplate(TemplateStore &store, QStringList args)
{
    QString note;
    if (!takeOption(args, QStringLiteral("--note"), &note))
        return BadUsage;
    if (args.size() != 2)
        return badUsage();
    const QString id = args[0], path = args[1];
    if (!QFileInfo::exists(path)) {
        printError(QStringLiteral("%1: no such file").arg(path));
        return NotFound;
    }
    Problems problems;
    const std::optional<Template> wanted = readTemplateFile(path, &problems);
    if (!wanted) {
        for (const Problem &p : problems) {
            if (p.severity == Problem::Severity::Error)
                printError(p.toString());
        }
        return InvalidInput;
    }
    if (wanted->id != id) {
        printError(QStringLiteral("%1: the template's id is '%2', not '%3'").arg(path, wanted->id, id));
        return InvalidInput;
    }
    const Result<Template> draft = store.get(id);
    if (!draft.ok())
        return CliSession::report(draft.outcome());
    QString error;
    const auto edits = editsBetween(draft.value(), *wanted, &error);
    if (!edits) {
        printError(QStringLiteral("%1: %2").arg(path, error));
        return InvalidInput;
    }
    if (edits->isEmpty()) {
        printLine(QStringLiteral("%1: no changes").arg(id));
        return Done;
    }
    const Edit macro = Edit::macro(QStringLiteral("Updated from %1").arg(QFileInfo(path).fileName()), *edits);
    const Result<ChangeRecord> change = store.applyEdit(id, macro, {0, note});
    if (!change.ok())
        return CliSession::report(change.outcome());
    printLine(QStringLiteral("%1 version %2: %3 edits applied as change %4")
                  .arg(id)
                  .arg(change->version)
                  .arg(edits->size())
                  .arg(change->seq));
    return Done;
}

int getTemplate(TemplateStore &store, QStringList args)
{
    QString versionText, out;
    if (!takeOption(args, QStringLiteral("--version"), &versionText) || !takeOption(args, QStringLiteral("-o"), &out))
        return BadUsage;
    int version = 0;
    if (args.size() != 1)
        return badUsage();
    if (!versionText.isEmpty() && !toVersion(versionText, &version))
        return BadUsage;
    const Result<Template> t = store.get(args.first(), version);
    if (!t.ok())
        return CliSession::report(t.outcome());
    if (out.isEmpty()) {
        writeOut(writeTemplate(t.value()));
        return Done;
    }
    QString error;
    if (!writeTemplateFile(t.value(), out, &error)) {
        printError(error);
        return InvalidInput;
    }
    return Done;
}

/// `template diff ID --origin`: what this team changed against the version of the origin it is adapted from, in the
/// words of "What changed".
int diffWithOrigin(const PackageStore &packages, const QString &templateId)
{
    const Result<TemplateOrigin> origin = packages.origin(templateId);
    if (!origin.ok())
        return CliSession::report(origin.outcome());
    const Result<TemplateDiff> diff = packages.diffWithOrigin(templateId);
    if (!diff.ok())
        return CliSession::report(diff.outcome());
    printLine(QStringLiteral("'%1' against version %2 of %3's '%4' (adapted from it):")
                  .arg(templateId)
                  .arg(origin->originVersion)
                  .arg(origin->organisationName, origin->originTemplateId));
    for (const QString &line : diffWords(diff.value(), true).changes)
        printLine(line);
    if (diff->isEmpty())
        printLine(QStringLiteral("no changes"));
    return Done;
}

int diffTemplate(TemplateStore &store, const PackageStore &packages, QStringList args)
{
    QString out;
    if (!takeOption(args, QStringLiteral("-o"), &out))
        return BadUsage;
    if (args.removeAll(QStringLiteral("--origin")) > 0) {
        if (args.size() != 1 || !out.isEmpty())
            return badUsage();
        return diffWithOrigin(packages, args.first());
    }
    int from = 0, to = 0;
    if (args.size() != 3)
        return badUsage();
    if (!toVersion(args[1], &from, true) || !toVersion(args[2], &to))
        return BadUsage;
    const Result<TemplateDiff> diff = store.diff(args[0], from, to);
    if (!diff.ok())
        return CliSession::report(diff.outcome());
    if (!out.isEmpty()) {
        QByteArray pdf;
        QString error;
        if (!writeWhatChangedPdf(diff.value(), {}, &pdf, &error) || !writeFileAtomically(out, pdf, &error)) {
            printError(QStringLiteral("%1: %2").arg(out, error));
            return InvalidInput;
        }
        return Done;
    }
    const DiffWords words = diffWords(diff.value(), true);
    for (const QString &line : words.changes + words.notChanged)
        printLine(line);
    if (diff->isEmpty())
        printLine(QStringLiteral("no changes"));
    return Done;
}

int showHistory(TemplateStore &store, QStringList args)
{
    HistoryFilter filter;
    if (!takeOption(args, QStringLiteral("--item"), &filter.itemId)
        || !takeOption(args, QStringLiteral("--by"), &filter.userName))
        return BadUsage;
    if (args.size() != 1)
        return badUsage();
    const Result<QVector<ChangeRecord>> changes = store.history(args.first(), filter);
    if (!changes.ok())
        return CliSession::report(changes.outcome());
    for (const ChangeRecord &c : changes.value()) {
        printLine(QStringLiteral("%1\tversion %2\t%3\t%4\t%5")
                      .arg(c.seq)
                      .arg(c.version)
                      .arg(c.at.toString(Qt::ISODate), c.userName, c.edit.summary()));
    }
    return Done;
}

int runTemplate(const QStringList &arguments)
{
    CliSession cli;
    std::optional<CommandWords> words = takeCommand(cli, arguments, usage);
    if (!words)
        return BadUsage;
    const QString sub = words->sub;
    QStringList &args = words->args;
    const std::optional<WorkflowStep> step = workflowStepFromName(sub);
    QString reason;
    QString translationsReason;
    if (step == WorkflowStep::Publish
        && (!takeOption(args, QStringLiteral("--reason"), &reason)
            || !takeOption(args, QStringLiteral("--translations-reason"), &translationsReason)))
        return BadUsage;
    if (isCommentCommand(sub)) {
        if (!commentArgumentsFit(sub, args))
            return badUsage();
        return signedIn(cli,
                        [&](const Session &session) { return runCommentCommand(sub, args, *cli.database(), session); });
    }
    const bool known =
        (sub == QLatin1String("list") && args.isEmpty()) || (sub == QLatin1String("add") && args.size() == 1)
        || (step && args.size() == (step == WorkflowStep::Retire ? 2 : 1)) || sub == QLatin1String("get")
        || sub == QLatin1String("diff") || sub == QLatin1String("history") || sub == QLatin1String("update");
    if (!known)
        return badUsage();
    return signedIn(cli, [&](const Session &session) -> int {
        TemplateStore store(*cli.database(), session);
        if (sub == QLatin1String("list"))
            return listTemplates(store);
        if (sub == QLatin1String("add"))
            return addTemplate(store, args.first());
        if (sub == QLatin1String("get"))
            return getTemplate(store, args);
        if (sub == QLatin1String("diff"))
            return diffTemplate(store, PackageStore(*cli.database(), session), args);
        if (sub == QLatin1String("history"))
            return showHistory(store, args);
        if (sub == QLatin1String("update"))
            return updateTemplate(store, args);
        const QString id = args.first();
        Outcome o;
        switch (*step) {
        case WorkflowStep::StartDraft: {
            const Result<VersionInfo> v = store.startDraft(id);
            if (!v.ok())
                return CliSession::report(v.outcome());
            printLine(QStringLiteral("%1 version %2 (draft) started").arg(id).arg(v->version));
            return Done;
        }
        case WorkflowStep::Publish: {
            // The one reason covers uncovered requirements and open comments alike; out-of-date translations need
            // their own.
            const Result<VersionInfo> v = store.publish(id, reason, reason, translationsReason);
            if (!v.ok() && v.outcome().refusal == Refusal::OutOfDateTranslations) {
                const int code = CliSession::report(v.outcome());
                printError(
                    QStringLiteral("To publish it as it is: coform-cli template publish %1 --translations-reason "
                                   "\"WHY\" (the reason goes in the \"What changed\" summary under \"Not "
                                   "changed, and why\")")
                        .arg(id));
                return code;
            }
            if (!v.ok())
                return CliSession::report(v.outcome());
            printLine(QStringLiteral("%1 version %2 published: it is now in use for reviews").arg(id).arg(v->version));
            return Done;
        }
        case WorkflowStep::Retire: {
            int version = 0;
            if (!toVersion(args[1], &version))
                return BadUsage;
            o = store.retire(id, version);
            if (o.ok())
                printLine(QStringLiteral("%1 version %2 retired").arg(id).arg(version));
            return CliSession::report(o);
        }
        case WorkflowStep::Propose:
            o = store.propose(id);
            break;
        case WorkflowStep::Withdraw:
            o = store.withdrawProposal(id);
            break;
        case WorkflowStep::Approve:
            o = store.approve(id);
            break;
        }
        if (o.ok())
            printLine(QStringLiteral("%1: %2 done").arg(id, workflowStepName(*step)));
        return CliSession::report(o);
    });
}

const CommandRegistration registration(
    "template",
    "template list | add FILE | get ID [--version N] [-o FILE] | draft ID | propose ID | withdraw ID | approve ID | "
    "publish ID [--reason TEXT] [--translations-reason TEXT] | retire ID VERSION | diff ID A B [-o FILE.pdf] | diff ID "
    "--origin | history ID [--item I] [--by NAME] | "
    "update ID FILE [--note TEXT] | comment ID [--item ITEM] --text TEXT [--reply-to N] | comments ID [--open] | "
    "resolve ID COMMENT [--reason TEXT]",
    runTemplate);

} // namespace
} // namespace coform::cli
