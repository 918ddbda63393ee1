#pragma once

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include <functional>
#include <memory>

namespace coform {

/// A Coform database: a SQLite file (WAL, foreign keys on, a busy timeout) or a PostgreSQL database
/// (`postgresql://user[:password]@host[:port]/dbname[?schema=NAME]`), opened through Qt SQL and migrated to the
/// schema this Coform knows. A database written by a newer Coform is refused and left untouched.
///
/// One Database is one connection, used from the thread that opened it.
class Database
{
public:
    enum class Backend { Sqlite, Postgres };

    /// Opens (creating a SQLite file if there is none) and migrates to the latest schema. On PostgreSQL only the owner
    /// of the tables migrates; any other login is refused in words, with nothing changed.
    /// `targetSchemaVersion` > 0 stops at that version (tests of migrations use it).
    static std::unique_ptr<Database> open(const QString &pathOrUrl, QString *error, int targetSchemaVersion = 0);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    /// The schema version this Coform writes.
    static int latestSchemaVersion();
    /// True when the text is a PostgreSQL URL rather than a file path.
    static bool isUrl(const QString &pathOrUrl);

    Backend backend() const { return m_backend; }
    /// The file path or the URL without its password: for messages.
    const QString &location() const { return m_location; }
    int schemaVersion() const { return m_schemaVersion; }
    /// Migrates up to `version` (the latest when 0).
    bool migrate(QString *error, int version = 0);

    QSqlDatabase connection() const;

    /// Prepares, binds `values` in order and runs one statement. On failure returns false and fills error (with the
    /// driver's message). A null QString is bound as an empty text; pass a null QVariant for SQL NULL.
    bool exec(QSqlQuery &query, const QString &sql, const QVariantList &values, QString *error) const;
    QSqlQuery query() const;

    /// The time stored with every change; tests set a clock to check lock-outs.
    QDateTime now() const;
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }
    /// Times as stored: ISO 8601 UTC with milliseconds, so that text order is time order on every backend.
    static QString timeText(const QDateTime &time);
    static QDateTime timeFromText(const QString &text);

    /// SQLite's `PRAGMA data_version`: changes when another connection commits (for the change feed); 0 on
    /// PostgreSQL, which notifies instead.
    qint64 dataVersion() const;

private:
    friend class Transaction;
    Database() = default;
    bool openConnection(const QString &pathOrUrl, QString *error);
    bool readSchemaVersion(QString *error);
    /// PostgreSQL: false (and why, in words) when this login may not change the tables' shape.
    bool mayMigrate(QString *error);

    QString m_connectionName;
    QString m_location;
    Backend m_backend = Backend::Sqlite;
    int m_schemaVersion = 0;
    std::function<QDateTime()> m_clock;
    // Transactions open on this connection: only the outermost begins and commits (Transaction).
    mutable int m_transactionDepth = 0;
    mutable bool m_innerRolledBack = false;
};

} // namespace coform
