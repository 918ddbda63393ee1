#pragma once
// Test helper: a fresh, empty Coform database on each backend. SQLite (a file in a temporary folder) and PostgreSQL
// (a new schema each time, so tests never see each other's data) on the server scripts/test.sh starts. On PostgreSQL
// the tests connect as the application role (COFORM_TEST_PG_URL), never as a superuser: the owner role
// (COFORM_TEST_PG_OWNER_URL) creates the schema, migrates it and grants it to the application role exactly as
// `coform-cli db grant` does, so every PostgreSQL test runs with least privilege. Without that server the PostgreSQL
// rows fail, saying how to run them: never a silent skip.

#include "store/database.h"
#include "store/postgresroles.h"

#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>
#include <QtTest>

namespace coform::test {

/// Why a PostgreSQL test cannot run without the test server, and what to do.
inline QString noPostgresMessage()
{
    return QStringLiteral("no PostgreSQL server for this test: COFORM_TEST_PG_URL or COFORM_TEST_PG_OWNER_URL is not "
                          "set. Run the tests through "
                          "scripts/test.sh, which starts one (or: source scripts/test-services.sh; "
                          "start_test_services)");
}

/// The backends every store test runs on: "sqlite" and "postgresql".
inline QStringList backends()
{
    return {QStringLiteral("sqlite"), QStringLiteral("postgresql")};
}

/// Adds a "backend" column with a row per backend, for data-driven tests.
inline void addBackendRows()
{
    QTest::addColumn<QString>("backend");
    for (const QString &b : backends())
        QTest::newRow(qPrintable(b)) << b;
}

/// `base` (a server URL of one role) with the schema of `url`: the same database seen as another role.
inline QString withSchemaOf(const QString &base, const QString &url)
{
    const QString query = QUrl(url).query();
    return query.isEmpty() ? base : base + QLatin1Char('?') + query;
}

/// The owner's URL of a test database (to set up what the application role may not, or to show what even the owner
/// cannot do).
inline QString asOwner(const QString &url)
{
    return withSchemaOf(qEnvironmentVariable("COFORM_TEST_PG_OWNER_URL"), url);
}

/// Who a PostgreSQL test database is handed to: the application role with the schema migrated and granted (what
/// every store test uses), or the owner with an empty schema (for tests of migrations themselves).
enum class PgSetUp { MigratedForApp, EmptyForOwner };

/// A new empty database: a file path in `dir` for SQLite, a URL with a fresh schema for PostgreSQL. Empty on failure
/// (with `error` filled, else the reason printed as a warning).
inline QString freshDatabase(const QString &backend, const QTemporaryDir &dir, QString *error = nullptr,
                             PgSetUp setUp = PgSetUp::MigratedForApp)
{
    if (backend == QLatin1String("sqlite"))
        return dir.filePath(QStringLiteral("coform-%1.sqlite").arg(QRandomGenerator::global()->generate()));
    QString ignored;
    QString &why = error ? *error : ignored;
    const QString app = qEnvironmentVariable("COFORM_TEST_PG_URL");
    const QString owner = qEnvironmentVariable("COFORM_TEST_PG_OWNER_URL");
    auto failed = [&](const QString &message) {
        why = message;
        if (!error)
            qWarning("%s", qPrintable(message));
        return QString();
    };
    if (app.isEmpty() || owner.isEmpty())
        return failed(noPostgresMessage());
    const QUrl url(owner);
    const QString schema =
        QStringLiteral("t%1_%2").arg(QDateTime::currentMSecsSinceEpoch()).arg(QRandomGenerator::global()->generate());
    {
        QString sqlError;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("fresh-") + schema);
            db.setHostName(url.host());
            db.setPort(url.port(5432));
            db.setUserName(url.userName());
            db.setPassword(url.password());
            db.setDatabaseName(url.path().mid(1));
            if (!db.open()) {
                sqlError = db.lastError().text();
            } else {
                QSqlQuery q(db);
                if (!q.exec(QStringLiteral("CREATE SCHEMA %1").arg(schema)))
                    sqlError = q.lastError().text();
                q.finish();
                db.close();
            }
        }
        QSqlDatabase::removeDatabase(QStringLiteral("fresh-") + schema);
        if (!sqlError.isEmpty())
            return failed(sqlError);
    }
    const QString query = QStringLiteral("?schema=") + schema;
    if (setUp == PgSetUp::EmptyForOwner)
        return owner + query;
    QString openError;
    const std::unique_ptr<Database> db = Database::open(owner + query, &openError);
    if (!db)
        return failed(openError);
    const Outcome granted = PostgresRoles::grant(*db, QUrl(app).userName(), {});
    if (!granted.ok())
        return failed(granted.message);
    return app + query;
}

} // namespace coform::test
