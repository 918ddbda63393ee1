// The recovery key and the encryption of an older database, through coform-cli as an admin uses them: the first
// account's recovery key is printed once; `user recover` sets a lost password with it; `user recovery-key` retires
// it; `db encrypt` seals a database an older Coform wrote, printing its progress.
#include "store/database.h"
#include "store/userstore.h"
#include "testdatabase.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QtTest>

using namespace coform;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run cli(const QStringList &args, const QMap<QString, QString> &environment)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"COFORM_PASSWORD", "COFORM_NEW_PASSWORD", "COFORM_RECOVERY_KEY"})
        env.remove(QLatin1String(name));
    for (auto it = environment.begin(); it != environment.end(); ++it)
        env.insert(it.key(), it.value());
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(qEnvironmentVariable("COFORM_CLI"), args);
    p.closeWriteChannel();
    Run r;
    if (!p.waitForFinished(120'000))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QString recoveryKeyIn(const QString &text)
{
    static const QRegularExpression key(QStringLiteral("RECOVERY KEY \\(shown only now\\): ([0-9A-Z-]{47})"));
    return key.match(text).captured(1);
}

} // namespace

class TestCliRecovery : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo::exists(qEnvironmentVariable("COFORM_CLI")), "COFORM_CLI must name the built coform-cli");
    }

    void theRecoveryKeyBringsBackALostPassword()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("c.sqlite"));
        const Run first = cli({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("ada"),
                               QStringLiteral("--role"), QStringLiteral("admin"), QStringLiteral("--db"), db},
                              {{QStringLiteral("COFORM_NEW_PASSWORD"), QStringLiteral("ada's first pass")}});
        QCOMPARE(first.exitCode, 0);
        const QString key = recoveryKeyIn(first.err);
        QVERIFY2(!key.isEmpty(), qPrintable(first.err));
        QVERIFY(first.err.contains(QLatin1String("lock it away")));

        const QStringList recover = {QStringLiteral("user"), QStringLiteral("recover"), QStringLiteral("ada"),
                                     QStringLiteral("--db"), db};
        QCOMPARE(cli(recover, {{QStringLiteral("COFORM_RECOVERY_KEY"), QStringLiteral("not-the-key")},
                               {QStringLiteral("COFORM_NEW_PASSWORD"), QStringLiteral("ada's second pass")}})
                     .exitCode,
                 5);
        const Run recovered =
            cli(recover, {{QStringLiteral("COFORM_RECOVERY_KEY"), key.toLower()},
                          {QStringLiteral("COFORM_NEW_PASSWORD"), QStringLiteral("ada's second pass")}});
        QCOMPARE(recovered.exitCode, 0);
        const QStringList list = {QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--user"),
                                  QStringLiteral("ada"),  QStringLiteral("--db"), db};
        QCOMPARE(cli(list, {{QStringLiteral("COFORM_PASSWORD"), QStringLiteral("ada's first pass")}}).exitCode, 5);
        QCOMPARE(cli(list, {{QStringLiteral("COFORM_PASSWORD"), QStringLiteral("ada's second pass")}}).exitCode, 0);

        // A new recovery key: the old one stops working.
        const Run fresh = cli({QStringLiteral("user"), QStringLiteral("recovery-key"), QStringLiteral("--user"),
                               QStringLiteral("ada"), QStringLiteral("--db"), db},
                              {{QStringLiteral("COFORM_PASSWORD"), QStringLiteral("ada's second pass")}});
        QCOMPARE(fresh.exitCode, 0);
        const QString newKey = recoveryKeyIn(fresh.err);
        QVERIFY(!newKey.isEmpty() && newKey != key);
        QCOMPARE(cli(recover, {{QStringLiteral("COFORM_RECOVERY_KEY"), key},
                               {QStringLiteral("COFORM_NEW_PASSWORD"), QStringLiteral("ada's third pass")}})
                     .exitCode,
                 5);
        QCOMPARE(cli(recover, {{QStringLiteral("COFORM_RECOVERY_KEY"), newKey},
                               {QStringLiteral("COFORM_NEW_PASSWORD"), QStringLiteral("ada's third pass")}})
                     .exitCode,
                 0);
    }

    void dbEncryptSealsAnOlderDatabaseWithProgress()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("old.sqlite"));
        {
            QString error;
            std::unique_ptr<Database> old = Database::open(db, &error, 6);
            QVERIFY2(old, qPrintable(error));
            QSqlQuery q = old->query();
            QVERIFY(old->exec(q,
                              QStringLiteral("INSERT INTO users (id, name, role, password_hash, created_at) VALUES "
                                             "(1, 'Old Admin', 'admin', ?, '2026-01-02T03:04:05.000Z')"),
                              {UserStore::hashPassword(QStringLiteral("old admin pass"))}, &error));
            for (int i = 1; i <= 1200; ++i)
                QVERIFY(old->exec(q,
                                  QStringLiteral("INSERT INTO people (id, name, nhs_number, created_by, created_at) "
                                                 "VALUES (?, ?, '9434765919', 1, '2026-01-02T03:04:05.000Z')"),
                                  {i, QStringLiteral("Plainly Named %1").arg(i)}, &error));
        }
        const QStringList encrypt = {QStringLiteral("db"),        QStringLiteral("encrypt"), QStringLiteral("--user"),
                                     QStringLiteral("Old Admin"), QStringLiteral("--db"),    db};
        const Run run = cli(encrypt, {{QStringLiteral("COFORM_PASSWORD"), QStringLiteral("old admin pass")}});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.contains(QLatin1String("encrypting: 1200 of 1200 rows sealed (100%)")), qPrintable(run.err));
        QVERIFY(run.err.contains(QLatin1String("encrypting: 500 of 1200")));
        QVERIFY(!recoveryKeyIn(run.err).isEmpty());
        QFile file(db);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(!bytes.contains("Plainly Named"));
        QVERIFY(!bytes.contains("9434765919"));
        QVERIFY(!QFile::exists(db + QStringLiteral("-wal")) || QFileInfo(db + QStringLiteral("-wal")).size() == 0);
        // A second run says so and changes nothing.
        const Run again = cli(encrypt, {{QStringLiteral("COFORM_PASSWORD"), QStringLiteral("old admin pass")}});
        QCOMPARE(again.exitCode, 0);
        QVERIFY(again.out.contains(QLatin1String("encrypted already")));
    }
};

QTEST_GUILESS_MAIN(TestCliRecovery)
#include "tst_cli_recovery.moc"
