#include "edit/edit.h"
#include "format/templateformat.h"
#include "store/changefeed.h"
#include "store/database.h"
#include "store/presencestore.h"
#include "store/templatestore.h"
#include "store/userstore.h"
#include "testdatabase.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QtTest>

using namespace coform;

namespace {
const QString kPassword = QStringLiteral("correct horse battery");

/// The bundled template cut to its first sections: big enough to be real, small enough for thousands of edits.
Template smallTemplate()
{
    Problems problems;
    Template t = readTemplateFile(QStringLiteral(":/coform/templates/chc-review.json"), &problems).value();
    t.id = QStringLiteral("coedit");
    t.sections.resize(3);
    t.sections[2].items.removeIf([](const Item &i) { return i.showIf.has_value(); });
    t.sections[1].items.removeIf([](const Item &i) { return i.showIf.has_value(); });
    return t;
}

/// A database with an admin, `people` coproducers (p1, p2, ...) and the small template as a draft.
struct Meeting
{
    std::unique_ptr<Database> adminDb;
    std::optional<Session> admin;
    QString location;
    Template base;
};

bool setUp(Meeting &m, const QString &location, int people)
{
    QString error;
    m.location = location;
    m.adminDb = Database::open(location, &error);
    if (!m.adminDb) {
        qWarning("%s", qPrintable(error));
        return false;
    }
    UserStore users(*m.adminDb);
    const Result<Session> admin = users.createFirstAdmin(QStringLiteral("admin"), kPassword);
    if (!admin.ok())
        return false;
    m.admin = *admin;
    for (int i = 1; i <= people; ++i) {
        if (!users.addUser(*admin, QStringLiteral("p%1").arg(i), Role::Coproducer, kPassword).ok())
            return false;
    }
    TemplateStore store(*m.adminDb, *admin);
    if (!store.addTemplate(smallTemplate()).ok())
        return false;
    m.base = store.get(QStringLiteral("coedit")).value();
    return true;
}

struct Editor
{
    std::unique_ptr<Database> db;
    std::optional<Session> session;
};

Editor join(const QString &location, const QString &name)
{
    Editor p;
    QString error;
    p.db = Database::open(location, &error);
    if (p.db)
        p.session = UserStore(*p.db).signIn(name, kPassword).value();
    return p;
}
} // namespace

/// Several people in one draft at once: changes reach the others, conflicts are refused and shown, nothing is lost.
class TestCoedit : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void feedDeliversOthersChanges_data() { test::addBackendRows(); }
    void feedDeliversOthersChanges()
    {
        QFETCH(QString, backend);
        QTemporaryDir dir;
        Meeting m;
        QVERIFY(setUp(m, test::freshDatabase(backend, dir), 2));
        Editor ann = join(m.location, QStringLiteral("p1"));
        Editor bob = join(m.location, QStringLiteral("p2"));
        QVERIFY(ann.session && bob.session);
        TemplateStore annStore(*ann.db, *ann.session);
        TemplateStore bobStore(*bob.db, *bob.session);

        Template bobsView = bobStore.get(QStringLiteral("coedit")).value();
        ChangeFeed feed(*bob.db, *bob.session, QStringLiteral("coedit"),
                        bobStore.lastSeq(QStringLiteral("coedit")).value());
        QVector<ChangeRecord> received;
        connect(&feed, &ChangeFeed::changesArrived, this, [&](const QVector<ChangeRecord> &changes) {
            for (const ChangeRecord &c : changes) {
                received.append(c);
                QVERIFY(c.edit.apply(bobsView).applied());
            }
        });
        feed.start();

        // Ann rewords a question: Bob's open copy shows it, with who did it.
        const QString itemId = m.base.sections.first().items.at(1).id;
        const Template annsView = annStore.get(QStringLiteral("coedit")).value();
        const Result<ChangeRecord> applied = annStore.applyEdit(
            QStringLiteral("coedit"),
            Edit::setItemProperty(annsView, itemId, QStringLiteral("label"), QStringLiteral("What sort of review?")));
        QVERIFY2(applied.ok(), qPrintable(applied.message()));
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, 5000);
        QCOMPARE(received.first().userName, QStringLiteral("p1"));
        QCOMPARE(bobsView.findItem(itemId)->label, QStringLiteral("What sort of review?"));

        // Bob's own edit is not played back to him.
        const Result<ChangeRecord> own =
            bobStore.applyEdit(QStringLiteral("coedit"),
                               Edit::setItemProperty(bobsView, itemId, QStringLiteral("help"), QStringLiteral("Why")));
        QVERIFY(own.ok());
        feed.markOwn(own->seq);
        QVERIFY(Edit::setItemProperty(bobsView, itemId, QStringLiteral("help"), QStringLiteral("Why"))
                    .apply(bobsView)
                    .applied());
        feed.checkNow();
        QTest::qWait(300);
        QCOMPARE(received.size(), 1);
        QCOMPARE(feed.lastSeenSeq(), own->seq);
        QCOMPARE(bobsView, bobStore.get(QStringLiteral("coedit")).value());
    }

    void conflictsAreRefusedAndNothingIsOverwritten_data() { test::addBackendRows(); }
    void conflictsAreRefusedAndNothingIsOverwritten()
    {
        QFETCH(QString, backend);
        QTemporaryDir dir;
        Meeting m;
        QVERIFY(setUp(m, test::freshDatabase(backend, dir), 2));
        Editor ann = join(m.location, QStringLiteral("p1"));
        Editor bob = join(m.location, QStringLiteral("p2"));
        TemplateStore annStore(*ann.db, *ann.session);
        TemplateStore bobStore(*bob.db, *bob.session);
        const Template snapshot = annStore.get(QStringLiteral("coedit")).value();
        const QString itemId = snapshot.sections.first().items.at(1).id;

        // Both start from the same text; Ann saves first, Bob's change of the same label is a conflict.
        const Edit annsEdit =
            Edit::setItemProperty(snapshot, itemId, QStringLiteral("label"), QStringLiteral("Ann's words"));
        const Edit bobsEdit =
            Edit::setItemProperty(snapshot, itemId, QStringLiteral("label"), QStringLiteral("Bob's words"));
        QVERIFY(annStore.applyEdit(QStringLiteral("coedit"), annsEdit).ok());
        const Result<ChangeRecord> refused = bobStore.applyEdit(QStringLiteral("coedit"), bobsEdit);
        QCOMPARE(refused.status(), StoreStatus::Conflict);
        QVERIFY2(refused.message().contains(QLatin1String("Ann's words")), qPrintable(refused.message()));
        QCOMPARE(bobStore.get(QStringLiteral("coedit"))->findItem(itemId)->label, QStringLiteral("Ann's words"));
        QCOMPARE(bobStore.history(QStringLiteral("coedit"))->size(), 1);

        // A different property of the same question never conflicts.
        QVERIFY(bobStore
                    .applyEdit(QStringLiteral("coedit"), Edit::setItemProperty(snapshot, itemId, QStringLiteral("help"),
                                                                               QStringLiteral("Bob's help")))
                    .ok());

        // Undo never reverts someone else's change: Ann's undo of her label, after Bob has since changed it, is a
        // conflict too.
        const Template now = bobStore.get(QStringLiteral("coedit")).value();
        QVERIFY(bobStore
                    .applyEdit(QStringLiteral("coedit"), Edit::setItemProperty(now, itemId, QStringLiteral("label"),
                                                                               QStringLiteral("Bob's later words")))
                    .ok());
        QCOMPARE(annStore.applyEdit(QStringLiteral("coedit"), annsEdit.inverted()).status(), StoreStatus::Conflict);
        QCOMPARE(annStore.get(QStringLiteral("coedit"))->findItem(itemId)->label, QStringLiteral("Bob's later words"));
    }

    void presenceShowsWhoIsWhereAndExpires_data() { test::addBackendRows(); }
    void presenceShowsWhoIsWhereAndExpires()
    {
        QFETCH(QString, backend);
        QTemporaryDir dir;
        Meeting m;
        QVERIFY(setUp(m, test::freshDatabase(backend, dir), 2));
        Editor ann = join(m.location, QStringLiteral("p1"));
        Editor bob = join(m.location, QStringLiteral("p2"));
        PresenceStore annPresence(*ann.db, *ann.session);
        PresenceStore bobPresence(*bob.db, *bob.session);
        QVERIFY(
            annPresence.heartbeat(QStringLiteral("coedit"), QStringLiteral("ann-laptop"), QStringLiteral("review-type"))
                .ok());
        QVERIFY(bobPresence.heartbeat(QStringLiteral("coedit"), QStringLiteral("bob-laptop"), QString()).ok());
        QVERIFY(
            bobPresence.heartbeat(QStringLiteral("coedit"), QStringLiteral("bob-laptop"), QStringLiteral("full-name"))
                .ok());
        QVector<Presence> here = bobPresence.present(QStringLiteral("coedit")).value();
        QCOMPARE(here.size(), 2);
        QCOMPARE(here.at(0).userName, QStringLiteral("p1"));
        QCOMPARE(here.at(0).itemId, QStringLiteral("review-type"));
        QCOMPARE(here.at(1).itemId, QStringLiteral("full-name")); // one row per window, moved on

        // Ann's laptop goes to sleep: half a minute later she no longer counts as here.
        const QDateTime later = QDateTime::currentDateTimeUtc().addSecs(PresenceStore::ExpirySeconds + 10);
        bob.db->setClock([later] { return later; });
        QVERIFY(
            bobPresence.heartbeat(QStringLiteral("coedit"), QStringLiteral("bob-laptop"), QStringLiteral("full-name"))
                .ok());
        here = bobPresence.present(QStringLiteral("coedit")).value();
        QCOMPARE(here.size(), 1);
        QCOMPARE(here.first().userName, QStringLiteral("p2"));
        // Leaving takes a window out at once.
        QVERIFY(bobPresence.leave(QStringLiteral("coedit"), QStringLiteral("bob-laptop")).ok());
        QVERIFY(bobPresence.present(QStringLiteral("coedit"))->isEmpty());
    }

    void fourPeopleFiveHundredEditsEach_data() { test::addBackendRows(); }
    void fourPeopleFiveHundredEditsEach()
    {
        QFETCH(QString, backend);
        const int editsEach = qEnvironmentVariableIntValue("COFORM_STRESS_EDITS") > 0
                                  ? qEnvironmentVariableIntValue("COFORM_STRESS_EDITS")
                                  : 500;
        QTemporaryDir dir;
        Meeting m;
        QVERIFY(setUp(m, test::freshDatabase(backend, dir), 4));

        QVector<QProcess *> workers;
        for (int i = 1; i <= 4; ++i) {
            auto *p = new QProcess(this);
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("COFORM_PASSWORD"), kPassword);
            p->setProcessEnvironment(env);
            p->start(qEnvironmentVariable("COFORM_COEDIT_WORKER"),
                     {m.location, QStringLiteral("p%1").arg(i), QStringLiteral("coedit"), QStringLiteral("stress"),
                      QString::number(editsEach), QString::number(i)});
            workers.append(p);
        }
        QHash<qint64, QString> appliedBy; // seq -> person
        int conflicts = 0;
        int refusedOtherwise = 0;
        for (int i = 0; i < workers.size(); ++i) {
            QProcess *p = workers.at(i);
            QVERIFY2(p->waitForFinished(600000), "a worker did not finish");
            QCOMPARE(p->exitCode(), 0);
            const QList<QByteArray> lines = p->readAllStandardOutput().split('\n');
            int count = 0;
            for (const QByteArray &line : lines) {
                if (line.isEmpty())
                    continue;
                ++count;
                const QJsonObject o = QJsonDocument::fromJson(line).object();
                const QString result = o.value(QStringLiteral("result")).toString();
                if (result == QLatin1String("applied")) {
                    const qint64 seq = o.value(QStringLiteral("seq")).toInteger();
                    QVERIFY2(!appliedBy.contains(seq), "two edits were given one change number");
                    appliedBy.insert(seq, QStringLiteral("p%1").arg(i + 1));
                } else if (result == QLatin1String("conflict")) {
                    ++conflicts;
                } else {
                    ++refusedOtherwise;
                }
            }
            QCOMPARE(count, editsEach); // every edit got an answer
        }
        qInfo("%s: %lld applied, %d conflicts, %d refused as invalid", qPrintable(backend), qint64(appliedBy.size()),
              conflicts, refusedOtherwise);
        QVERIFY(conflicts > 0); // the test really made people collide

        // Every applied edit is in the change log, by its author; nothing else is.
        TemplateStore store(*m.adminDb, *m.admin);
        const QVector<ChangeRecord> log = store.history(QStringLiteral("coedit")).value();
        QCOMPARE(log.size(), appliedBy.size());
        QVector<Edit> edits;
        for (const ChangeRecord &c : log) {
            QCOMPARE(c.userName, appliedBy.value(c.seq));
            edits.append(c.edit);
        }
        // Replaying the change log from the start gives the final draft exactly.
        QString error;
        const std::optional<Template> replayed = replayEdits(m.base, edits, &error);
        QVERIFY2(replayed, qPrintable(error));
        QCOMPARE(*replayed, store.get(QStringLiteral("coedit")).value());
    }
};

QTEST_GUILESS_MAIN(TestCoedit)
#include "tst_coedit.moc"
