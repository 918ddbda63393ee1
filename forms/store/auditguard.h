#pragma once

#include <QString>

namespace coform {

class Database;

/// The database's own refusal to change the audit trail: triggers that abort every UPDATE and DELETE of
/// `audit_log` (SQLite and PostgreSQL) and every TRUNCATE (PostgreSQL), with the message `Message`. Coform only
/// ever appends rows; someone with the file or the connection string who tries more is refused by the database
/// itself. On PostgreSQL the application's login role also lacks the privileges (PostgresRoles).
namespace AuditGuard {

inline constexpr const char *Message = "audit rows cannot be changed";

/// Migration 7: `user_id` may be null (a failed sign-in for a name that matches no account), then the triggers.
bool migrateToSchemaSeven(const Database &db, QString *error);

/// Adds or drops the triggers. A later migration that must rewrite audit rows (in its own transaction, run by the
/// owner) drops them first and adds them back before it commits.
bool addTriggers(const Database &db, QString *error);
bool dropTriggers(const Database &db, QString *error);

} // namespace AuditGuard
} // namespace coform
