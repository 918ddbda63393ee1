#include "store/auditguard.h"

#include "store/database.h"

#include <QStringList>

namespace coform {

namespace {

bool run(const Database &db, const QStringList &statements, QString *error)
{
    QSqlQuery q = db.query();
    for (const QString &statement : statements) {
        if (!db.exec(q, statement, {}, error))
            return false;
    }
    return true;
}

} // namespace

bool AuditGuard::addTriggers(const Database &db, QString *error)
{
    const QString message = QString::fromLatin1(Message);
    if (db.backend() == Database::Backend::Sqlite) {
        // SQLite has row triggers only; DELETE without WHERE runs them too (triggers turn off its truncate shortcut).
        return run(db,
                   {QStringLiteral("CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
                                   "BEGIN SELECT RAISE(ABORT, '%1'); END")
                        .arg(message),
                    QStringLiteral("CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
                                   "BEGIN SELECT RAISE(ABORT, '%1'); END")
                        .arg(message)},
                   error);
    }
    // Statement triggers: even an UPDATE or DELETE that matches no row is refused, and so is TRUNCATE (which row
    // triggers never see).
    return run(db,
               {QStringLiteral("CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql "
                               "AS $$ BEGIN RAISE EXCEPTION '%1'; END $$")
                    .arg(message),
                QStringLiteral("CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log "
                               "FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()")},
               error);
}

bool AuditGuard::dropTriggers(const Database &db, QString *error)
{
    if (db.backend() == Database::Backend::Sqlite)
        return run(
            db,
            {QStringLiteral("DROP TRIGGER audit_log_no_update"), QStringLiteral("DROP TRIGGER audit_log_no_delete")},
            error);
    return run(db, {QStringLiteral("DROP TRIGGER audit_log_no_change ON audit_log")}, error);
}

bool AuditGuard::migrateToSchemaSeven(const Database &db, QString *error)
{
    bool ok = false;
    if (db.backend() == Database::Backend::Sqlite) {
        // SQLite cannot drop NOT NULL from a column: the table is copied into one without it (same ids, same rows).
        ok = run(db,
                 {QStringLiteral("CREATE TABLE audit_log_7 ("
                                 " id INTEGER PRIMARY KEY,"
                                 " at TEXT NOT NULL,"
                                 " user_id INTEGER REFERENCES users(id),"
                                 " action TEXT NOT NULL,"
                                 " review_id INTEGER REFERENCES reviews(id),"
                                 " person_id INTEGER REFERENCES people(id),"
                                 " detail TEXT NOT NULL DEFAULT '')"),
                  QStringLiteral("INSERT INTO audit_log_7 (id, at, user_id, action, review_id, person_id, detail) "
                                 "SELECT id, at, user_id, action, review_id, person_id, detail FROM audit_log"),
                  QStringLiteral("DROP TABLE audit_log"), QStringLiteral("ALTER TABLE audit_log_7 RENAME TO audit_log"),
                  QStringLiteral("CREATE INDEX audit_by_review ON audit_log(review_id, id)"),
                  QStringLiteral("CREATE INDEX audit_by_person ON audit_log(person_id, id)")},
                 error);
    } else {
        ok = run(db, {QStringLiteral("ALTER TABLE audit_log ALTER COLUMN user_id DROP NOT NULL")}, error);
    }
    return ok && addTriggers(db, error);
}

} // namespace coform
