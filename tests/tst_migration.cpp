// Schema migrations: a database of every earlier schema version (with data in it) opens, migrates and keeps its data;
// a database written by a newer Coform, or a file that is not a Coform database, is refused and left byte for byte
// unchanged.
#include "store/auditguard.h"
#include "store/auditlog.h"
#include "store/commentstore.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/postgresroles.h"
#include "store/templatestore.h"
#include "store/userstore.h"
#include "testdatabase.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QUrl>
#include <QUrlQuery>

#include <cstdio>

using namespace coform;

namespace {

const char *const templateJson =
    R"({"format":"coform-template/1","id":"old-form","version":1,"title":"An old form","languages":["en"],)"
    R"("sections":[{"id":"about","title":"About","items":[{"id":"name","type":"text","label":"Your name"}]}]})";
const char *const editJson =
    R"({"kind":"set-item-property","item":"name","property":"label","before":"Your name","after":"Your full name"})";

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// Runs SQL on a plain SQLite connection (no Coform code involved).
bool rawSqlite(const QString &path, const QStringList &statements)
{
    bool ok = true;
    {
        QSqlDatabase c = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        c.setDatabaseName(path);
        ok = c.open();
        QSqlQuery q(c);
        for (const QString &s : statements) {
            if (ok && !s.trimmed().isEmpty() && !q.exec(s)) {
                qWarning() << s << q.lastError().text();
                ok = false;
            }
        }
        q.finish();
        c.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    return ok;
}

} // namespace

class TestMigration : public QObject
{
    Q_OBJECT

public:
    /// A database at schema version 1 with data in it, written to `target` (see main).
    static bool writeSchemaOneFixture(const QString &target)
    {
        QString error;
        std::unique_ptr<Database> db = Database::open(target, &error, 1);
        if (!db) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return false;
        }
        QSqlQuery q = db->query();
        return fillAtVersion(*db, 1) && db->exec(q, QStringLiteral("PRAGMA journal_mode=DELETE"), {}, &error);
    }

private:
    /// Fills a database of schema `version` the way that version's Coform would have.
    static bool fillAtVersion(Database &db, int version)
    {
        QSqlQuery q = db.query();
        QString error;
        const QString hash = UserStore::hashPassword(QStringLiteral("old-password"));
        const QString at = QStringLiteral("2026-01-02T03:04:05.000Z");
        bool ok =
            db.exec(q,
                    QStringLiteral("INSERT INTO users (id, name, role, password_hash, created_at) VALUES (1, 'Old "
                                   "Admin', 'admin', ?, ?)"),
                    {hash, at}, &error)
            && db.exec(q,
                       QStringLiteral("INSERT INTO users (id, name, role, password_hash, created_at) VALUES (2, 'Old "
                                      "Reviewer', 'reviewer', ?, ?)"),
                       {hash, at}, &error)
            && db.exec(q,
                       QStringLiteral(
                           "INSERT INTO templates (id, last_seq, created_by, created_at) VALUES ('old-form', 1, 1, ?)"),
                       {at}, &error)
            && db.exec(q,
                       QStringLiteral("INSERT INTO template_versions (template_id, version, status, base_content, "
                                      "content, created_by, created_at) VALUES ('old-form', 1, 'draft', ?, ?, 1, ?)"),
                       {QString::fromUtf8(templateJson),
                        QString::fromUtf8(templateJson)
                            .replace(QStringLiteral("\"Your name\""), QStringLiteral("\"Your full name\"")),
                        at},
                       &error)
            && db.exec(
                q,
                QStringLiteral("INSERT INTO changes (template_id, seq, version, user_id, at, kind, item_id, "
                               "section_id, edit) VALUES ('old-form', 1, 1, 1, ?, 'set-item-property', 'name', '', ?)"),
                {at, QString::fromUtf8(editJson)}, &error);
        if (ok && version >= 2)
            ok = db.exec(q,
                         QStringLiteral("INSERT INTO comments (id, template_id, item_id, version, author_id, at, body) "
                                        "VALUES (1, 'old-form', 'name', 1, 2, ?, 'Ask for the full name')"),
                         {at}, &error);
        if (ok && version >= 3)
            ok = db.exec(q,
                         QStringLiteral("INSERT INTO people (id, name, nhs_number, date_of_birth, created_by, "
                                        "created_at) VALUES (1, 'Alex Example', '9434765919', '1941-03-02', 2, ?)"),
                         {at}, &error);
        if (ok && version >= 4)
            ok = db.exec(q,
                         QStringLiteral("INSERT INTO audit_log (id, at, user_id, action, person_id, detail) VALUES (1, "
                                        "?, 2, 'view-person', 1, '')"),
                         {at}, &error);
        if (!ok)
            qWarning() << error;
        return ok;
    }

    static bool checkMigrated(Database &db, int fromVersion)
    {
        UserStore users(db);
        const Result<Session> admin = users.signIn(QStringLiteral("Old Admin"), QStringLiteral("old-password"));
        if (!admin.ok()) {
            qWarning() << admin.message();
            return false;
        }
        TemplateStore templates(db, admin.value());
        const Result<Template> t = templates.get(QStringLiteral("old-form"));
        if (!t.ok() || t->findItem(QStringLiteral("name"))->label != QLatin1String("Your full name"))
            return false;
        const Result<QVector<ChangeRecord>> history = templates.history(QStringLiteral("old-form"));
        if (!history.ok() || history->size() != 1 || history->first().userName != QLatin1String("Old Admin"))
            return false;
        // The old change log still replays to the stored draft.
        if (templates.templateAsOf(QStringLiteral("old-form"), 1).value() != t.value())
            return false;
        // And the database takes new work.
        const Result<ChangeRecord> edit = templates.applyEdit(
            QStringLiteral("old-form"), Edit::setItemProperty(t.value(), QStringLiteral("name"), QStringLiteral("help"),
                                                              QStringLiteral("As on your NHS letters")));
        if (!edit.ok() || edit->seq != 2) {
            qWarning() << edit.message();
            return false;
        }
        if (fromVersion >= 2) {
            const Result<QVector<CommentThread>> threads =
                CommentStore(db, admin.value()).threadsOnItem(QStringLiteral("old-form"), QStringLiteral("name"));
            if (!threads.ok() || threads->size() != 1
                || threads->first().comments.first().author != QLatin1String("Old Reviewer"))
                return false;
        }
        return true;
    }

private slots:
    void migrationsAreNumberedInOrder()
    {
        int expected = 1;
        for (const Migration &m : migrations())
            QCOMPARE(m.version, expected++);
        QCOMPARE(Database::latestSchemaVersion(), expected - 1);
    }

    void migratesFromEveryEarlierSchemaVersion_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<int>("version");
        for (const QString &backend : test::backends()) {
            for (int v = 1; v < Database::latestSchemaVersion(); ++v)
                QTest::addRow("%s schema %d", qPrintable(backend), v) << backend << v;
        }
    }

    void migratesFromEveryEarlierSchemaVersion()
    {
        QFETCH(QString, backend);
        QFETCH(int, version);
        QTemporaryDir dir;
        QString error;
        const QString path = test::freshDatabase(backend, dir, &error, test::PgSetUp::EmptyForOwner);
        QVERIFY2(!path.isEmpty(), qPrintable(error));
        {
            std::unique_ptr<Database> old = Database::open(path, &error, version);
            QVERIFY2(old, qPrintable(error));
            QCOMPARE(old->schemaVersion(), version);
            QVERIFY(fillAtVersion(*old, version));
        }
        std::unique_ptr<Database> db = Database::open(path, &error);
        QVERIFY2(db, qPrintable(error));
        QCOMPARE(db->schemaVersion(), Database::latestSchemaVersion());
        QVERIFY(checkMigrated(*db, version));
        // The audit trail kept its rows, and from now on the database refuses to change them (even to its owner).
        QSqlQuery q = db->query();
        if (version < 4) // no audit rows then; a new one is appended as before
            QVERIFY(AuditLog::append(*db, nullptr, 1, AuditLog::View, 0, 0, {}, &error));
        if (version >= 4) {
            QVERIFY(db->exec(q, QStringLiteral("SELECT user_id, action FROM audit_log WHERE id = 1"), {}, &error));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toInt(), 2);
            QCOMPARE(q.value(1).toString(), QStringLiteral("view-person"));
        }
        QVERIFY(!db->exec(q, QStringLiteral("UPDATE audit_log SET detail = 'edited'"), {}, &error));
        QVERIFY2(error.contains(QLatin1String(AuditGuard::Message)), qPrintable(error));
        QVERIFY(!db->exec(q, QStringLiteral("DELETE FROM audit_log"), {}, &error));
        QVERIFY2(error.contains(QLatin1String(AuditGuard::Message)), qPrintable(error));
    }

    void joinsStoredKeystrokesIntoSteps_data() { test::addBackendRows(); }

    void joinsStoredKeystrokesIntoSteps()
    {
        // A schema 5 change log as the window wrote it before typing was joined: one row per keystroke. Old Admin
        // types a 60-letter label (60 rows, 150 ms apart), Old Reviewer then ticks "required", Old Admin types the
        // help in two runs with a pause of two seconds between them.
        QFETCH(QString, backend);
        QTemporaryDir dir;
        QString error;
        const QString path = test::freshDatabase(backend, dir, &error, test::PgSetUp::EmptyForOwner);
        QVERIFY2(!path.isEmpty(), qPrintable(error));
        const QString label = QStringLiteral("What is your full name, as on your NHS letters? Write it all");
        const QString help = QStringLiteral("As on your letters");
        QCOMPARE(label.size(), 60);
        {
            std::unique_ptr<Database> old = Database::open(path, &error, 5);
            QVERIFY2(old, qPrintable(error));
            QVERIFY(fillAtVersion(*old, 5)); // change 1: "Your name" -> "Your full name"
            QSqlQuery q = old->query();
            const QString base = QString::fromUtf8(templateJson)
                                     .replace(QStringLiteral("\"Your name\""), QStringLiteral("\"Your full name\""));
            QVERIFY(old->exec(q, QStringLiteral("UPDATE template_versions SET base_content = ? WHERE version = 1"),
                              {base}, &error));
            QVERIFY(old->exec(q, QStringLiteral("DELETE FROM changes"), {}, &error));
            QDateTime at = QDateTime(QDate(2026, 1, 2), QTime(9, 0), QTimeZone::utc());
            qint64 seq = 0;
            auto row = [&](qint64 user, const QString &property, const QJsonValue &before, const QJsonValue &after) {
                const QJsonObject edit{{QStringLiteral("kind"), QStringLiteral("set-item-property")},
                                       {QStringLiteral("item"), QStringLiteral("name")},
                                       {QStringLiteral("property"), property},
                                       {QStringLiteral("before"), before},
                                       {QStringLiteral("after"), after}};
                return old->exec(q,
                                 QStringLiteral("INSERT INTO changes (template_id, seq, version, user_id, at, kind, "
                                                "item_id, section_id, edit) VALUES ('old-form', ?, 1, ?, ?, "
                                                "'set-item-property', 'name', '', ?)"),
                                 {++seq, user, Database::timeText(at),
                                  QString::fromUtf8(QJsonDocument(edit).toJson(QJsonDocument::Compact))},
                                 &error);
            };
            QString typed = QStringLiteral("Your full name");
            for (int i = 0; i < label.size(); ++i) {
                // The first keystroke replaces the selected old label.
                const QString next = label.left(i + 1);
                QVERIFY2(row(1, QStringLiteral("label"), typed, next), qPrintable(error));
                typed = next;
                at = at.addMSecs(150);
            }
            at = at.addMSecs(400);
            QVERIFY2(row(2, QStringLiteral("required"), false, true), qPrintable(error));
            QString typedHelp;
            for (const QString &part : {QStringLiteral("As on"), QStringLiteral(" your letters")}) {
                at = at.addMSecs(2000);
                for (const QChar c : part) {
                    QVERIFY2(row(1, QStringLiteral("help"), typedHelp, typedHelp + c), qPrintable(error));
                    typedHelp += c;
                    at = at.addMSecs(120);
                }
            }
            QCOMPARE(seq, 60 + 1 + 5 + 13);
            QString content = base;
            content.replace(QStringLiteral("\"label\":\"Your full name\""),
                            QStringLiteral("\"label\":\"%1\",\"help\":\"%2\",\"required\":true").arg(label, help));
            QVERIFY(old->exec(q, QStringLiteral("UPDATE template_versions SET content = ?"), {content}, &error));
            QVERIFY(old->exec(q, QStringLiteral("UPDATE templates SET last_seq = ?"), {seq}, &error));
        }
        std::unique_ptr<Database> db = Database::open(path, &error);
        QVERIFY2(db, qPrintable(error));
        QCOMPARE(db->schemaVersion(), Database::latestSchemaVersion());
        const Session admin =
            UserStore(*db).signIn(QStringLiteral("Old Admin"), QStringLiteral("old-password")).value();
        TemplateStore templates(*db, admin);
        const Template draft = templates.get(QStringLiteral("old-form")).value();
        QCOMPARE(draft.findItem(QStringLiteral("name"))->label, label);
        const QVector<ChangeRecord> history = templates.history(QStringLiteral("old-form")).value();
        // 60 keystrokes: one step; the tick: one; the help: two steps (the pause between them).
        QCOMPARE(history.size(), 4);
        QCOMPARE(history.at(0).userName, QStringLiteral("Old Admin"));
        QCOMPARE(history.at(0).edit.before, QJsonValue(QStringLiteral("Your full name")));
        QCOMPARE(history.at(0).edit.after, QJsonValue(label));
        QCOMPARE(history.at(1).userName, QStringLiteral("Old Reviewer"));
        QCOMPARE(history.at(2).edit.after, QJsonValue(QStringLiteral("As on")));
        QCOMPARE(history.at(3).edit.before, QJsonValue(QStringLiteral("As on")));
        QCOMPARE(history.at(3).edit.after, QJsonValue(QStringLiteral("As on your letters")));
        // Replaying the joined log gives the draft, step by step as well as at the end.
        QCOMPARE(templates.templateAsOf(QStringLiteral("old-form"), history.last().seq).value(), draft);
        QCOMPARE(templates.itemAsOf(QStringLiteral("old-form"), QStringLiteral("name"), history.at(0).seq)->label,
                 label);
        // New typing after the migration starts a step of its own and goes on from the last number.
        EditContext typing;
        typing.continuesTyping = true;
        const Result<ChangeRecord> next = templates.applyEdit(
            QStringLiteral("old-form"),
            Edit::setItemProperty(draft, QStringLiteral("name"), QStringLiteral("help"), help + QStringLiteral(".")),
            typing);
        QVERIFY2(next.ok(), qPrintable(next.message()));
        QCOMPARE(next->seq, 60 + 1 + 5 + 13 + 1);
        QCOMPARE(templates.history(QStringLiteral("old-form")).value().size(), 5);
    }

    void migratesTheCheckedInSchemaOneDatabase()
    {
        // A database as Coform's first schema wrote it, kept as SQL so that a changed migration 1 is noticed.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("schema-1.sqlite"));
        QFile dump(QStringLiteral(COFORM_TEST_DATA_DIR "/store/schema-1.sql"));
        QVERIFY(dump.open(QIODevice::ReadOnly));
        QVERIFY(rawSqlite(path, QString::fromUtf8(dump.readAll()).split(QStringLiteral(";\n"))));
        QString error;
        std::unique_ptr<Database> db = Database::open(path, &error);
        QVERIFY2(db, qPrintable(error));
        QCOMPARE(db->schemaVersion(), Database::latestSchemaVersion());
        QVERIFY(checkMigrated(*db, 1));
    }

    void aNewerDatabaseIsRefusedAndLeftUnchanged_data()
    {
        QTest::addColumn<bool>("wal");
        QTest::newRow("written in WAL mode") << true;
        QTest::newRow("rollback journal") << false;
    }

    void aNewerDatabaseIsRefusedAndLeftUnchanged()
    {
        QFETCH(bool, wal);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("newer.sqlite"));
        QString error;
        {
            std::unique_ptr<Database> db = Database::open(path, &error);
            QVERIFY2(db, qPrintable(error));
            QVERIFY(fillAtVersion(*db, Database::latestSchemaVersion()));
        }
        const int newer = Database::latestSchemaVersion() + 1;
        QVERIFY(rawSqlite(
            path, {QStringLiteral("PRAGMA journal_mode=%1").arg(wal ? QStringLiteral("WAL") : QStringLiteral("DELETE")),
                   QStringLiteral("UPDATE schema_version SET version = %1").arg(newer),
                   QStringLiteral("CREATE TABLE from_the_future (x TEXT)")}));
        const QByteArray before = fileBytes(path);
        QVERIFY(!before.isEmpty());

        QVERIFY(!Database::open(path, &error));
        QVERIFY2(error.contains(QStringLiteral("newer version of Coform")), qPrintable(error));
        QVERIFY2(error.contains(path), qPrintable(error));
        QVERIFY(error.contains(QString::number(newer)));
        QCOMPARE(fileBytes(path), before);
    }

    void aNewerPostgresqlSchemaIsRefusedAndLeftUnchanged()
    {
        QTemporaryDir dir;
        QString error;
        const QString url =
            test::freshDatabase(QStringLiteral("postgresql"), dir, &error, test::PgSetUp::EmptyForOwner);
        QVERIFY2(!url.isEmpty(), qPrintable(error));
        const int newer = Database::latestSchemaVersion() + 1;
        {
            std::unique_ptr<Database> db = Database::open(url, &error);
            QVERIFY2(db, qPrintable(error));
            QVERIFY(fillAtVersion(*db, Database::latestSchemaVersion()));
            QSqlQuery q = db->query();
            QVERIFY(db->exec(q, QStringLiteral("UPDATE schema_version SET version = %1").arg(newer), {}, &error));
        }
        QVERIFY(!Database::open(url, &error));
        QVERIFY2(error.contains(QStringLiteral("newer version of Coform")), qPrintable(error));
        QVERIFY(error.contains(QString::number(newer)));
        // Nothing was changed: still the newer version, with the data in it (read without Coform's code).
        const QUrl parsed(url);
        const QString schema = QUrlQuery(parsed).queryItemValue(QStringLiteral("schema"));
        {
            QSqlDatabase c = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("raw-pg"));
            c.setHostName(parsed.host());
            c.setPort(parsed.port(5432));
            c.setUserName(parsed.userName());
            c.setPassword(parsed.password());
            c.setDatabaseName(parsed.path().mid(1));
            QVERIFY2(c.open(), qPrintable(c.lastError().text()));
            QSqlQuery q(c);
            QVERIFY(q.exec(QStringLiteral("SELECT version FROM %1.schema_version").arg(schema)) && q.next());
            QCOMPARE(q.value(0).toInt(), newer);
            QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM %1.users").arg(schema)) && q.next());
            QCOMPARE(q.value(0).toInt(), 2);
            q.finish();
            c.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("raw-pg"));
    }

    void theApplicationRoleAsksTheOwnerToMigrate()
    {
        // A team's database at schema 5, granted to the application role: Coform signed in as that role does not
        // half-migrate it but says who can, and leaves it at schema 5.
        QTemporaryDir dir;
        QString error;
        const QString ownerUrl =
            test::freshDatabase(QStringLiteral("postgresql"), dir, &error, test::PgSetUp::EmptyForOwner);
        QVERIFY2(!ownerUrl.isEmpty(), qPrintable(error));
        const QString appUrl = test::withSchemaOf(qEnvironmentVariable("COFORM_TEST_PG_URL"), ownerUrl);
        QVERIFY(!Database::open(appUrl, &error));
        QVERIFY2(error.contains(QStringLiteral("has no Coform tables yet"))
                     && error.contains(QStringLiteral("ask your database administrator to run `coform-cli db "
                                                      "migrate` as the owner")),
                 qPrintable(error));
        {
            std::unique_ptr<Database> old = Database::open(ownerUrl, &error, 5);
            QVERIFY2(old, qPrintable(error));
            QVERIFY(fillAtVersion(*old, 5));
            const Outcome granted = PostgresRoles::grant(*old, QUrl(appUrl).userName(), {});
            QVERIFY2(granted.ok(), qPrintable(granted.message));
        }
        QVERIFY(!Database::open(appUrl, &error));
        QVERIFY2(error.contains(QStringLiteral("needs migrating from database schema 5"))
                     && error.contains(QStringLiteral("ask your database administrator to run `coform-cli db "
                                                      "migrate` as the owner"))
                     && error.contains(QStringLiteral("left unchanged")),
                 qPrintable(error));
        {
            std::unique_ptr<Database> owner = Database::open(ownerUrl, &error, 5);
            QVERIFY2(owner, qPrintable(error));
            QCOMPARE(owner->schemaVersion(), 5);
            // The owner migrates and grants again; then the application role works.
            QVERIFY2(owner->migrate(&error), qPrintable(error));
            QVERIFY(PostgresRoles::grant(*owner, QUrl(appUrl).userName(), {}).ok());
        }
        std::unique_ptr<Database> app = Database::open(appUrl, &error);
        QVERIFY2(app, qPrintable(error));
        QCOMPARE(app->schemaVersion(), Database::latestSchemaVersion());
        QVERIFY(checkMigrated(*app, 5));
    }

    void somethingElseIsRefusedAndLeftUnchanged()
    {
        QTemporaryDir dir;
        const QString other = dir.filePath(QStringLiteral("other.sqlite"));
        QVERIFY(rawSqlite(other, {QStringLiteral("CREATE TABLE recipes (name TEXT)"),
                                  QStringLiteral("INSERT INTO recipes VALUES ('bread')")}));
        const QString text = dir.filePath(QStringLiteral("notes.txt"));
        {
            QFile f(text);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("These are not the tables you are looking for.\n");
        }
        for (const QString &path : {other, text}) {
            const QByteArray before = fileBytes(path);
            QString error;
            QVERIFY(!Database::open(path, &error));
            QVERIFY2(error.startsWith(path) && error.contains(QStringLiteral("not a Coform database")),
                     qPrintable(error));
            QCOMPARE(fileBytes(path), before);
        }
        QString error;
        QVERIFY(!Database::open(dir.filePath(QStringLiteral("no/such/folder/coform.sqlite")), &error));
        QVERIFY2(error.contains(QStringLiteral("does not exist")), qPrintable(error));
    }
};

// COFORM_WRITE_STORE_FIXTURE=PATH tst_migration writes a database as Coform's first schema wrote it to PATH instead of
// running the tests; dump it with `sqlite3 PATH .dump` to regenerate tests/data/store/schema-1.sql. Only ever needed
// again if that fixture is lost.
int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QString target = qEnvironmentVariable("COFORM_WRITE_STORE_FIXTURE");
    if (!target.isEmpty()) {
        const bool written = TestMigration::writeSchemaOneFixture(target);
        std::fprintf(stderr, "%s\n", written ? "written" : "not written");
        return written ? 0 : 1;
    }
    TestMigration test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_migration.moc"
