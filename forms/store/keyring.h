#pragma once

#include "store/session.h"
#include "store/storeresult.h"

#include <functional>
#include <memory>

namespace coform {

class Database;
class DataKey;

/// The database's data key as kept in the database (docs/security.md): wrapped once for each admin and reviewer
/// account under a key derived from its password (users.key_salt, users.key_wrap), and once under the recovery key
/// (table data_key). Coproducer accounts hold no wrap. Only UserStore and the calls below write wraps.
class KeyRing
{
public:
    explicit KeyRing(Database &db);

    /// Whether the database has a data key (every database from schema 8 on that has had an admin: personal data
    /// sealed). False for a database an older Coform wrote, until encryptInPlace().
    Result<bool> hasDataKey() const;
    /// NotPermitted in words when the session cannot read or write personal data because it holds no key.
    static Outcome needKey(const Session &session);

    /// The data key opened with the account's password; null when it holds no wrap or the password does not open it.
    std::shared_ptr<DataKey> unlock(qint64 userId, const QString &password) const;
    /// Writes a fresh wrap of `key` for the account under its password (new salt), inside the caller's transaction.
    bool wrapFor(qint64 userId, const DataKey &key, const QString &password, QString *error) const;
    /// Removes the account's wrap (a coproducer holds none), inside the caller's transaction.
    bool clearWrap(qint64 userId, QString *error) const;
    /// Makes the database's data key (none must exist) with a recovery key, wraps it for the admin, inside the
    /// caller's transaction. Returns the recovery key as it is to be shown, once.
    Result<QString> createDataKey(qint64 adminId, const QString &password, std::shared_ptr<DataKey> *key) const;

    /// Admins: a new recovery key; the old one stops opening the data key. Shown once.
    Result<QString> newRecoveryKey(const Session &session);
    /// For an admin whose password is lost: the recovery key opens the data key, the account gets `newPassword`
    /// (and a wrap under it), its lock-out is cleared, and it is signed in. NotPermitted for a wrong recovery key or
    /// an account that is not an admin; one audit row.
    Result<Session> recover(const QString &adminName, const QString &recoveryKey, const QString &newPassword);

    /// Encrypts a database an older Coform wrote (people, reviews and answers in plain text) in place, in one
    /// transaction: makes the data key, wraps it for the signed-in admin, seals every personal value, and (SQLite)
    /// vacuums the file and truncates the WAL so that no old page keeps the plain text. `progress(done, total)` is
    /// called as rows are sealed. Returns the admin's session holding the key; *recoveryKey is shown once.
    /// Other staff accounts get their wrap when an admin next sets their password.
    Result<Session> encryptInPlace(const Session &admin, const QString &password, QString *recoveryKey,
                                   const std::function<void(qint64 done, qint64 total)> &progress = {});

    static constexpr const char *AuditNewRecoveryKey = "new-recovery-key";
    static constexpr const char *AuditRecoverAccount = "recover-account";
    static constexpr const char *AuditEncrypt = "encrypt-database";

private:
    Database &m_db;
};

} // namespace coform
