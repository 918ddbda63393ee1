// The audit trail's chain (docs/security.md): each row carries a hash over its content and the previous row's hash,
// keyed with the data key's chain subkey. `coform-cli audit verify` and AuditLog::verify name the first row that
// does not hold. The database refuses UPDATE and DELETE of audit rows where the triggers exist: to play the
// attacker, these tests take them away first, as the owner of the file or of the tables could.
#include "reviewfixture.h"
#include "store/auditlog.h"
#include "store/keyring.h"

#include <QProcess>
#include <QThread>
#include <QtTest>

using namespace coform;

namespace {

/// Drops (SQLite) or disables (PostgreSQL) whatever triggers guard the audit table, as its owner could.
bool takeAwayTheGuard(Database &db)
{
    QSqlQuery q = db.query();
    if (db.backend() == Database::Backend::Postgres)
        return db.exec(q, QStringLiteral("ALTER TABLE audit_log DISABLE TRIGGER USER"), {}, nullptr);
    QStringList triggers;
    if (!db.exec(q, QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'"),
                 {}, nullptr))
        return false;
    while (q.next())
        triggers << q.value(0).toString();
    for (const QString &t : triggers) {
        if (!db.exec(q, QStringLiteral("DROP TRIGGER %1").arg(t), {}, nullptr))
            return false;
    }
    return true;
}

/// Some ordinary work that writes audit rows: people added, reviews opened, listed, a failed sign-in.
void doSomeWork(test::ReviewFixture &f)
{
    const qint64 person = f.addPerson();
    ReviewStore reviews(*f.db, *f.reviewer);
    const qint64 review = reviews.create(person, f.chc.id, 0)->id;
    reviews.open(review);
    AuditLog(*f.db, *f.reviewer).recordListing(AuditLog::ListPeople, 1);
    UserStore(*f.db).signIn(QStringLiteral("rita"), QStringLiteral("not her password"));
    reviews.open(review);
}

qint64 lastAuditId(Database &db)
{
    QSqlQuery q = db.query();
    return db.exec(q, QStringLiteral("SELECT max(id) FROM audit_log"), {}, nullptr) && q.next()
               ? q.value(0).toLongLong()
               : 0;
}

} // namespace

class TestAuditChain : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data() { test::addBackendRows(); }

    void anUntouchedTrailHolds()
    {
        test::ReviewFixture f;
        QVERIFY(f.setUp(test::currentBackend()));
        doSomeWork(f);
        const Result<AuditVerification> v = AuditLog(*f.db, *f.admin).verify();
        QVERIFY2(v.ok(), qPrintable(v.message()));
        QVERIFY(v->holds());
        QCOMPARE(v->beforeChain, 0);
        QVERIFY(v->keyed >= 8);
        QVERIFY(v->words().contains(QLatin1String("holds")));
        // Only an admin checks it; a coproducer cannot.
        QCOMPARE(AuditLog(*f.db, *f.reviewer).verify().status(), StoreStatus::NotPermitted);
        QCOMPARE(AuditLog(*f.db, *f.coproducer).verify().status(), StoreStatus::NotPermitted);
    }

    void anEditedRowIsNamed()
    {
        test::ReviewFixture f;
        QVERIFY(f.setUp(test::currentBackend()));
        doSomeWork(f);
        const qint64 last = lastAuditId(*f.db);
        const qint64 edited = last - 3;
        QVERIFY(takeAwayTheGuard(*f.db));
        QSqlQuery q = f.db->query();
        QVERIFY(f.db->exec(q, QStringLiteral("UPDATE audit_log SET action = 'print' WHERE id = ?"), {edited}, nullptr));
        const Result<AuditVerification> v = AuditLog(*f.db, *f.admin).verify();
        QVERIFY(v.ok());
        QCOMPARE(v->firstBroken, edited);
        QVERIFY(v->words().contains(QStringLiteral("row %1 does not hold").arg(edited)));

        // The command line says the same and exits non-zero (3: conflict).
        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("COFORM_PASSWORD"), test::password);
        cli.setProcessEnvironment(env);
        cli.start(qEnvironmentVariable("COFORM_CLI"),
                  {QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--db"), f.location,
                   QStringLiteral("--user"), QStringLiteral("ada")});
        QVERIFY(cli.waitForFinished(60'000));
        const QString out = QString::fromUtf8(cli.readAllStandardOutput());
        QCOMPARE(cli.exitCode(), 3);
        QVERIFY2(out.contains(QStringLiteral("row %1 does not hold").arg(edited)), qPrintable(out));
    }

    void aRemovedRowIsNoticedAtTheNext()
    {
        test::ReviewFixture f;
        QVERIFY(f.setUp(test::currentBackend()));
        doSomeWork(f);
        const qint64 removed = lastAuditId(*f.db) - 2;
        QVERIFY(takeAwayTheGuard(*f.db));
        QSqlQuery q = f.db->query();
        QVERIFY(f.db->exec(q, QStringLiteral("DELETE FROM audit_log WHERE id = ?"), {removed}, nullptr));
        const Result<AuditVerification> v = AuditLog(*f.db, *f.admin).verify();
        QVERIFY(v.ok());
        QCOMPARE(v->firstBroken, removed + 1);
    }

    void aRecomputedPlainHashDoesNotPass()
    {
        // Someone without the key rewrites a keyed row's link as a plain hash: the chain no longer holds there.
        test::ReviewFixture f;
        QVERIFY(f.setUp(test::currentBackend()));
        doSomeWork(f);
        const qint64 row = lastAuditId(*f.db); // a review opened: keyed
        QVERIFY(takeAwayTheGuard(*f.db));
        QSqlQuery q = f.db->query();
        QVERIFY(f.db->exec(q, QStringLiteral("UPDATE audit_log SET chain = 'u' || substr(chain, 2) WHERE id = ?"),
                           {row}, nullptr));
        QCOMPARE(AuditLog(*f.db, *f.admin).verify()->firstBroken, row);
    }

    void twoWritersAtOnceNeverForkTheChain()
    {
        test::ReviewFixture f;
        QVERIFY(f.setUp(test::currentBackend()));
        const qint64 person = f.addPerson();
        // Two connections (two threads, each its own) append 40 rows each at the same time.
        auto writer = [&](const Session &session) {
            QString error;
            std::unique_ptr<Database> db = Database::open(f.location, &error);
            if (!db)
                return;
            for (int i = 0; i < 40; ++i)
                AuditLog(*db, session).record(AuditLog::ViewPerson, 0, person);
        };
        QThread *a = QThread::create(writer, *f.reviewer);
        QThread *b = QThread::create(writer, *f.reviewer2);
        a->start();
        b->start();
        QVERIFY(a->wait(120'000) && b->wait(120'000));
        delete a;
        delete b;
        const Result<AuditVerification> v = AuditLog(*f.db, *f.admin).verify();
        QVERIFY(v.ok());
        QVERIFY2(v->holds(), qPrintable(v->words()));
        QVERIFY(v->keyed >= 80);
    }
};

QTEST_GUILESS_MAIN(TestAuditChain)
#include "tst_auditchain.moc"
