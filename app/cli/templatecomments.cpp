// coform-cli template comment | comments | resolve: the group's comment threads from the command line.
#include "templatecomments.h"

#include "clisession.h"
#include "command.h"

#include "store/commentstore.h"
#include "store/templatestore.h"

namespace coform::cli {

namespace {

bool toThreadId(const QString &text, qint64 *id)
{
    bool ok = false;
    *id = text.toLongLong(&ok);
    if (!ok || *id < 1) {
        printError(QStringLiteral("'%1' is not a comment number").arg(text));
        return false;
    }
    return true;
}

QString where(const CommentThread &t)
{
    return t.itemId.isEmpty() ? QStringLiteral("the whole template") : QStringLiteral("question %1").arg(t.itemId);
}

QString stateOf(const CommentThread &t)
{
    if (!t.resolved)
        return QStringLiteral("open");
    QString text = QStringLiteral("resolved by %1 on %2").arg(t.resolvedBy, t.resolvedAt.toUTC().toString(Qt::ISODate));
    if (!t.resolvedReason.isEmpty())
        text += QStringLiteral(", not changed because: %1").arg(t.resolvedReason);
    return text;
}

/// NotFound (printed) unless thread `id` is one of template `templateId`'s.
int checkThread(CommentStore &comments, const QString &templateId, qint64 id, CommentThread *out)
{
    const Result<CommentThread> thread = comments.thread(id);
    if (!thread.ok())
        return CliSession::report(thread.outcome());
    if (thread->templateId != templateId) {
        printError(QStringLiteral("comment %1 is not on template '%2'").arg(id).arg(templateId));
        return NotFound;
    }
    *out = thread.value();
    return Done;
}

int addComment(const QString &templateId, const QString &item, const QString &text, const QString &replyTo,
               Database &db, const Session &session)
{
    CommentStore comments(db, session);
    if (!replyTo.isEmpty()) {
        qint64 threadId = 0;
        if (!toThreadId(replyTo, &threadId))
            return BadUsage;
        CommentThread thread;
        if (const int code = checkThread(comments, templateId, threadId, &thread); code != Done)
            return code;
        if (!item.isEmpty() && item != thread.itemId) {
            printError(
                QStringLiteral("comment %1 is on %2, not on question %3").arg(threadId).arg(where(thread), item));
            return InvalidInput;
        }
        const Result<CommentThread> replied = comments.reply(threadId, text);
        if (!replied.ok())
            return CliSession::report(replied.outcome());
        printLine(QString::number(replied->comments.constLast().id));
        return Done;
    }
    if (!item.isEmpty()) {
        const Result<Template> latest = TemplateStore(db, session).get(templateId);
        if (!latest.ok())
            return CliSession::report(latest.outcome());
        if (!latest->findItem(item)) {
            printError(QStringLiteral("template '%1' has no question '%2'").arg(templateId, item));
            return NotFound;
        }
    }
    const Result<CommentThread> started = comments.startThread(templateId, item, text);
    if (!started.ok())
        return CliSession::report(started.outcome());
    printLine(QString::number(started->id));
    return Done;
}

int listComments(const QString &templateId, bool onlyOpen, Database &db, const Session &session)
{
    // NotFound for a template that does not exist (not an empty list).
    if (const Result<VersionInfo> exists = TemplateStore(db, session).versionInfo(templateId); !exists.ok())
        return CliSession::report(exists.outcome());
    const Result<QVector<CommentThread>> threads =
        CommentStore(db, session)
            .threads(templateId, onlyOpen ? CommentStore::Which::Unresolved : CommentStore::Which::All);
    if (!threads.ok())
        return CliSession::report(threads.outcome());
    for (const CommentThread &t : threads.value()) {
        printLine(QStringLiteral("%1\t%2\t%3").arg(t.id).arg(where(t), stateOf(t)));
        for (const Comment &c : t.comments) {
            printLine(
                QStringLiteral("  %1\t%2\t%3\t%4").arg(c.id).arg(c.author, c.at.toUTC().toString(Qt::ISODate), c.body));
        }
    }
    return Done;
}

int resolveComment(const QString &templateId, const QString &threadText, const QString &reason, Database &db,
                   const Session &session)
{
    qint64 threadId = 0;
    if (!toThreadId(threadText, &threadId))
        return BadUsage;
    CommentStore comments(db, session);
    CommentThread thread;
    if (const int code = checkThread(comments, templateId, threadId, &thread); code != Done)
        return code;
    const Outcome o = comments.resolve(threadId, reason);
    if (o.ok())
        printLine(reason.trimmed().isEmpty()
                      ? QStringLiteral("comment %1 resolved").arg(threadId)
                      : QStringLiteral("comment %1 resolved; the reason will be in the \"What changed\" summary under "
                                       "\"Not changed, and why\"")
                            .arg(threadId));
    return CliSession::report(o);
}

} // namespace

bool isCommentCommand(const QString &sub)
{
    return sub == QLatin1String("comment") || sub == QLatin1String("comments") || sub == QLatin1String("resolve");
}

bool commentArgumentsFit(const QString &sub, const QStringList &args)
{
    QStringList rest = args;
    QString item, text, replyTo, reason;
    if (sub == QLatin1String("comment")) {
        bool hasText = false;
        if (!takeOption(rest, QStringLiteral("--item"), &item)
            || !takeOption(rest, QStringLiteral("--text"), &text, &hasText)
            || !takeOption(rest, QStringLiteral("--reply-to"), &replyTo))
            return false;
        if (!hasText || text.trimmed().isEmpty()) {
            printError(QStringLiteral("a comment needs some words: --text TEXT"));
            return false;
        }
        return rest.size() == 1;
    }
    if (sub == QLatin1String("comments")) {
        rest.removeAll(QStringLiteral("--open"));
        return rest.size() == 1;
    }
    if (!takeOption(rest, QStringLiteral("--reason"), &reason))
        return false;
    return rest.size() == 2;
}

int runCommentCommand(const QString &sub, QStringList args, Database &db, const Session &session)
{
    QString item, text, replyTo, reason;
    if (sub == QLatin1String("comment")) {
        takeOption(args, QStringLiteral("--item"), &item);
        takeOption(args, QStringLiteral("--text"), &text);
        takeOption(args, QStringLiteral("--reply-to"), &replyTo);
        return addComment(args.first(), item, text, replyTo, db, session);
    }
    if (sub == QLatin1String("comments")) {
        const bool open = args.removeAll(QStringLiteral("--open")) > 0;
        return listComments(args.first(), open, db, session);
    }
    takeOption(args, QStringLiteral("--reason"), &reason);
    return resolveComment(args[0], args[1], reason, db, session);
}

} // namespace coform::cli
