// A second (third, fourth...) person editing the same template, as a separate process, for the co-editing tests and
// the latency benchmark.
//
//   coedit_worker DB USER TEMPLATE stress COUNT SEED     COUNT random edits; one JSON line per edit on stdout:
//                                                        {"n": i, "result": "applied"|"conflict"|"invalid", "seq": S}
//   coedit_worker DB USER TEMPLATE write COUNT INTERVAL  sets the label of the first item to "ts:<ms since epoch>"
//                                                        every INTERVAL ms (the latency benchmark's writer)
//   coedit_worker DB USER TEMPLATE type COUNT INTERVAL   types COUNT letters, one every INTERVAL ms, as the label of
//                                                        the first item, the way the editor does (one step of
//                                                        typing); one JSON line per keystroke: {"n", "seq", "ms"}
//   coedit_worker DB USER TEMPLATE activity COUNT INTERVAL  every INTERVAL ms one of: a comment, a reply, resolving
//                                                        it, proposing the draft, approving it, withdrawing the
//                                                        proposal (in turn); one JSON line each: {"n", "action", "ms"}
//   coedit_worker DB USER TEMPLATE watch SECONDS POLL    another person's open copy: follows the change feed (polled
//                                                        every POLL ms) for SECONDS; one JSON line per change that
//                                                        arrives: {"item", "property", "after", "continued", "ms"}
//   coedit_worker DB USER TEMPLATE checkpoint ITEM LABEL  sets ITEM's label to LABEL, then checkpoints the SQLite
//                                                        write-ahead log (TRUNCATE) and closes: what any other program
//                                                        on the database may do
//   coedit_worker DB USER TEMPLATE read ITEM -           prints ITEM's label as this new process reads it now
// The password is taken from COFORM_PASSWORD.
#include "edit/edit.h"
#include "store/changefeed.h"
#include "store/commentstore.h"
#include "store/database.h"
#include "store/templatestore.h"
#include "store/userstore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QThread>
#include <QTimer>

#include <cstdio>

using namespace coform;

namespace {

void emitLine(const QJsonObject &o)
{
    const QByteArray line = QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fflush(stdout);
}

/// One random edit built from what this person sees now (`local`), which may be out of date.
Edit randomEdit(const Template &local, QRandomGenerator &random, const QString &worker, int n)
{
    QVector<const Item *> items = local.allItems();
    const int hot = std::min<int>(int(items.size()), 12); // a few popular questions make conflicts likely
    const Item *item = items.at(random.bounded(hot));
    const int dice = random.bounded(100);
    if (dice < 45)
        return Edit::setItemProperty(local, item->id, QStringLiteral("label"),
                                     QStringLiteral("%1 wrote this label (%2)").arg(worker).arg(n));
    if (dice < 60)
        return Edit::setItemProperty(local, item->id, QStringLiteral("help"),
                                     QStringLiteral("Why we ask: %1, edit %2").arg(worker).arg(n));
    if (dice < 70)
        return Edit::setItemProperty(local, item->id, QStringLiteral("required"), !item->required);
    const Section &section = local.sections.at(random.bounded(int(local.sections.size())));
    if (dice < 82) {
        Item added;
        added.id = QStringLiteral("%1-%2").arg(worker).arg(n);
        added.type = ItemType::Textarea;
        added.label = QStringLiteral("A question %1 added").arg(worker);
        return Edit::insertItem(local, section.id, random.bounded(int(section.items.size()) + 1), added);
    }
    if (dice < 94 && !section.items.isEmpty()) {
        const Item &moved = section.items.at(random.bounded(int(section.items.size())));
        return Edit::moveItem(local, moved.id, section.id, random.bounded(int(section.items.size())));
    }
    // Remove a question someone added in this run (never the template's own).
    for (const Item *candidate : items) {
        static const QRegularExpression added(QStringLiteral("^x[0-9]+-[0-9]+$"));
        if (added.match(candidate->id).hasMatch() && random.bounded(3) == 0)
            return Edit::removeItem(local, candidate->id);
    }
    return Edit::setItemProperty(local, item->id, QStringLiteral("label"),
                                 QStringLiteral("%1 wrote this label (%2)").arg(worker).arg(n));
}

int stress(Database &db, const Session &session, const QString &templateId, int count, quint32 seed)
{
    TemplateStore store(db, session);
    QRandomGenerator random(seed);
    const QString worker = QStringLiteral("x%1").arg(seed);
    Result<Template> fresh = store.get(templateId);
    if (!fresh.ok())
        return 2;
    Template local = *fresh;
    for (int n = 0; n < count; ++n) {
        const Edit edit = randomEdit(local, random, worker, n);
        const Result<ChangeRecord> r = store.applyEdit(templateId, edit);
        QJsonObject line{{QStringLiteral("n"), n}};
        if (r.ok()) {
            line.insert(QStringLiteral("result"), QStringLiteral("applied"));
            line.insert(QStringLiteral("seq"), r->seq);
            if (!edit.apply(local).applied())
                local = store.get(templateId).value();
        } else {
            line.insert(QStringLiteral("result"),
                        r.status() == StoreStatus::Conflict ? QStringLiteral("conflict") : QStringLiteral("invalid"));
            line.insert(QStringLiteral("message"), r.message());
            local = store.get(templateId).value(); // as a person would: look again after a conflict
        }
        emitLine(line);
        if (random.bounded(4) == 0) // now and then the view catches up with everyone else's changes
            local = store.get(templateId).value();
    }
    return 0;
}

int writeTimestamps(Database &db, const Session &session, const QString &templateId, int count, int intervalMs)
{
    TemplateStore store(db, session);
    for (int n = 0; n < count; ++n) {
        QThread::msleep(intervalMs);
        const Template t = store.get(templateId).value();
        const QString first = t.sections.first().items.first().id;
        const Edit edit = Edit::setItemProperty(t, first, QStringLiteral("label"),
                                                QStringLiteral("ts:%1").arg(QDateTime::currentMSecsSinceEpoch()));
        if (!store.applyEdit(templateId, edit).ok())
            return 3;
    }
    return 0;
}

int typeLabel(Database &db, const Session &session, const QString &templateId, int count, int intervalMs)
{
    static const QString words = QStringLiteral("What is your full name, as on your NHS letters? Write it all ");
    TemplateStore store(db, session);
    Template local = store.get(templateId).value();
    const QString first = local.sections.first().items.first().id;
    QString typed;
    for (int n = 0; n < count; ++n) {
        QThread::msleep(intervalMs);
        typed += words.at(n % words.size());
        const Edit edit = Edit::setItemProperty(local, first, QStringLiteral("label"), typed);
        EditContext context;
        context.continuesTyping = n > 0; // the first keystroke is the first in this field
        const Result<ChangeRecord> r = store.applyEdit(templateId, edit, context);
        if (!r.ok() || !edit.apply(local).applied())
            return 3;
        emitLine({{QStringLiteral("n"), n},
                  {QStringLiteral("seq"), r->seq},
                  {QStringLiteral("ms"), QDateTime::currentMSecsSinceEpoch()}});
    }
    return 0;
}

int writeAndCheckpoint(Database &db, const Session &session, const QString &templateId, const QString &itemId,
                       const QString &label)
{
    TemplateStore store(db, session);
    const Result<Template> t = store.get(templateId);
    if (!t.ok() || !t->findItem(itemId))
        return 3;
    if (!store.applyEdit(templateId, Edit::setItemProperty(*t, itemId, QStringLiteral("label"), label)).ok())
        return 3;
    QSqlQuery q = db.query();
    QString error;
    if (!db.exec(q, QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"), {}, &error)) {
        std::fprintf(stderr, "coedit_worker: %s\n", qPrintable(error));
        return 3;
    }
    return 0;
}

int activity(Database &db, const Session &session, const QString &templateId, int count, int intervalMs)
{
    TemplateStore store(db, session);
    CommentStore comments(db, session);
    qint64 thread = 0;
    static const char *const actions[] = {"comment", "reply", "resolve", "propose", "approve", "withdraw"};
    for (int n = 0; n < count; ++n) {
        QThread::msleep(intervalMs);
        const QString action = QLatin1String(actions[n % 6]);
        Outcome done;
        if (action == QLatin1String("comment")) {
            const Result<CommentThread> started =
                comments.startThread(templateId, QString(), QStringLiteral("A comment, number %1").arg(n));
            thread = started.ok() ? started->id : 0;
            done = started.outcome();
        } else if (action == QLatin1String("reply")) {
            done = comments.reply(thread, QStringLiteral("A reply, number %1").arg(n)).outcome();
        } else if (action == QLatin1String("resolve")) {
            done = comments.resolve(thread);
        } else if (action == QLatin1String("propose")) {
            done = store.propose(templateId);
        } else if (action == QLatin1String("approve")) {
            done = store.approve(templateId);
        } else {
            done = store.withdrawProposal(templateId);
        }
        if (!done.ok()) {
            std::fprintf(stderr, "coedit_worker: %s: %s\n", qPrintable(action), qPrintable(done.message));
            return 3;
        }
        emitLine({{QStringLiteral("n"), n},
                  {QStringLiteral("action"), action},
                  {QStringLiteral("ms"), QDateTime::currentMSecsSinceEpoch()}});
    }
    return 0;
}

int watch(Database &db, const Session &session, const QString &templateId, int seconds, int pollMs)
{
    TemplateStore store(db, session);
    ChangeFeed feed(db, session, templateId, store.lastSeq(templateId).value());
    feed.setPollInterval(pollMs);
    QObject::connect(&feed, &ChangeFeed::changesArrived, [](const QVector<ChangeRecord> &changes) {
        for (const ChangeRecord &c : changes)
            emitLine({{QStringLiteral("item"), c.edit.item},
                      {QStringLiteral("property"), c.edit.property},
                      {QStringLiteral("after"), c.edit.after},
                      {QStringLiteral("continued"), c.continued},
                      {QStringLiteral("ms"), QDateTime::currentMSecsSinceEpoch()}});
    });
    feed.start();
    emitLine({{QStringLiteral("ready"), true}});
    QTimer::singleShot(seconds * 1000, QCoreApplication::instance(), &QCoreApplication::quit);
    return QCoreApplication::exec();
}

int readLabel(Database &db, const Session &session, const QString &templateId, const QString &itemId)
{
    const Result<Template> t = TemplateStore(db, session).get(templateId);
    if (!t.ok() || !t->findItem(itemId))
        return 3;
    const QByteArray label = t->findItem(itemId)->label.toUtf8() + '\n';
    std::fwrite(label.constData(), 1, size_t(label.size()), stdout);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 7) {
        std::fputs("usage: coedit_worker DB USER TEMPLATE stress|write|type|activity|watch|checkpoint|read "
                   "COUNT|ITEM SEED|INTERVAL|LABEL\n",
                   stderr);
        return 1;
    }
    QString error;
    std::unique_ptr<Database> db = Database::open(args.at(1), &error);
    if (!db) {
        std::fprintf(stderr, "coedit_worker: %s\n", qPrintable(error));
        return 2;
    }
    UserStore users(*db);
    const Result<Session> session = users.signIn(args.at(2), qEnvironmentVariable("COFORM_PASSWORD"));
    if (!session.ok()) {
        std::fprintf(stderr, "coedit_worker: %s\n", qPrintable(session.message()));
        return 2;
    }
    if (args.at(4) == QLatin1String("stress"))
        return stress(*db, *session, args.at(3), args.at(5).toInt(), args.at(6).toUInt());
    if (args.at(4) == QLatin1String("type"))
        return typeLabel(*db, *session, args.at(3), args.at(5).toInt(), args.at(6).toInt());
    if (args.at(4) == QLatin1String("watch"))
        return watch(*db, *session, args.at(3), args.at(5).toInt(), args.at(6).toInt());
    if (args.at(4) == QLatin1String("activity"))
        return activity(*db, *session, args.at(3), args.at(5).toInt(), args.at(6).toInt());
    if (args.at(4) == QLatin1String("checkpoint"))
        return writeAndCheckpoint(*db, *session, args.at(3), args.at(5), args.at(6));
    if (args.at(4) == QLatin1String("read"))
        return readLabel(*db, *session, args.at(3), args.at(5));
    return writeTimestamps(*db, *session, args.at(3), args.at(5).toInt(), args.at(6).toInt());
}
