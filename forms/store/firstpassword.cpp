// First passwords: an admin adds an account or resets a password with a first password, and the person chooses their
// own at their first sign-in. Kept apart from userstore.cpp: each step reuses addUser / setPassword (so everything
// they do to an account, its audit row included, happens here too) inside one transaction, then sets the flag.
#include "store/auditlog.h"
#include "store/database.h"
#include "store/permissions.h"
#include "store/transaction.h"
#include "store/userstore.h"

namespace coform {

namespace {

Outcome storeFailure(const Database &db, const QString &error)
{
    return Outcome::failed(QStringLiteral("%1: %2").arg(db.location(), error));
}

} // namespace

Outcome UserStore::setMustChangePassword(const Session &session, const StoredAccount &account, bool must)
{
    QSqlQuery q = m_db.query();
    QString error;
    const QString detail = must ? QStringLiteral("account '%1' chooses a new password at the next sign-in")
                                : QStringLiteral("account '%1' chose their own password");
    if (!m_db.exec(q, QStringLiteral("UPDATE users SET must_change_password = ? WHERE id = ?"),
                   {must ? 1 : 0, account.id}, &error)
        || !AuditLog::append(m_db, session.dataKey(), session.userId(), must ? AuditFirstPassword : AuditOwnPassword, 0,
                             0, detail.arg(account.name), &error))
        return storeFailure(m_db, error);
    return Outcome::success();
}

Result<Account> UserStore::addUserWithFirstPassword(const Session &session, const QString &name, Role role,
                                                    const QString &firstPassword)
{
    if (Outcome allowed = Permissions::check(m_db, session, Action::ManageUsers); !allowed.ok())
        return allowed;
    Transaction tx(m_db);
    if (!tx.isActive())
        return storeFailure(m_db, tx.error());
    Result<Account> account = addUser(session, name, role, firstPassword);
    if (!account.ok())
        return account;
    if (Outcome set = setMustChangePassword(session, {account->id, account->name, {}}, true); !set.ok())
        return set;
    if (!tx.commit())
        return storeFailure(m_db, tx.error());
    Account added = account.value();
    added.mustChangePassword = true;
    return added;
}

Outcome UserStore::resetPassword(const Session &session, const QString &name, const QString &firstPassword)
{
    if (Outcome allowed = Permissions::check(m_db, session, Action::ManageUsers); !allowed.ok())
        return allowed;
    const Result<StoredAccount> account = findAccount(name);
    if (!account.ok())
        return account.outcome();
    if (account->id == 0)
        return Outcome::notFound(QStringLiteral("there is no account named '%1'").arg(name));
    if (account->id == session.userId())
        return Outcome::invalid(QStringLiteral("to change your own password, choose File > Change my password"));
    Transaction tx(m_db);
    if (!tx.isActive())
        return storeFailure(m_db, tx.error());
    if (Outcome set = setPassword(session, account->name, firstPassword); !set.ok())
        return set;
    if (Outcome set = setMustChangePassword(session, account.value(), true); !set.ok())
        return set;
    if (!tx.commit())
        return storeFailure(m_db, tx.error());
    return Outcome::success();
}

Result<bool> UserStore::mustChangePassword(const Session &session) const
{
    QSqlQuery q = m_db.query();
    QString error;
    if (!m_db.exec(q, QStringLiteral("SELECT must_change_password FROM users WHERE id = ?"), {session.userId()},
                   &error))
        return storeFailure(m_db, error);
    if (!q.next())
        return Outcome::notFound(QStringLiteral("the signed-in account no longer exists"));
    return q.value(0).toInt() != 0;
}

Outcome UserStore::changeOwnPassword(const Session &session, const QString &currentPassword, const QString &newPassword)
{
    if (Outcome allowed = Permissions::check(m_db, session, Action::ReadTemplates); !allowed.ok())
        return allowed;
    QSqlQuery q = m_db.query();
    QString error;
    if (!m_db.exec(q, QStringLiteral("SELECT name, password_hash FROM users WHERE id = ?"), {session.userId()}, &error))
        return storeFailure(m_db, error);
    if (!q.next())
        return Outcome::notFound(QStringLiteral("the signed-in account no longer exists"));
    const StoredAccount self{session.userId(), q.value(0).toString(), q.value(1).toString()};
    q.finish();
    if (!verifyPassword(self.hash, currentPassword))
        return Outcome::notPermitted(QStringLiteral("not permitted: the current password is not right"));
    if (newPassword == currentPassword)
        return Outcome::invalid(QStringLiteral("choose a password that is different from the one you were given"));
    Transaction tx(m_db);
    if (!tx.isActive())
        return storeFailure(m_db, tx.error());
    if (Outcome set = setPassword(session, self.name, newPassword); !set.ok())
        return set;
    if (Outcome set = setMustChangePassword(session, self, false); !set.ok())
        return set;
    if (!tx.commit())
        return storeFailure(m_db, tx.error());
    return Outcome::success();
}

} // namespace coform
