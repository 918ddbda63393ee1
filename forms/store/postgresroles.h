#pragma once

#include "store/storeresult.h"

#include <QString>
#include <QStringList>
#include <QVector>

namespace coform {

class Database;

/// Least privilege on PostgreSQL (`coform-cli db grant`, `docs/postgres-roles.sql`). The owner of the schema runs
/// the migrations and the grants; the application's login role reads and writes the tables Coform needs but may only
/// read and append to the audit trail (no UPDATE, DELETE or TRUNCATE) and may change no table's shape; a reporting
/// role reads templates, their versions, the change log, comments, approvals and reviews' dates and states, never a
/// person, an answer or an audit row's detail.
namespace PostgresRoles {

/// What each role may do with one table. Every table of the latest schema has one (a test checks).
struct TableGrant
{
    const char *table;
    const char *appPrivileges;
    /// Columns the reporting role may read: "" none, "*" all.
    const char *reportColumns;
};
const QVector<TableGrant> &tableGrants();

/// The statements, in order, for the schema and roles given as SQL identifiers exactly as they are to appear
/// (quoted names, or psql variables such as :"app_role"). An empty reportRole grants nothing to a reporting role.
/// With `existing`, tables not in it are left out (a database not yet migrated to the schema that adds them).
QStringList statements(const QString &schema, const QString &appRole, const QString &reportRole,
                       const QStringList *existing = nullptr);

/// Why a role name cannot be used (empty when it can): lower-case letters, digits and _, starting with a letter or _.
QString roleNameProblem(const QString &name);

/// Runs the statements on the database's schema in one transaction (the caller must own its tables).
Outcome grant(const Database &db, const QString &appRole, const QString &reportRole);

} // namespace PostgresRoles
} // namespace coform
