// Typing makes one step of the change log per pause, while every keystroke still reaches the others at once; and
// comments, approvals and state changes travel on the change feed as fast as edits. On SQLite and PostgreSQL; the
// other person is another process (coedit_worker).
#include "edit/edit.h"
#include "format/templateformat.h"
#include "store/changefeed.h"
#include "store/commentstore.h"
#include "store/database.h"
#include "store/presencestore.h"
#include "store/templatestore.h"
#include "store/userstore.h"
#include "testdatabase.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <map>

using namespace coform;

namespace {

const QString kPassword = QStringLiteral("typing steps password");

/// One database per backend with Ada (admin) and Ben (coproducer), shared by the tests (signing in is slow on
/// purpose); each test gets a template of its own (`id`).
struct Room
{
    QTemporaryDir dir;
    QString location;
    std::unique_ptr<Database> db;
    std::optional<Session> ada; ///< admin
    std::optional<Session> ben; ///< coproducer
    QDateTime clock;
    QString firstItem;
    QString id;
};

/// The databases, closed in cleanupTestCase() (while the application still exists).
std::map<QString, std::unique_ptr<Room>> &rooms()
{
    static std::map<QString, std::unique_ptr<Room>> all;
    return all;
}

Room *roomFor(const QString &backend)
{
    static int templates = 0;
    std::unique_ptr<Room> &room = rooms()[backend];
    QString error;
    if (!room) {
        auto fresh = std::make_unique<Room>();
        fresh->location = test::freshDatabase(backend, fresh->dir, &error);
        fresh->db = fresh->location.isEmpty() ? nullptr : Database::open(fresh->location, &error);
        if (!fresh->db) {
            qWarning("%s", qPrintable(error));
            return nullptr;
        }
        UserStore users(*fresh->db);
        const Result<Session> ada = users.createFirstAdmin(QStringLiteral("Ada"), kPassword);
        if (!ada.ok() || !users.addUser(*ada, QStringLiteral("Ben"), Role::Coproducer, kPassword).ok())
            return nullptr;
        fresh->ada = *ada;
        fresh->ben = users.signIn(QStringLiteral("Ben"), kPassword).value();
        room = std::move(fresh);
    }
    room->db->setClock({});
    room->clock = QDateTime(QDate(2026, 3, 4), QTime(10, 0), QTimeZone::utc());
    Problems problems;
    Template t = readTemplateFile(QStringLiteral(":/coform/templates/chc-review.json"), &problems).value();
    t.id = QStringLiteral("typing-%1").arg(++templates);
    room->id = t.id;
    room->firstItem = t.sections.first().items.first().id;
    return TemplateStore(*room->db, *room->ada).addTemplate(t).ok() ? room.get() : nullptr;
}

/// Types `text` after what the label holds, one keystroke every `gapMs` on the database's clock.
bool typeInto(Room &room, const Session &who, const QString &property, const QString &text, qint64 gapMs,
              bool firstKeystrokeInField = true)
{
    TemplateStore store(*room.db, who);
    const QString kId = room.id;
    for (int i = 0; i < text.size(); ++i) {
        room.clock = room.clock.addMSecs(gapMs);
        const Template now = store.get(kId).value();
        const QString old = now.findItem(room.firstItem)->label;
        const QString value =
            (property == QLatin1String("label") ? old : now.findItem(room.firstItem)->help) + text.at(i);
        EditContext context;
        context.continuesTyping = !(firstKeystrokeInField && i == 0);
        const Result<ChangeRecord> r =
            store.applyEdit(kId, Edit::setItemProperty(now, room.firstItem, property, value), context);
        if (!r.ok()) {
            qWarning("%s", qPrintable(r.message()));
            return false;
        }
    }
    return true;
}

QVector<ChangeRecord> historyOf(Room &room)
{
    return TemplateStore(*room.db, *room.ada).history(room.id).value();
}

QList<QJsonObject> jsonLines(const QByteArray &output)
{
    QList<QJsonObject> lines;
    for (const QByteArray &line : output.split('\n')) {
        if (!line.trimmed().isEmpty())
            lines.append(QJsonDocument::fromJson(line).object());
    }
    return lines;
}

} // namespace

class TestTypingSteps : public QObject
{
    Q_OBJECT

private slots:
    void cleanupTestCase() { rooms().clear(); }

    void typingInOneFieldIsOneStep_data() { test::addBackendRows(); }
    void typingInOneFieldIsOneStep()
    {
        QFETCH(QString, backend);
        Room *shared = roomFor(backend);
        QVERIFY(shared);
        Room &room = *shared;
        const QString kId = room.id;
        room.db->setClock([&room] { return room.clock; });
        const QString before = TemplateStore(*room.db, *room.ada).get(kId)->findItem(room.firstItem)->label;
        const QString typed = QStringLiteral(" - what is your full name, as on your NHS letters, please?");
        QVERIFY(typeInto(room, *room.ada, QStringLiteral("label"), typed.left(60), 180));
        const QVector<ChangeRecord> history = historyOf(room);
        QCOMPARE(history.size(), 1);
        QCOMPARE(history.first().userName, QStringLiteral("Ada"));
        QCOMPARE(history.first().edit.before, QJsonValue(before));
        QCOMPARE(history.first().edit.after, QJsonValue(before + typed.left(60)));
        QCOMPARE(history.first().at, room.clock); // the time of the last keystroke
        // The log still replays to the draft.
        const TemplateStore store(*room.db, *room.ada);
        QCOMPARE(store.templateAsOf(kId, history.first().seq).value(), store.get(kId).value());
    }

    void aPauseLeavingTheFieldOrAnotherPersonEndsAStep_data() { test::addBackendRows(); }
    void aPauseLeavingTheFieldOrAnotherPersonEndsAStep()
    {
        QFETCH(QString, backend);
        Room *shared = roomFor(backend);
        QVERIFY(shared);
        Room &room = *shared;
        const QString kId = room.id;
        room.db->setClock([&room] { return room.clock; });
        QVERIFY(typeInto(room, *room.ada, QStringLiteral("label"), QStringLiteral("abc"), 200));
        QCOMPARE(historyOf(room).size(), 1);
        // A second of no typing.
        room.clock = room.clock.addMSecs(1000);
        QVERIFY(typeInto(room, *room.ada, QStringLiteral("label"), QStringLiteral("de"), 0, false));
        QCOMPARE(historyOf(room).size(), 2);
        // Leaving the field and coming back.
        QVERIFY(typeInto(room, *room.ada, QStringLiteral("label"), QStringLiteral("fg"), 100, true));
        QCOMPARE(historyOf(room).size(), 3);
        // Another property.
        QVERIFY(typeInto(room, *room.ada, QStringLiteral("help"), QStringLiteral("hi"), 100, false));
        QCOMPARE(historyOf(room).size(), 4);
        // Another person's change in between (to another question), then Ada goes on typing.
        {
            TemplateStore ben(*room.db, *room.ben);
            const Template now = ben.get(kId).value();
            const QString other = now.sections.first().items.at(1).id;
            QVERIFY(ben.applyEdit(kId, Edit::setItemProperty(now, other, QStringLiteral("help"), QStringLiteral("B")))
                        .ok());
        }
        QVERIFY(typeInto(room, *room.ada, QStringLiteral("help"), QStringLiteral("jk"), 100, false));
        const QVector<ChangeRecord> history = historyOf(room);
        QCOMPARE(history.size(), 6);
        QCOMPARE(history.at(4).userName, QStringLiteral("Ben"));
        QCOMPARE(history.at(5).edit.after.toString().right(4), QStringLiteral("hijk"));
        // Typing back to where a step started (an undo) is a step of its own, never folded away.
        {
            TemplateStore ada(*room.db, *room.ada);
            const Template now = ada.get(kId).value();
            EditContext typing;
            typing.continuesTyping = true;
            room.clock = room.clock.addMSecs(100);
            QVERIFY(ada.applyEdit(kId, history.at(5).edit.inverted(), typing).ok());
        }
        QCOMPARE(historyOf(room).size(), 7);
        const TemplateStore store(*room.db, *room.ada);
        QCOMPARE(store.templateAsOf(kId, historyOf(room).last().seq).value(), store.get(kId).value());
    }

    void conflictsAreStillFound_data() { test::addBackendRows(); }
    void conflictsAreStillFound()
    {
        QFETCH(QString, backend);
        Room *shared = roomFor(backend);
        QVERIFY(shared);
        Room &room = *shared;
        const QString kId = room.id;
        room.db->setClock([&room] { return room.clock; });
        TemplateStore ben(*room.db, *room.ben);
        const Template benSaw = ben.get(kId).value(); // before Ada types
        QVERIFY(typeInto(room, *room.ada, QStringLiteral("label"), QStringLiteral("xyz"), 100));
        // Ben's change from what he saw before Ada typed is refused, and nothing changes.
        const Result<ChangeRecord> stale = ben.applyEdit(
            kId, Edit::setItemProperty(benSaw, room.firstItem, QStringLiteral("label"), QStringLiteral("B")));
        QCOMPARE(stale.status(), StoreStatus::Conflict);
        QCOMPARE(historyOf(room).size(), 1);
        // Ada's next keystroke from what she saw before Ben's own change is refused the same way.
        const Template adaSaw = ben.get(kId).value();
        QVERIFY(ben.applyEdit(kId, Edit::setItemProperty(adaSaw, room.firstItem, QStringLiteral("label"),
                                                         QStringLiteral("Ben's words")))
                    .ok());
        EditContext typing;
        typing.continuesTyping = true;
        const QString adaNext = adaSaw.findItem(room.firstItem)->label + QLatin1Char('!');
        const Result<ChangeRecord> late =
            TemplateStore(*room.db, *room.ada)
                .applyEdit(kId, Edit::setItemProperty(adaSaw, room.firstItem, QStringLiteral("label"), adaNext),
                           typing);
        QCOMPARE(late.status(), StoreStatus::Conflict);
        QCOMPARE(historyOf(room).size(), 2);
        QCOMPARE(historyOf(room).last().edit.after, QJsonValue(QStringLiteral("Ben's words")));
    }

    void anotherProcessSeesEveryKeystrokeAndTheLogKeepsOneStep_data() { test::addBackendRows(); }
    void anotherProcessSeesEveryKeystrokeAndTheLogKeepsOneStep()
    {
        // Ben types a 60-letter label in his window (another process); Ada's window follows through its change feed.
        QFETCH(QString, backend);
        Room *shared = roomFor(backend);
        QVERIFY(shared);
        Room &room = *shared;
        const QString kId = room.id;
        TemplateStore store(*room.db, *room.ada);
        Template adaSees = store.get(kId).value();
        QStringList labelsSeen;
        ChangeFeed feed(*room.db, *room.ada, kId, store.lastSeq(kId).value());
        feed.setPollInterval(10);
        int failures = 0;
        connect(&feed, &ChangeFeed::changesArrived, this, [&](const QVector<ChangeRecord> &changes) {
            for (const ChangeRecord &c : changes) {
                Edit edit = c.edit;
                if (c.continued)
                    edit.before =
                        Edit::currentValue(adaSees, edit.kind, edit.section, edit.item, edit.property, edit.language);
                if (!edit.apply(adaSees).applied())
                    ++failures;
                labelsSeen.append(adaSees.findItem(room.firstItem)->label);
            }
        });
        feed.start();

        QProcess ben;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("COFORM_PASSWORD"), kPassword);
        ben.setProcessEnvironment(env);
        ben.start(qEnvironmentVariable("COFORM_COEDIT_WORKER"),
                  {room.location, QStringLiteral("Ben"), kId, QStringLiteral("type"), QStringLiteral("60"),
                   QStringLiteral("40")});
        QVERIFY2(ben.waitForStarted(), "set COFORM_COEDIT_WORKER to the coedit_worker program");
        QTRY_VERIFY_WITH_TIMEOUT(ben.state() == QProcess::NotRunning, 30000);
        QCOMPARE(ben.exitCode(), 0);
        QCOMPARE(jsonLines(ben.readAllStandardOutput()).size(), 60);
        const QString typed = QStringLiteral("What is your full name, as on your NHS letters? Write it all");
        QTRY_COMPARE_WITH_TIMEOUT(adaSees.findItem(room.firstItem)->label, typed, 5000);
        QCOMPARE(failures, 0);
        // Live: Ada saw the label grow, letter by letter (many of the 60 steps, not only the end).
        labelsSeen.removeDuplicates();
        qInfo("Ada's window saw %lld of the 60 stages of the label", qlonglong(labelsSeen.size()));
        QVERIFY2(labelsSeen.size() >= 20, qPrintable(labelsSeen.join(QLatin1Char('|'))));
        for (int i = 1; i < labelsSeen.size(); ++i)
            QVERIFY(labelsSeen.at(i).startsWith(labelsSeen.at(i - 1)));
        // One step in the shared history, and Ada's copy is the draft.
        const QVector<ChangeRecord> history = historyOf(room);
        QCOMPARE(history.size(), 1);
        QCOMPARE(history.first().userName, QStringLiteral("Ben"));
        QCOMPARE(history.first().edit.after, QJsonValue(typed));
        QCOMPARE(adaSees, store.get(kId).value());
        QCOMPARE(store.templateAsOf(kId, history.first().seq).value(), adaSees);
    }

    void commentsApprovalsAndStateChangesTravelOnTheFeed_data() { test::addBackendRows(); }
    void commentsApprovalsAndStateChangesTravelOnTheFeed()
    {
        // Ben comments, replies, resolves, proposes, approves and withdraws in another process; Ada's feed hears each
        // well before the presence heartbeat would have brought it.
        QFETCH(QString, backend);
        Room *shared = roomFor(backend);
        QVERIFY(shared);
        Room &room = *shared;
        const QString kId = room.id;
        TemplateStore store(*room.db, *room.ada);
        ChangeFeed feed(*room.db, *room.ada, kId, store.lastSeq(kId).value());
        feed.setPollInterval(20);
        QVector<qint64> heard;
        connect(&feed, &ChangeFeed::activityArrived, this,
                [&heard] { heard.append(QDateTime::currentMSecsSinceEpoch()); });
        feed.start();

        QProcess ben;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("COFORM_PASSWORD"), kPassword);
        ben.setProcessEnvironment(env);
        ben.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        ben.start(qEnvironmentVariable("COFORM_COEDIT_WORKER"),
                  {room.location, QStringLiteral("Ben"), kId, QStringLiteral("activity"), QStringLiteral("12"),
                   QStringLiteral("300")});
        QVERIFY2(ben.waitForStarted(), "set COFORM_COEDIT_WORKER to the coedit_worker program");
        QTRY_VERIFY_WITH_TIMEOUT(ben.state() == QProcess::NotRunning, 30000);
        QCOMPARE(ben.exitCode(), 0);
        const QList<QJsonObject> done = jsonLines(ben.readAllStandardOutput());
        QCOMPARE(done.size(), 12);
        QTRY_COMPARE_WITH_TIMEOUT(heard.size(), 12, 5000);
        QStringList delays;
        for (int i = 0; i < done.size(); ++i) {
            const qint64 delay = heard.at(i) - done.at(i).value(QStringLiteral("ms")).toInteger();
            delays.append(
                QStringLiteral("%1 %2 ms").arg(done.at(i).value(QStringLiteral("action")).toString()).arg(delay));
            // Heard after it was done (a moment before the worker printed it, at most) and before the next one.
            QVERIFY2(delay > -50 && delay < PresenceStore::HeartbeatSeconds * 1000, qPrintable(delays.join(", ")));
        }
        qInfo("%s", qPrintable(delays.join(QStringLiteral(", "))));
        // What Ada's window reads then is what Ben did.
        const Result<QVector<CommentThread>> threads = CommentStore(*room.db, *room.ada).threads(kId);
        QCOMPARE(threads->size(), 2);
        QVERIFY(threads->first().resolved);
        QCOMPARE(store.versionInfo(kId)->status, VersionStatus::Draft);
    }
};

QTEST_GUILESS_MAIN(TestTypingSteps)
#include "tst_typingsteps.moc"
