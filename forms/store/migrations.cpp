#include "store/migrations.h"

#include "store/auditguard.h"
#include "store/typingsteps.h"

namespace coform {

const QVector<Migration> &migrations()
{
    static const QVector<Migration> list = {
        {1,
         "accounts, templates with their versions, and the change log",
         {
             // Accounts are never deleted (history keeps their name): `disabled` instead.
             QStringLiteral("CREATE TABLE users ("
                            " id {id},"
                            " name TEXT NOT NULL UNIQUE,"
                            " role TEXT NOT NULL CHECK (role IN ('admin', 'reviewer', 'coproducer')),"
                            " password_hash TEXT NOT NULL,"
                            " disabled INTEGER NOT NULL DEFAULT 0,"
                            " failed_sign_ins INTEGER NOT NULL DEFAULT 0,"
                            " locked_until TEXT,"
                            " created_at TEXT NOT NULL)"),
             // last_seq numbers the template's change log; updating it first also serialises writers.
             QStringLiteral("CREATE TABLE templates ("
                            " id TEXT PRIMARY KEY,"
                            " last_seq {bigint} NOT NULL DEFAULT 0,"
                            " created_by {bigint} NOT NULL REFERENCES users(id),"
                            " created_at TEXT NOT NULL)"),
             QStringLiteral("CREATE TABLE template_versions ("
                            " template_id TEXT NOT NULL REFERENCES templates(id),"
                            " version INTEGER NOT NULL,"
                            " status TEXT NOT NULL CHECK (status IN ('draft', 'proposed', 'published', 'retired')),"
                            " base_content TEXT NOT NULL,"
                            " content TEXT NOT NULL,"
                            " created_by {bigint} NOT NULL REFERENCES users(id),"
                            " created_at TEXT NOT NULL,"
                            " proposed_by {bigint} REFERENCES users(id),"
                            " proposed_at TEXT,"
                            " published_by {bigint} REFERENCES users(id),"
                            " published_at TEXT,"
                            " retired_by {bigint} REFERENCES users(id),"
                            " retired_at TEXT,"
                            " coverage_reason TEXT,"
                            " PRIMARY KEY (template_id, version))"),
             QStringLiteral("CREATE TABLE changes ("
                            " template_id TEXT NOT NULL REFERENCES templates(id),"
                            " seq {bigint} NOT NULL,"
                            " version INTEGER NOT NULL,"
                            " user_id {bigint} NOT NULL REFERENCES users(id),"
                            " at TEXT NOT NULL,"
                            " kind TEXT NOT NULL,"
                            " item_id TEXT NOT NULL DEFAULT '',"
                            " section_id TEXT NOT NULL DEFAULT '',"
                            " edit TEXT NOT NULL,"
                            " PRIMARY KEY (template_id, seq),"
                            " FOREIGN KEY (template_id, version) REFERENCES template_versions(template_id, version))"),
             QStringLiteral("CREATE INDEX changes_by_item ON changes(template_id, item_id)"),
             QStringLiteral("CREATE INDEX changes_by_user ON changes(user_id)"),
         }},
        {2,
         "approvals and comment threads; a change can name the comment that led to it",
         {
             QStringLiteral("CREATE TABLE approvals ("
                            " template_id TEXT NOT NULL,"
                            " version INTEGER NOT NULL,"
                            " user_id {bigint} NOT NULL REFERENCES users(id),"
                            " role TEXT NOT NULL,"
                            " at TEXT NOT NULL,"
                            " PRIMARY KEY (template_id, version, user_id),"
                            " FOREIGN KEY (template_id, version) REFERENCES template_versions(template_id, version))"),
             // thread_id is null for the comment that starts a thread; item_id '' means the whole template.
             QStringLiteral("CREATE TABLE comments ("
                            " id {id},"
                            " template_id TEXT NOT NULL REFERENCES templates(id),"
                            " item_id TEXT NOT NULL DEFAULT '',"
                            " version INTEGER NOT NULL,"
                            " thread_id {bigint} REFERENCES comments(id),"
                            " author_id {bigint} NOT NULL REFERENCES users(id),"
                            " at TEXT NOT NULL,"
                            " body TEXT NOT NULL,"
                            " resolved_by {bigint} REFERENCES users(id),"
                            " resolved_at TEXT)"),
             QStringLiteral("CREATE INDEX comments_by_item ON comments(template_id, item_id)"),
             QStringLiteral("ALTER TABLE changes ADD COLUMN comment_id {bigint} REFERENCES comments(id)"),
             QStringLiteral("ALTER TABLE changes ADD COLUMN note TEXT NOT NULL DEFAULT ''"),
         }},
        {3,
         "people and reviews (minimal; the reviews work extends them)",
         {
             QStringLiteral("CREATE TABLE people ("
                            " id {id},"
                            " name TEXT NOT NULL,"
                            " nhs_number TEXT NOT NULL DEFAULT '',"
                            " date_of_birth TEXT NOT NULL DEFAULT '',"
                            " created_by {bigint} NOT NULL REFERENCES users(id),"
                            " created_at TEXT NOT NULL)"),
             QStringLiteral("CREATE TABLE reviews ("
                            " id {id},"
                            " person_id {bigint} NOT NULL REFERENCES people(id),"
                            " template_id TEXT NOT NULL,"
                            " version INTEGER NOT NULL,"
                            " status TEXT NOT NULL DEFAULT 'draft',"
                            " answers TEXT NOT NULL,"
                            " created_by {bigint} NOT NULL REFERENCES users(id),"
                            " created_at TEXT NOT NULL,"
                            " updated_at TEXT NOT NULL,"
                            " FOREIGN KEY (template_id, version) REFERENCES template_versions(template_id, version))"),
             QStringLiteral("CREATE INDEX reviews_by_person ON reviews(person_id)"),
         }},
        {4,
         "filling reviews: people's communication needs and representative, one row per answer, completion and "
         "reopening, next review due, and the audit trail",
         {
             QStringLiteral("ALTER TABLE people ADD COLUMN search_name TEXT NOT NULL DEFAULT ''"),
             QStringLiteral("ALTER TABLE people ADD COLUMN communication_needs TEXT NOT NULL DEFAULT ''"),
             QStringLiteral("ALTER TABLE people ADD COLUMN preferred_format TEXT NOT NULL DEFAULT ''"),
             QStringLiteral("ALTER TABLE people ADD COLUMN representative_name TEXT NOT NULL DEFAULT ''"),
             QStringLiteral("ALTER TABLE people ADD COLUMN representative_contact TEXT NOT NULL DEFAULT ''"),
             QStringLiteral("UPDATE people SET search_name = lower(name)"),
             QStringLiteral("CREATE INDEX people_by_search_name ON people(search_name)"),
             QStringLiteral("CREATE INDEX people_by_nhs_number ON people(nhs_number)"),
             // The answers column keeps the answers a review was created with; from here on each answer is a row
             // of its own (a null value is an answer cleared on purpose), so that two reviewers never overwrite each
             // other's different answers.
             QStringLiteral("CREATE TABLE review_answers ("
                            " review_id {bigint} NOT NULL REFERENCES reviews(id),"
                            " item_id TEXT NOT NULL,"
                            " value TEXT,"
                            " updated_by {bigint} NOT NULL REFERENCES users(id),"
                            " updated_at TEXT NOT NULL,"
                            " PRIMARY KEY (review_id, item_id))"),
             QStringLiteral("ALTER TABLE reviews ADD COLUMN next_due TEXT NOT NULL DEFAULT ''"),
             QStringLiteral("ALTER TABLE reviews ADD COLUMN completed_by {bigint} REFERENCES users(id)"),
             QStringLiteral("ALTER TABLE reviews ADD COLUMN completed_at TEXT"),
             QStringLiteral("CREATE INDEX reviews_by_next_due ON reviews(next_due, id)"),
             QStringLiteral("CREATE INDEX reviews_by_status ON reviews(status, next_due)"),
             // Who viewed, changed, completed, reopened, exported or printed which review or person, and when.
             QStringLiteral("CREATE TABLE audit_log ("
                            " id {id},"
                            " at TEXT NOT NULL,"
                            " user_id {bigint} NOT NULL REFERENCES users(id),"
                            " action TEXT NOT NULL,"
                            " review_id {bigint} REFERENCES reviews(id),"
                            " person_id {bigint} REFERENCES people(id),"
                            " detail TEXT NOT NULL DEFAULT '')"),
             QStringLiteral("CREATE INDEX audit_by_review ON audit_log(review_id, id)"),
             QStringLiteral("CREATE INDEX audit_by_person ON audit_log(person_id, id)"),
         }},
        {5,
         "presence: who has a template open now, and on which question (heartbeats that expire)",
         {
             QStringLiteral("CREATE TABLE presence ("
                            " template_id TEXT NOT NULL REFERENCES templates(id),"
                            " instance TEXT NOT NULL,"
                            " user_id {bigint} NOT NULL REFERENCES users(id),"
                            " item_id TEXT NOT NULL DEFAULT '',"
                            " seen_at TEXT NOT NULL,"
                            " PRIMARY KEY (template_id, instance))"),
         }},
        {6,
         "typing is one step of the change log; comments, approvals and state changes reach other windows as fast as "
         "edits",
         {
             // The number of a row's latest write: a step that typing was joined into later is read again by the
             // change feed (its seq stays; the numbers it used up are gaps in seq).
             QStringLiteral("ALTER TABLE changes ADD COLUMN stamp {bigint} NOT NULL DEFAULT 0"),
             QStringLiteral("UPDATE changes SET stamp = seq"),
             QStringLiteral("CREATE INDEX changes_by_stamp ON changes(template_id, stamp)"),
             // Counts comments, replies, resolutions, approvals and state changes, so that open windows notice them.
             QStringLiteral("ALTER TABLE templates ADD COLUMN activity {bigint} NOT NULL DEFAULT 0"),
         },
         &TypingSteps::joinStoredRuns},
        {7,
         "the audit trail cannot be changed: the database refuses UPDATE and DELETE of audit rows (and TRUNCATE on "
         "PostgreSQL); a failed sign-in for a name that matches no account is a row without an account",
         {},
         &AuditGuard::migrateToSchemaSeven},
        {8,
         "a comment thread can be closed with a reason for not changing the form (\"not changed, and why\")",
         {
             QStringLiteral("ALTER TABLE comments ADD COLUMN resolved_reason TEXT NOT NULL DEFAULT ''"),
         }},
        {9,
         "first passwords: an account an admin added or reset chooses its own password at the next sign-in",
         {
             QStringLiteral("ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0"),
         }},
        {10,
         "personal data sealed under the database's data key, each staff account's wrap of that key, a recovery key, "
         "and a keyed hash chain through the audit trail",
         {
             // One row: the data key wrapped under the recovery key (docs/security.md).
             QStringLiteral("CREATE TABLE data_key ("
                            " id INTEGER PRIMARY KEY,"
                            " recovery_salt TEXT NOT NULL,"
                            " recovery_wrap TEXT NOT NULL,"
                            " created_by {bigint} NOT NULL REFERENCES users(id),"
                            " created_at TEXT NOT NULL,"
                            " recovery_made_at TEXT NOT NULL)"),
             // The data key wrapped under a key derived from the account's password (admins and reviewers only).
             QStringLiteral("ALTER TABLE users ADD COLUMN key_salt TEXT NOT NULL DEFAULT ''"),
             QStringLiteral("ALTER TABLE users ADD COLUMN key_wrap TEXT NOT NULL DEFAULT ''"),
             // Every personal detail of a person, sealed as one value; the plain columns are left empty.
             QStringLiteral("ALTER TABLE people ADD COLUMN personal TEXT NOT NULL DEFAULT ''"),
             // A keyed hash of the NHS number, for exact look-ups without opening every row.
             QStringLiteral("ALTER TABLE people ADD COLUMN nhs_lookup TEXT NOT NULL DEFAULT ''"),
             QStringLiteral("CREATE INDEX people_by_nhs_lookup ON people(nhs_lookup)"),
             // Bumped by every change of a person's details, so that a session's index of people (PeopleIndex)
             // opens again only the people changed since it last looked.
             QStringLiteral("ALTER TABLE people ADD COLUMN stamp {bigint} NOT NULL DEFAULT 0"),
             QStringLiteral("CREATE INDEX people_by_stamp ON people(stamp)"),
             QStringLiteral("DROP INDEX people_by_search_name"),
             QStringLiteral("DROP INDEX people_by_nhs_number"),
             // Each row's keyed hash over its content and the previous row's hash ('' for rows written before).
             QStringLiteral("ALTER TABLE audit_log ADD COLUMN chain TEXT NOT NULL DEFAULT ''"),
         }},
        {11,
         "a version can be published with translations that are out of date, with the admin's reason for it",
         {
             // NULL: published with every translation up to date (or before schema 11).
             QStringLiteral("ALTER TABLE template_versions ADD COLUMN translations_reason TEXT"),
         }},
        {12,
         "form packages: the organisation's name, code and signing key, the keys of packages imported, and where an "
         "imported template came from",
         {
             // One row (id 1): carried in every package the organisation makes.
             QStringLiteral("CREATE TABLE organisation ("
                            " id INTEGER PRIMARY KEY CHECK (id = 1),"
                            " name TEXT NOT NULL,"
                            " code TEXT NOT NULL,"
                            " names_in_packages INTEGER NOT NULL DEFAULT 0,"
                            " updated_by {bigint} NOT NULL REFERENCES users(id),"
                            " updated_at TEXT NOT NULL)"),
             // One row (id 1): the Ed25519 key pair that signs the organisation's packages (base64), made on its
             // first export and never replaced or printed.
             QStringLiteral("CREATE TABLE signing_key ("
                            " id INTEGER PRIMARY KEY CHECK (id = 1),"
                            " public_key TEXT NOT NULL,"
                            " secret_key TEXT NOT NULL,"
                            " created_by {bigint} NOT NULL REFERENCES users(id),"
                            " created_at TEXT NOT NULL)"),
             // The public keys (base64) of packages imported here, and the organisation each was last seen for.
             QStringLiteral("CREATE TABLE package_keys ("
                            " public_key TEXT PRIMARY KEY,"
                            " organisation TEXT NOT NULL,"
                            " first_seen_at TEXT NOT NULL,"
                            " last_seen_at TEXT NOT NULL)"),
             // Where a local template came from: the origin version it is based on (the merge base) and the
             // provenance of the package it came from (or was last updated from), both as JSON.
             QStringLiteral("CREATE TABLE template_origins ("
                            " template_id TEXT PRIMARY KEY REFERENCES templates(id),"
                            " organisation_name TEXT NOT NULL,"
                            " organisation_code TEXT NOT NULL,"
                            " public_key TEXT NOT NULL,"
                            " origin_template_id TEXT NOT NULL,"
                            " origin_version INTEGER NOT NULL,"
                            " base_content TEXT NOT NULL,"
                            " provenance TEXT NOT NULL,"
                            " imported_by {bigint} NOT NULL REFERENCES users(id),"
                            " imported_at TEXT NOT NULL,"
                            " updated_at TEXT NOT NULL)"),
             QStringLiteral("CREATE INDEX template_origins_by_origin ON template_origins(public_key, "
                            "origin_template_id)"),
         }},
    };
    return list;
}

} // namespace coform
