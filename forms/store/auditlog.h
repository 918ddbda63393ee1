#pragma once

#include "store/session.h"
#include "store/storeresult.h"

#include <QDateTime>
#include <QVector>

namespace coform {

class Database;
class DataKey;

/// What `coform-cli audit verify` and the admin's window say about the audit trail's chain.
struct AuditVerification
{
    qint64 rows = 0;
    qint64 beforeChain = 0; ///< rows written before the chain began (an older Coform): not covered
    qint64 keyed = 0;       ///< rows whose link is keyed with the data key
    qint64 unkeyedTail =
        0; ///< the last rows written without the key (failed sign-ins) and not yet followed by a keyed one
    qint64 firstBroken = 0; ///< id of the first row whose link does not hold; 0 when the chain holds
    QString problem;        ///< why that row breaks the chain

    bool holds() const { return firstBroken == 0; }
    /// The result in words, for people.
    QString words() const;
};

/// One row of the audit trail: who did what to which review or person, and when. `detail` names questions by id,
/// an output format or a reopening reason; it never holds answers.
struct AuditEntry
{
    qint64 id = 0;
    QDateTime at;
    QString userName; ///< empty for a failed sign-in with a name that matches no account
    QString action;   ///< one of the AuditLog action names below
    qint64 reviewId = 0;
    qint64 personId = 0;
    QString detail;
};

/// The audit trail the NHS Data Security and Protection Toolkit asks for: every view, change, completion,
/// reopening, export and print of a review, and every change to a person's details. Rows are only ever appended;
/// only admins read them. The trail lives in the database, never in log files.
class AuditLog
{
public:
    // Action names as stored.
    static constexpr const char *View = "view";
    static constexpr const char *Create = "create";
    static constexpr const char *Change = "change";
    static constexpr const char *Complete = "complete";
    static constexpr const char *Reopen = "reopen";
    static constexpr const char *Export = "export";
    static constexpr const char *Print = "print";
    static constexpr const char *AddPerson = "add-person";
    static constexpr const char *ChangePerson = "change-person";
    static constexpr const char *ViewPerson = "view-person";
    static constexpr const char *ListPeople = "list-people";
    static constexpr const char *SearchPeople = "search-people";
    static constexpr const char *ListReviews = "list-reviews";
    static constexpr const char *SearchReviews = "search-reviews";
    /// A form package made or imported (PackageStore): detail names the template, its version and organisation.
    static constexpr const char *ExportPackage = "export-package";
    static constexpr const char *ImportPackage = "import-package";
    // Account changes and failed sign-ins (UserStore) are rows without a review or person: "add-account",
    // "disable-account", "enable-account", "change-password", "change-role", "sign-in-failed". A failed sign-in for a
    // name that matches no account is a "sign-in-failed" row without an account (detail "unknown name"): nothing of
    // what was typed is kept (it is often a real name mistyped, or a password typed into the name field).

    AuditLog(Database &db, const Session &session);

    /// Appends a row inside the caller's open transaction (the caller has checked the role). The row carries its
    /// link in the chain: a hash over its content and the previous row's link, keyed with the data key's chain
    /// subkey when `chainKey` is given (a plain BLAKE2b hash otherwise: failed sign-ins happen without a key). Writers
    /// are serialised (SQLite's BEGIN IMMEDIATE; PostgreSQL an advisory lock held to the end of the transaction), so
    /// the chain never forks; rows are never updated after insert.
    static bool append(const Database &db, const DataKey *chainKey, qint64 userId, const char *action, qint64 reviewId,
                       qint64 personId, const QString &detail, QString *error);

    /// Appends a row in its own transaction; needs a role that may read reviews.
    Outcome record(const char *action, qint64 reviewId, qint64 personId, const QString &detail = {});

    /// Records that a list of people or reviews was shown (ListPeople, SearchPeople, ListReviews, SearchReviews): who,
    /// when and how many rows; never the search text.
    Outcome recordListing(const char *action, qint64 rows);

    /// Admins only, oldest first.
    Result<QVector<AuditEntry>> forReview(qint64 reviewId) const;
    Result<QVector<AuditEntry>> forPerson(qint64 personId) const;
    /// Admins only, newest first: account changes and failed sign-ins (rows without a review or person).
    Result<QVector<AuditEntry>> forAccounts(int limit = 200) const;
    /// Admins holding the data key: checks every row's link and names the first one that does not hold.
    Result<AuditVerification> verify() const;

private:
    Result<QVector<AuditEntry>> read(const char *column, qint64 id) const;

    Database &m_db;
    Session m_session;
};

} // namespace coform
