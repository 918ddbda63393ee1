#pragma once

#include "store/session.h"
#include "store/storeresult.h"

#include <QDateTime>
#include <QVector>

namespace coform {

class Database;

/// An account as others see it. Accounts are never deleted, only disabled: history keeps their name.
struct Account
{
    qint64 id = 0;
    QString name;
    Role role = Role::Coproducer;
    bool disabled = false;
    QDateTime createdAt;
    QDateTime lockedUntil; ///< null when not locked
};

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
    /// Creates the first account, an admin, and signs it in; refused once any account exists.
    Result<Session> createFirstAdmin(const QString &name, const QString &password);
    /// NotPermitted with a message for a wrong name or password, a locked or a disabled account.
    Result<Session> signIn(const QString &name, const QString &password);

    /// Admins only.
    Result<Account> addUser(const Session &session, const QString &name, Role role, const QString &password);
    Result<QVector<Account>> users(const Session &session) const;
    Outcome disableUser(const Session &session, const QString &name);
    Outcome enableUser(const Session &session, const QString &name);
    /// Admins change anyone's password; everyone their own.
    Outcome setPassword(const Session &session, const QString &name, const QString &password);

    /// An Argon2id string ("$argon2id$v=19$m=...") for the password; empty when hashing failed (out of memory).
    static QString hashPassword(const QString &password);
    static bool verifyPassword(const QString &hash, const QString &password);
    /// Why a name or password cannot be used; empty when it can.
    static QString nameProblem(const QString &name);
    static QString passwordProblem(const QString &password);

private:
    Result<Account> insertUser(const QString &name, Role role, const QString &password);
    Outcome setDisabled(const Session &session, const QString &name, bool disabled);

    Database &m_db;
};

} // namespace coform
