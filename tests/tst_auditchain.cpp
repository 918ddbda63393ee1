// The audit trail's chain (docs/security.md): each row carries a hash over its content and the previous row's hash,
// keyed with the data key's chain subkey. `coform-cli audit verify` and AuditLog::verify name the first row that
// does not hold. The database refuses UPDATE and DELETE of audit rows where the triggers exist: to play the
// attacker, these tests take them away first, as the owner of the file or of the tables could.
#include "clirun.h"
#include "reviewfixture.h"
#include "store/auditguard.h"
#include "store/auditlog.h"
#include "store/keyring.h"

#include <QProcess>
#include <QThread>
#include <QtTest>

using namespace coform;

namespace {

/// Someone who owns the file or the tables: drops the audit guard's triggers (AuditGuard::dropTriggers) and edits
/// rows directly. On PostgreSQL that is the owner's connection (the application role may not even try).
std::unique_ptr<Database> takeAwayTheGuard(const QString &location)
{
    QString error;
    std::unique_ptr<Database> owner =
        Database::open(Database::isUrl(location) ? test::asOwner(location) : location, &error);
    if (!owner || !AuditGuard::dropTriggers(*owner, &error)) {
        qWarning("%s", qPrintable(error));
        return nullptr;
    }
    return owner;
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
        const std::unique_ptr<Database> owner = takeAwayTheGuard(f.location);
        QVERIFY(owner);
        QSqlQuery q = owner->query();
        QVERIFY(
            owner->exec(q, QStringLiteral("UPDATE audit_log SET action = 'print' WHERE id = ?"), {edited}, nullptr));
        const Result<AuditVerification> v = AuditLog(*f.db, *f.admin).verify();
        QVERIFY(v.ok());
        QCOMPARE(v->firstBroken, edited);
        QVERIFY(v->words().contains(QStringLiteral("row %1 does not hold").arg(edited)));

        // The command line says the same and exits non-zero (3: conflict).
        const test::CliRun r = test::runCli({QStringLiteral("audit"), QStringLiteral("verify")}, f.location,
                                            QStringLiteral("ada"), test::password);
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.out.contains(QStringLiteral("row %1 does not hold").arg(edited)), qPrintable(r.out + r.err));
    }

    void aRemovedRowIsNoticedAtTheNext()
    {
        test::ReviewFixture f;
        QVERIFY(f.setUp(test::currentBackend()));
        doSomeWork(f);
        const qint64 removed = lastAuditId(*f.db) - 2;
        const std::unique_ptr<Database> owner = takeAwayTheGuard(f.location);
        QVERIFY(owner);
        QSqlQuery q = owner->query();
        QVERIFY(owner->exec(q, QStringLiteral("DELETE FROM audit_log WHERE id = ?"), {removed}, nullptr));
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
        const std::unique_ptr<Database> owner = takeAwayTheGuard(f.location);
        QVERIFY(owner);
        QSqlQuery q = owner->query();
        QVERIFY(owner->exec(q, QStringLiteral("UPDATE audit_log SET chain = 'u' || substr(chain, 2) WHERE id = ?"),
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
