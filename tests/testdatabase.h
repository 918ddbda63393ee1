#pragma once
// Test helper: a fresh, empty Coform database on each backend. SQLite (a file in a temporary folder) and PostgreSQL
// (a new schema each time, so tests never see each other's data) on the server scripts/test.sh starts and names in
// COFORM_TEST_PG_URL. Without that server the PostgreSQL rows fail, saying how to run them: never a silent skip.

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
    return QStringLiteral("no PostgreSQL server for this test: COFORM_TEST_PG_URL is not set. Run the tests through "
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

/// A new empty database: a file path in `dir` for SQLite, a URL with a fresh schema for PostgreSQL. Empty on failure
/// (with `error` filled, else the reason printed as a warning).
inline QString freshDatabase(const QString &backend, const QTemporaryDir &dir, QString *error = nullptr)
{
    if (backend == QLatin1String("sqlite"))
        return dir.filePath(QStringLiteral("coform-%1.sqlite").arg(QRandomGenerator::global()->generate()));
    const QString base = qEnvironmentVariable("COFORM_TEST_PG_URL");
    if (base.isEmpty()) {
        if (error)
            *error = noPostgresMessage();
        else
            qWarning("%s", qPrintable(noPostgresMessage()));
        return {};
    }
    const QUrl url(base);
    const QString schema =
        QStringLiteral("t%1_%2").arg(QDateTime::currentMSecsSinceEpoch()).arg(QRandomGenerator::global()->generate());
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("fresh-") + schema);
        db.setHostName(url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setPassword(url.password());
        db.setDatabaseName(url.path().mid(1));
        if (!db.open()) {
            if (error)
                *error = db.lastError().text();
            return {};
        }
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("CREATE SCHEMA %1").arg(schema))) {
            if (error)
                *error = q.lastError().text();
            return {};
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("fresh-") + schema);
    return base + (base.contains(QLatin1Char('?')) ? QStringLiteral("&schema=") : QStringLiteral("?schema=")) + schema;
}

} // namespace coform::test
