#include "store/migrations.h"

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
    };
    return list;
}

} // namespace coform
