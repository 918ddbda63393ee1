#include "store/postgresroles.h"

#include "model/jsonreader.h"
#include "store/database.h"
#include "store/dbfailure.h"
#include "store/transaction.h"

#include <QRegularExpression>

namespace coform {

const QVector<PostgresRoles::TableGrant> &PostgresRoles::tableGrants()
{
    static const QVector<TableGrant> list = {
        {"schema_version", "SELECT", "*"},
        // Accounts are never deleted (history keeps their name); the reporting role needs no staff names.
        {"users", "SELECT, INSERT, UPDATE", ""},
        // The data key wrapped under the recovery key (migration 10): made once, replaced by a new recovery key.
        {"data_key", "SELECT, INSERT, UPDATE, DELETE", ""},
        {"templates", "SELECT, INSERT, UPDATE, DELETE", "*"},
        {"template_versions", "SELECT, INSERT, UPDATE, DELETE", "*"},
        {"changes", "SELECT, INSERT, UPDATE, DELETE", "*"},
        {"approvals", "SELECT, INSERT, UPDATE, DELETE", "*"},
        {"comments", "SELECT, INSERT, UPDATE, DELETE", "*"},
        {"presence", "SELECT, INSERT, UPDATE, DELETE", ""},
        {"people", "SELECT, INSERT, UPDATE, DELETE", ""},
        // A review's template, state and dates, without the person it is about or its answers.
        {"reviews", "SELECT, INSERT, UPDATE, DELETE",
         "id, template_id, version, status, created_by, created_at, updated_at, next_due, completed_by, completed_at"},
        {"review_answers", "SELECT, INSERT, UPDATE, DELETE", ""},
        // Form packages (migration 12): the organisation's one row of settings and its signing key (made once,
        // never replaced), the keys of packages imported and where imported templates came from. Nothing is deleted.
        {"organisation", "SELECT, INSERT, UPDATE", ""},
        {"signing_key", "SELECT, INSERT", ""},
        {"package_keys", "SELECT, INSERT, UPDATE", ""},
        {"template_origins", "SELECT, INSERT, UPDATE", ""},
        // Appended and read, never changed (the triggers of migration 7 refuse it too, even to the owner).
        {"audit_log", "SELECT, INSERT", ""},
    };
    return list;
}

QStringList PostgresRoles::statements(const QString &schema, const QString &appRole, const QString &reportRole,
                                      const QStringList *existing)
{
    QVector<TableGrant> tables;
    for (const TableGrant &t : tableGrants()) {
        if (!existing || existing->contains(QLatin1String(t.table)))
            tables << t;
    }
    QStringList sql;
    // From nothing, so that running it again (after a migration added a table) leaves exactly these privileges.
    sql << QStringLiteral("REVOKE ALL ON ALL TABLES IN SCHEMA %1 FROM %2").arg(schema, appRole)
        << QStringLiteral("REVOKE ALL ON SCHEMA %1 FROM %2").arg(schema, appRole)
        << QStringLiteral("GRANT USAGE ON SCHEMA %1 TO %2").arg(schema, appRole);
    for (const TableGrant &t : tables)
        sql << QStringLiteral("GRANT %1 ON %2.%3 TO %4")
                   .arg(QLatin1String(t.appPrivileges), schema, QLatin1String(t.table), appRole);
    if (reportRole.isEmpty())
        return sql;
    sql << QStringLiteral("REVOKE ALL ON ALL TABLES IN SCHEMA %1 FROM %2").arg(schema, reportRole)
        << QStringLiteral("REVOKE ALL ON SCHEMA %1 FROM %2").arg(schema, reportRole)
        << QStringLiteral("GRANT USAGE ON SCHEMA %1 TO %2").arg(schema, reportRole);
    for (const TableGrant &t : tables) {
        const QLatin1String columns(t.reportColumns);
        if (columns.isEmpty())
            continue;
        sql << (columns == QLatin1String("*")
                    ? QStringLiteral("GRANT SELECT ON %1.%2 TO %3").arg(schema, QLatin1String(t.table), reportRole)
                    : QStringLiteral("GRANT SELECT (%1) ON %2.%3 TO %4")
                          .arg(columns, schema, QLatin1String(t.table), reportRole));
    }
    return sql;
}

QString PostgresRoles::roleNameProblem(const QString &name)
{
    // The whole name: "^...$" would also take one with a line break after it.
    static const QRegularExpression plain(QRegularExpression::anchoredPattern(QStringLiteral("[a-z_][a-z0-9_]{0,62}")));
    if (plain.match(name).hasMatch())
        return {};
    return QStringLiteral("'%1' is not a role name Coform can grant to: use lower-case letters, digits and _, "
                          "starting with a letter or _")
        .arg(JsonReader::shown(name.left(64)));
}

Outcome PostgresRoles::grant(const Database &db, const QString &appRole, const QString &reportRole)
{
    if (db.backend() != Database::Backend::Postgres)
        return Outcome::invalid(
            QStringLiteral("%1 is a SQLite file: roles and grants are for PostgreSQL databases").arg(db.location()));
    for (const QString &role : {appRole, reportRole}) {
        if (!role.isEmpty() && !roleNameProblem(role).isEmpty())
            return Outcome::invalid(roleNameProblem(role));
    }
    if (appRole == reportRole)
        return Outcome::invalid(QStringLiteral("the application role and the reporting role must be two roles"));
    QSqlQuery q = db.query();
    QString error;
    if (!db.exec(q, QStringLiteral("SELECT current_schema()"), {}, &error) || !q.next() || q.value(0).isNull())
        return Outcome::failed(QStringLiteral("%1: no schema to grant on %2").arg(db.location(), error));
    const QString schema = q.value(0).toString();
    q.finish();
    // PostgreSQL only warns when someone else's GRANT grants nothing: ask first whether this login owns the tables.
    if (!db.exec(q,
                 QStringLiteral("SELECT coalesce(bool_and(pg_has_role(current_user, tableowner, 'USAGE')), false) "
                                "FROM pg_tables WHERE schemaname = current_schema()"),
                 {}, &error)
        || !q.next())
        return dbFailure(db, error);
    if (!q.value(0).toBool())
        return Outcome::notPermitted(QStringLiteral("not permitted: only the owner of the Coform tables at %1 can "
                                                    "grant on them; connect as the owner")
                                         .arg(db.location()));
    q.finish();
    QStringList existing;
    if (!db.exec(q, QStringLiteral("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"), {}, &error))
        return dbFailure(db, error);
    while (q.next())
        existing << q.value(0).toString();
    q.finish();
    auto quoted = [](const QString &name) {
        return name.isEmpty() ? name : QLatin1Char('"') + name + QLatin1Char('"');
    };
    Transaction tx(db);
    if (!tx.isActive())
        return Outcome::failed(QStringLiteral("%1: %2").arg(db.location(), tx.error()));
    for (const QString &statement : statements(quoted(schema), quoted(appRole), quoted(reportRole), &existing)) {
        if (!db.exec(q, statement, {}, &error)) {
            if (error.contains(QLatin1String("does not exist")))
                return Outcome::notFound(QStringLiteral("%1: %2").arg(db.location(), error.trimmed()));
            return Outcome::notPermitted(QStringLiteral("not permitted: only the owner of the Coform tables at %1 "
                                                        "can grant on them (%2)")
                                             .arg(db.location(), error.trimmed()));
        }
    }
    if (!tx.commit())
        return Outcome::failed(QStringLiteral("%1: %2").arg(db.location(), tx.error()));
    return Outcome::success();
}

} // namespace coform
