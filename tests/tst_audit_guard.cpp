// The audit trail that nobody can quietly change, and PostgreSQL's roles: the database itself refuses UPDATE, DELETE
// (and TRUNCATE) of audit rows, even to the owner; the application's login role may not even try, nor change any
// table's shape; a reporting role reads no person, answer or audit detail; `db grant` is the owner's, and
// docs/postgres-roles.sql is the same grants for a database administrator.
#include "store/auditguard.h"
#include "store/database.h"
#include "store/postgresroles.h"
#include "store/userstore.h"
#include "testdatabase.h"

#include <QFile>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace coform;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run cli(const QStringList &args, const QString &password = {})
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("COFORM_PASSWORD"), password);
    p.setProcessEnvironment(env);
    p.start(qEnvironmentVariable("COFORM_CLI"), args);
    p.closeWriteChannel();
    Run r;
    if (!p.waitForFinished(120000) || p.exitStatus() != QProcess::NormalExit)
        return r;
    r.exitCode = p.exitCode();
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

/// Runs one statement; the driver's error text when it is refused, "" when it ran.
QString refusal(const Database &db, const QString &sql)
{
    QSqlQuery q = db.query();
    QString error;
    return db.exec(q, sql, {}, &error) ? QString() : error;
}

qint64 count(const Database &db, const QString &sql)
{
    QSqlQuery q = db.query();
    QString error;
    if (!db.exec(q, sql, {}, &error) || !q.next()) {
        qWarning("%s", qPrintable(error));
        return -1;
    }
    return q.value(0).toLongLong();
}

QString pgRole(const char *variable)
{
    return QUrl(qEnvironmentVariable(variable)).userName();
}

} // namespace

class TestAuditGuard : public QObject
{
    Q_OBJECT

private slots:
    void theDatabaseRefusesToChangeAuditRows_data() { test::addBackendRows(); }

    void theDatabaseRefusesToChangeAuditRows()
    {
        QFETCH(QString, backend);
        QTemporaryDir dir;
        QString error;
        const QString location = test::freshDatabase(backend, dir, &error);
        QVERIFY2(!location.isEmpty(), qPrintable(error));
        std::unique_ptr<Database> db = Database::open(location, &error);
        QVERIFY2(db, qPrintable(error));
        UserStore users(*db);
        QVERIFY(users.createFirstAdmin(QStringLiteral("Ada"), QStringLiteral("admin-password")).ok());
        QVERIFY(!users.signIn(QStringLiteral("Ada"), QStringLiteral("a-wrong-guess")).ok());
        QVERIFY(!users.signIn(QStringLiteral("Nobody Known"), QStringLiteral("a-wrong-guess")).ok());
        const QString rows = QStringLiteral("SELECT count(*) FROM audit_log");
        QCOMPARE(count(*db, rows), 3); // the account added, a wrong password, a name that matches no account
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM audit_log WHERE user_id IS NULL AND detail = "
                                           "'unknown name'")),
                 1);

        // Whoever asks, the database itself refuses: on PostgreSQL even the owner of the tables.
        std::unique_ptr<Database> owner =
            backend == QLatin1String("sqlite") ? nullptr : Database::open(test::asOwner(location), &error);
        const Database &mostPowerful = owner ? *owner : *db;
        QVERIFY2(owner || backend == QLatin1String("sqlite"), qPrintable(error));
        QStringList attempts = {QStringLiteral("UPDATE audit_log SET detail = 'nothing happened'"),
                                QStringLiteral("UPDATE audit_log SET user_id = NULL WHERE id = 2"),
                                QStringLiteral("DELETE FROM audit_log WHERE id = 2"),
                                QStringLiteral("DELETE FROM audit_log")};
        if (owner)
            attempts << QStringLiteral("TRUNCATE audit_log");
        for (const QString &sql : std::as_const(attempts)) {
            const QString refused = refusal(mostPowerful, sql);
            QVERIFY2(refused.contains(QLatin1String(AuditGuard::Message)),
                     qPrintable(sql + QLatin1String(": ") + refused));
        }
        // The application's login role may not even try: PostgreSQL refuses it the privilege.
        if (owner) {
            for (const QString &sql : std::as_const(attempts)) {
                const QString refused = refusal(*db, sql);
                QVERIFY2(refused.contains(QLatin1String("permission denied for table audit_log")),
                         qPrintable(sql + QLatin1String(": ") + refused));
            }
        }
        QCOMPARE(count(*db, rows), 3);
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM audit_log WHERE detail = 'nothing happened'")), 0);
    }

    void theApplicationRoleChangesNoTableShape()
    {
        QTemporaryDir dir;
        QString error;
        const QString url = test::freshDatabase(QStringLiteral("postgresql"), dir, &error);
        QVERIFY2(!url.isEmpty(), qPrintable(error));
        std::unique_ptr<Database> app = Database::open(url, &error);
        QVERIFY2(app, qPrintable(error));
        QVERIFY(
            refusal(*app, QStringLiteral("CREATE TABLE stolen (x TEXT)")).contains(QLatin1String("permission denied")));
        for (const QString &sql : {QStringLiteral("ALTER TABLE people ADD COLUMN x TEXT"),
                                   QStringLiteral("DROP TRIGGER audit_log_no_change ON audit_log"),
                                   QStringLiteral("DROP TABLE audit_log")}) {
            const QString refused = refusal(*app, sql);
            QVERIFY2(refused.contains(QLatin1String("must be owner")), qPrintable(sql + QLatin1String(": ") + refused));
        }
    }

    void theReportingRoleReadsNoPersonalData()
    {
        QTemporaryDir dir;
        QString error;
        const QString url = test::freshDatabase(QStringLiteral("postgresql"), dir, &error);
        QVERIFY2(!url.isEmpty(), qPrintable(error));
        const QString reportBase = qEnvironmentVariable("COFORM_TEST_PG_REPORT_URL");
        QVERIFY2(!reportBase.isEmpty(), qPrintable(test::noPostgresMessage()));
        Run r = cli({QStringLiteral("demo"), QStringLiteral("--reviews"), QStringLiteral("3"), QStringLiteral("--db"),
                     url, QStringLiteral("--user"), QStringLiteral("ada")},
                    QStringLiteral("ada-password"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        // The owner grants; a second run leaves the same privileges.
        const QStringList grant = {QStringLiteral("db"),
                                   QStringLiteral("grant"),
                                   QStringLiteral("--app-role"),
                                   pgRole("COFORM_TEST_PG_URL"),
                                   QStringLiteral("--report-role"),
                                   pgRole("COFORM_TEST_PG_REPORT_URL"),
                                   QStringLiteral("--db"),
                                   test::asOwner(url)};
        for (int i = 0; i < 2; ++i) {
            r = cli(grant);
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            QVERIFY2(r.out.contains(QLatin1String("only read and append to the audit trail")), qPrintable(r.out));
        }
        std::unique_ptr<Database> report = Database::open(test::withSchemaOf(reportBase, url), &error);
        QVERIFY2(report, qPrintable(error));
        QCOMPARE(count(*report, QStringLiteral("SELECT count(*) FROM template_versions WHERE status = 'published'")),
                 1);
        QCOMPARE(count(*report, QStringLiteral("SELECT count(*) FROM approvals")), 2);
        QCOMPARE(count(*report, QStringLiteral("SELECT count(*) FROM reviews WHERE status <> '' AND next_due <> ''")),
                 3);
        QCOMPARE(count(*report, QStringLiteral("SELECT count(id) FROM reviews")), 3);
        for (const QString &sql :
             {QStringLiteral("SELECT * FROM people"), QStringLiteral("SELECT name FROM people"),
              QStringLiteral("SELECT * FROM review_answers"), QStringLiteral("SELECT answers FROM reviews"),
              QStringLiteral("SELECT person_id FROM reviews"), QStringLiteral("SELECT * FROM reviews"),
              QStringLiteral("SELECT detail FROM audit_log"), QStringLiteral("SELECT name FROM users"),
              QStringLiteral("INSERT INTO comments (template_id, version, author_id, at, body) VALUES ('x', 1, 1, "
                             "'', 'y')")}) {
            const QString refused = refusal(*report, sql);
            QVERIFY2(refused.contains(QLatin1String("permission denied")),
                     qPrintable(sql + QLatin1String(": ") + refused));
        }
        // The application still does all its work after the grants.
        r = cli({QStringLiteral("review"), QStringLiteral("list"), QStringLiteral("--db"), url,
                 QStringLiteral("--user"), QStringLiteral("ada")},
                QStringLiteral("ada-password"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    void onlyTheOwnerGrants()
    {
        QTemporaryDir dir;
        QString error;
        const QString url = test::freshDatabase(QStringLiteral("postgresql"), dir, &error);
        QVERIFY2(!url.isEmpty(), qPrintable(error));
        Run r = cli({QStringLiteral("db"), QStringLiteral("grant"), QStringLiteral("--app-role"),
                     pgRole("COFORM_TEST_PG_URL"), QStringLiteral("--db"), url});
        QCOMPARE(r.exitCode, 5);
        QVERIFY2(r.err.contains(QLatin1String("only the owner of the Coform tables")), qPrintable(r.err));
        r = cli({QStringLiteral("db"), QStringLiteral("grant"), QStringLiteral("--app-role"),
                 QStringLiteral("Robert'; --"), QStringLiteral("--db"), test::asOwner(url)});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("is not a role name")), qPrintable(r.err));
        // The whole name: one with a line break after it is refused too, and the message stays one line.
        r = cli({QStringLiteral("db"), QStringLiteral("grant"), QStringLiteral("--app-role"),
                 QStringLiteral("coform_app\n"), QStringLiteral("--db"), test::asOwner(url)});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String(R"('coform_app\n' is not a role name)")), qPrintable(r.err));
        const QString file = dir.filePath(QStringLiteral("coform.sqlite"));
        r = cli({QStringLiteral("db"), QStringLiteral("grant"), QStringLiteral("--app-role"),
                 QStringLiteral("coform_app"), QStringLiteral("--db"), file});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("roles and grants are for PostgreSQL")), qPrintable(r.err));
        r = cli({QStringLiteral("db"), QStringLiteral("migrate"), QStringLiteral("--db"), file});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("schema %1").arg(Database::latestSchemaVersion())), qPrintable(r.out));
    }

    void everyTableHasItsGrants()
    {
        // A migration that adds a table must say what each role may do with it (PostgresRoles::tableGrants).
        QTemporaryDir dir;
        QString error;
        const QString url = test::freshDatabase(QStringLiteral("postgresql"), dir, &error);
        QVERIFY2(!url.isEmpty(), qPrintable(error));
        std::unique_ptr<Database> owner = Database::open(test::asOwner(url), &error);
        QVERIFY2(owner, qPrintable(error));
        QSqlQuery q = owner->query();
        QVERIFY(owner->exec(q,
                            QStringLiteral("SELECT table_name FROM information_schema.tables WHERE table_schema = "
                                           "current_schema()"),
                            {}, &error));
        QSet<QString> tables, granted;
        while (q.next())
            tables.insert(q.value(0).toString());
        for (const PostgresRoles::TableGrant &t : PostgresRoles::tableGrants())
            granted.insert(QString::fromLatin1(t.table));
        QCOMPARE(granted, tables);
    }

    void theFileForDatabaseAdministratorsGrantsTheSame()
    {
        QFile file(QStringLiteral(COFORM_SOURCE_DIR "/docs/postgres-roles.sql"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QStringList statements;
        for (const QString &line : QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'))) {
            if (line.startsWith(QLatin1String("--")) || line.startsWith(QLatin1Char('\\')) || line.trimmed().isEmpty())
                continue;
            QVERIFY2(line.endsWith(QLatin1Char(';')), qPrintable(line));
            statements.append(line.chopped(1));
        }
        QCOMPARE(statements, PostgresRoles::statements(QStringLiteral(":\"schema\""), QStringLiteral(":\"app_role\""),
                                                       QStringLiteral(":\"report_role\"")));
    }
};

QTEST_GUILESS_MAIN(TestAuditGuard)
#include "tst_audit_guard.moc"
