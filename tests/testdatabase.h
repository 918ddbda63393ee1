#pragma once
// Test helper: a fresh, empty Coform database on each backend the run has. SQLite always (a file in a temporary
// folder); PostgreSQL when the test script started a server and exported COFORM_TEST_PG_URL (a new schema each time,
// so tests never see each other's data).

#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>
#include <QtTest>

namespace coform::test {

/// The backends this run can test: "sqlite" always, "postgresql" when a server is available.
inline QStringList backends()
{
    QStringList names{QStringLiteral("sqlite")};
    if (!qEnvironmentVariableIsEmpty("COFORM_TEST_PG_URL"))
        names.append(QStringLiteral("postgresql"));
    return names;
}

/// Adds a "backend" column with a row per backend, for data-driven tests.
inline void addBackendRows()
{
    QTest::addColumn<QString>("backend");
    for (const QString &b : backends())
        QTest::newRow(qPrintable(b)) << b;
}

/// A new empty database: a file path in `dir` for SQLite, a URL with a fresh schema for PostgreSQL. Empty on failure
/// (with `error` filled).
inline QString freshDatabase(const QString &backend, const QTemporaryDir &dir, QString *error = nullptr)
{
    if (backend == QLatin1String("sqlite"))
        return dir.filePath(QStringLiteral("coform-%1.sqlite").arg(QRandomGenerator::global()->generate()));
    const QString base = qEnvironmentVariable("COFORM_TEST_PG_URL");
    const QUrl url(base);
    const QString schema = QStringLiteral("t%1_%2")
                               .arg(QDateTime::currentMSecsSinceEpoch())
                               .arg(QRandomGenerator::global()->generate());
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
