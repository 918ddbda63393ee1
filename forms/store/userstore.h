#pragma once

#include "model/user.h"
#include "store/session.h"
#include "store/storeresult.h"

#include <QDateTime>
#include <QVector>

namespace coform {

class Database;

/// Accounts and signing in. Passwords are stored as Argon2id strings (libsodium crypto_pwhash_str); an account is
/// locked for five minutes after five failed sign-ins in a row.
class UserStore
{
public:
    static constexpr int MaxFailedSignIns = 5;
    static constexpr int LockMinutes = 5;
    static constexpr int MinPasswordLength = 8;

    explicit UserStore(Database &db);

    /// Whether any account exists (the first start asks for the first admin when none does).
    Result<bool> hasUsers() const;
    /// Creates the first account, an admin, and signs it in; refused once any account exists. Makes the database's
    /// data key (docs/security.md) and its recovery key, which *recoveryKey receives to be shown once.
    Result<Session> createFirstAdmin(const QString &name, const QString &password, QString *recoveryKey = nullptr);
    /// NotPermitted with a message for a wrong name or password, a locked or a disabled account. Names are compared
    /// after Unicode NFKC, ignoring case ("ada", "Ada" and full-width "ａｄａ" are one account). A name that does not
    /// exist costs the same time (a dummy Argon2id check) and gets the same message as a wrong password; a locked or
    /// disabled account says so only after the right password. Each failure adds one to the account's count in the
    /// same statement that decides (so that parallel attempts cannot all read the old count) and writes one row to
    /// the audit trail. An admin's or reviewer's session holds the data key, unwrapped with the password.
    Result<Session> signIn(const QString &name, const QString &password);

    /// Admins only. An admin or reviewer account gets the data key wrapped under its password (the admin's session
    /// must hold the key); a coproducer account gets none.
    Result<Account> addUser(const Session &session, const QString &name, Role role, const QString &password);
    Result<QVector<Account>> users(const Session &session) const;
    Outcome disableUser(const Session &session, const QString &name);
    Outcome enableUser(const Session &session, const QString &name);
    /// Admins change anyone's password; everyone their own. The data key is wrapped afresh under the new password
    /// (admins and reviewers, when the session holds the key).
    Outcome setPassword(const Session &session, const QString &name, const QString &password);
    /// Admins only; an admin cannot change their own role. A coproducer's wrap of the data key is removed; an account
    /// made an admin or reviewer gets one when an admin next sets its password.
    Outcome setRole(const Session &session, const QString &name, Role role);

    // First passwords (firstpassword.cpp): an admin gives a first password, the person chooses their own at their
    // first sign-in. Each step is one transaction with its audit rows; admins only, except changing one's own.
    /// Admins: adds an account whose password is a first one, to be changed at the first sign-in.
    Result<Account> addUserWithFirstPassword(const Session &session, const QString &name, Role role,
                                             const QString &firstPassword);
    /// Admins: gives someone else a new first password (the lock-out ends); they choose their own at the next
    /// sign-in.
    Outcome resetPassword(const Session &session, const QString &name, const QString &firstPassword);
    /// Whether the signed-in person must choose their own password before doing anything else.
    Result<bool> mustChangePassword(const Session &session) const;
    /// The signed-in person chooses their own password (the current one typed again); it must differ from it.
    /// Clears "must change".
    Outcome changeOwnPassword(const Session &session, const QString &currentPassword, const QString &newPassword);
    static constexpr const char *AuditFirstPassword = "first-password";
    static constexpr const char *AuditOwnPassword = "own-password";

    /// An Argon2id string ("$argon2id$v=19$m=...") for the password; empty when hashing failed (out of memory).
    static QString hashPassword(const QString &password);
    static bool verifyPassword(const QString &hash, const QString &password);
    /// Why a name or password cannot be used; empty when it can.
    static QString nameProblem(const QString &name);
    static QString passwordProblem(const QString &password);
    /// The form a new account name is stored in (Unicode NFKC).
    static QString normalisedName(const QString &name);
    /// What names are compared by: NFKC, then case folded.
    static QString nameKey(const QString &name);

    /// Audit trail actions written by this store (AuditLog rows without a review or person).
    static constexpr const char *AuditSignInFailed = "sign-in-failed";
    static constexpr const char *AuditAddAccount = "add-account";
    static constexpr const char *AuditDisableAccount = "disable-account";
    static constexpr const char *AuditEnableAccount = "enable-account";
    static constexpr const char *AuditChangePassword = "change-password";
    static constexpr const char *AuditChangeRole = "change-role";

private:
    struct StoredAccount
    {
        qint64 id = 0;
        QString name;
        QString hash;
    };
    /// The account a typed name means (exact stored name first, else the same name key); id 0 when none.
    Result<StoredAccount> findAccount(const QString &name) const;
    /// Inserts the account (no audit row: the caller writes it once the key is wrapped).
    Result<Account> insertUser(const QString &name, Role role, const QString &password);
    Result<std::optional<Role>> roleOf(qint64 id) const;
    Outcome setDisabled(const Session &session, const QString &name, bool disabled);
    Outcome setMustChangePassword(const Session &session, const StoredAccount &account, bool must);

    Database &m_db;
};

} // namespace coform
