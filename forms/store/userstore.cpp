#include "store/userstore.h"

#include "store/database.h"
#include "store/permissions.h"
#include "store/transaction.h"

#include <QRegularExpression>

#include <sodium.h>

namespace coform {

namespace {

bool sodiumReady()
{
    static const bool ready = sodium_init() >= 0;
    return ready;
}

Outcome dbFailure(const Database &db, const QString &error)
{
    return Outcome::failed(QStringLiteral("%1: %2").arg(db.location(), error));
}

Account accountFromRow(const QSqlQuery &q)
{
    // Columns: id, name, role, disabled, created_at, locked_until
    Account a;
    a.id = q.value(0).toLongLong();
    a.name = q.value(1).toString();
    a.role = roleFromName(q.value(2).toString()).value_or(Role::Coproducer);
    a.disabled = q.value(3).toInt() != 0;
    a.createdAt = Database::timeFromText(q.value(4).toString());
    a.lockedUntil = Database::timeFromText(q.value(5).toString());
    return a;
}

} // namespace

UserStore::UserStore(Database &db)
    : m_db(db)
{}

QString UserStore::hashPassword(const QString &password)
{
    if (!sodiumReady())
        return {};
    const QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, utf8.constData(), quint64(utf8.size()), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE)
        != 0)
        return {};
    return QString::fromLatin1(out);
}

bool UserStore::verifyPassword(const QString &hash, const QString &password)
{
    if (!sodiumReady())
        return false;
    const QByteArray h = hash.toLatin1();
    const QByteArray utf8 = password.toUtf8();
    return crypto_pwhash_str_verify(h.constData(), utf8.constData(), quint64(utf8.size())) == 0;
}

QString UserStore::nameProblem(const QString &name)
{
    static const QRegularExpression valid(QStringLiteral("^[\\p{L}\\p{N}][\\p{L}\\p{N}._@' -]{0,63}$"));
    if (name.trimmed() != name || !valid.match(name).hasMatch())
        return QStringLiteral("a user name is 1 to 64 letters, digits, spaces or . _ @ ' - and starts with a letter "
                              "or digit");
    return {};
}

QString UserStore::passwordProblem(const QString &password)
{
    if (password.size() < MinPasswordLength)
        return QStringLiteral("a password needs at least %1 characters").arg(MinPasswordLength);
    return {};
}

Result<bool> UserStore::hasUsers() const
{
    QSqlQuery q = m_db.query();
    QString error;
    if (!m_db.exec(q, QStringLiteral("SELECT count(*) FROM users"), {}, &error) || !q.next())
        return dbFailure(m_db, error);
    return q.value(0).toLongLong() > 0;
}

Result<Account> UserStore::insertUser(const QString &name, Role role, const QString &password)
{
    if (const QString problem = nameProblem(name); !problem.isEmpty())
        return Outcome::invalid(problem);
    if (const QString problem = passwordProblem(password); !problem.isEmpty())
        return Outcome::invalid(problem);
    const QString hash = hashPassword(password);
    if (hash.isEmpty())
        return Outcome::failed(QStringLiteral("the password could not be hashed (out of memory?)"));
    Account a;
    a.name = name;
    a.role = role;
    a.createdAt = m_db.now();
    QSqlQuery q = m_db.query();
    QString error;
    if (!m_db.exec(q, QStringLiteral("SELECT count(*) FROM users WHERE name = ?"), {name}, &error) || !q.next())
        return dbFailure(m_db, error);
    if (q.value(0).toLongLong() > 0)
        return Outcome::conflict(QStringLiteral("there is already an account named '%1'").arg(name));
    if (!m_db.exec(q,
                   QStringLiteral("INSERT INTO users (name, role, password_hash, created_at) VALUES (?, ?, ?, ?) "
                                  "RETURNING id"),
                   {name, roleName(role), hash, Database::timeText(a.createdAt)}, &error)
        || !q.next())
        return dbFailure(m_db, error);
    a.id = q.value(0).toLongLong();
    q.finish();
    return a;
}

Result<Session> UserStore::createFirstAdmin(const QString &name, const QString &password)
{
    Transaction tx(m_db);
    if (!tx.isActive())
        return dbFailure(m_db, tx.error());
    const Result<bool> any = hasUsers();
    if (!any.ok())
        return any.outcome();
    if (any.value())
        return Outcome::notPermitted(QStringLiteral("not permitted: accounts exist already; an admin must sign in "
                                                    "to add one"));
    const Result<Account> account = insertUser(name, Role::Admin, password);
    if (!account.ok())
        return account.outcome();
    if (!tx.commit())
        return dbFailure(m_db, tx.error());
    return Session(account->id, account->name, account->role);
}

Result<Session> UserStore::signIn(const QString &name, const QString &password)
{
    const QString wrong = QStringLiteral("not permitted: wrong name or password");
    QSqlQuery q = m_db.query();
    QString error;
    if (!m_db.exec(q,
                   QStringLiteral("SELECT id, role, password_hash, disabled, failed_sign_ins, locked_until FROM users "
                                  "WHERE name = ?"),
                   {name}, &error))
        return dbFailure(m_db, error);
    if (!q.next()) {
        // Take as long as a wrong password would, so that the time taken does not tell which names exist.
        static const QString dummy = hashPassword(QStringLiteral("no such account"));
        verifyPassword(dummy, password);
        return Outcome::notPermitted(wrong);
    }
    const qint64 id = q.value(0).toLongLong();
    const Role role = roleFromName(q.value(1).toString()).value_or(Role::Coproducer);
    const QString hash = q.value(2).toString();
    const bool disabled = q.value(3).toInt() != 0;
    const int failed = q.value(4).toInt();
    const QDateTime lockedUntil = Database::timeFromText(q.value(5).toString());
    q.finish();
    const QDateTime now = m_db.now();
    if (lockedUntil.isValid() && now < lockedUntil) {
        const qint64 minutes = std::max<qint64>(1, (now.secsTo(lockedUntil) + 59) / 60);
        return Outcome::notPermitted(QStringLiteral("not permitted: the account '%1' is locked after %2 failed "
                                                    "sign-ins; try again in %3 minute(s)")
                                         .arg(name)
                                         .arg(MaxFailedSignIns)
                                         .arg(minutes));
    }
    const bool passwordOk = verifyPassword(hash, password);
    Transaction tx(m_db);
    if (!tx.isActive())
        return dbFailure(m_db, tx.error());
    Outcome refused;
    if (passwordOk) {
        if (!m_db.exec(q, QStringLiteral("UPDATE users SET failed_sign_ins = 0, locked_until = NULL WHERE id = ?"),
                       {id}, &error))
            return dbFailure(m_db, error);
        if (disabled)
            refused = Outcome::notPermitted(QStringLiteral("not permitted: the account '%1' is disabled").arg(name));
    } else if (failed + 1 >= MaxFailedSignIns) {
        if (!m_db.exec(q, QStringLiteral("UPDATE users SET failed_sign_ins = 0, locked_until = ? WHERE id = ?"),
                       {Database::timeText(now.addSecs(LockMinutes * 60)), id}, &error))
            return dbFailure(m_db, error);
        refused = Outcome::notPermitted(
            QStringLiteral("%1; the account is now locked for %2 minutes").arg(wrong).arg(LockMinutes));
    } else {
        if (!m_db.exec(q, QStringLiteral("UPDATE users SET failed_sign_ins = ?, locked_until = NULL WHERE id = ?"),
                       {failed + 1, id}, &error))
            return dbFailure(m_db, error);
        refused = Outcome::notPermitted(wrong);
    }
    if (!tx.commit())
        return dbFailure(m_db, tx.error());
    if (!refused.ok())
        return refused;
    return Session(id, name, role);
}

Result<Account> UserStore::addUser(const Session &session, const QString &name, Role role, const QString &password)
{
    if (Outcome allowed = Permissions::check(m_db, session, Action::ManageUsers); !allowed.ok())
        return allowed;
    Transaction tx(m_db);
    if (!tx.isActive())
        return dbFailure(m_db, tx.error());
    Result<Account> account = insertUser(name, role, password);
    if (!account.ok())
        return account;
    if (!tx.commit())
        return dbFailure(m_db, tx.error());
    return account;
}

Result<QVector<Account>> UserStore::users(const Session &session) const
{
    if (Outcome allowed = Permissions::check(m_db, session, Action::ManageUsers); !allowed.ok())
        return allowed;
    QSqlQuery q = m_db.query();
    QString error;
    if (!m_db.exec(q,
                   QStringLiteral("SELECT id, name, role, disabled, created_at, locked_until FROM users ORDER BY name"),
                   {}, &error))
        return dbFailure(m_db, error);
    QVector<Account> list;
    while (q.next())
        list.append(accountFromRow(q));
    return list;
}

Outcome UserStore::setDisabled(const Session &session, const QString &name, bool disabled)
{
    if (Outcome allowed = Permissions::check(m_db, session, Action::ManageUsers); !allowed.ok())
        return allowed;
    if (disabled && name == session.userName())
        return Outcome::invalid(QStringLiteral("you cannot disable your own account"));
    Transaction tx(m_db);
    if (!tx.isActive())
        return dbFailure(m_db, tx.error());
    QSqlQuery q = m_db.query();
    QString error;
    if (!m_db.exec(q, QStringLiteral("UPDATE users SET disabled = ? WHERE name = ?"), {disabled ? 1 : 0, name}, &error))
        return dbFailure(m_db, error);
    if (q.numRowsAffected() != 1)
        return Outcome::notFound(QStringLiteral("there is no account named '%1'").arg(name));
    if (!tx.commit())
        return dbFailure(m_db, tx.error());
    return Outcome::success();
}

Outcome UserStore::disableUser(const Session &session, const QString &name)
{
    return setDisabled(session, name, true);
}

Outcome UserStore::enableUser(const Session &session, const QString &name)
{
    return setDisabled(session, name, false);
}

Outcome UserStore::setPassword(const Session &session, const QString &name, const QString &password)
{
    const Action action = name == session.userName() ? Action::ReadTemplates : Action::ManageUsers;
    if (Outcome allowed = Permissions::check(m_db, session, action); !allowed.ok())
        return allowed;
    if (const QString problem = passwordProblem(password); !problem.isEmpty())
        return Outcome::invalid(problem);
    const QString hash = hashPassword(password);
    if (hash.isEmpty())
        return Outcome::failed(QStringLiteral("the password could not be hashed (out of memory?)"));
    Transaction tx(m_db);
    if (!tx.isActive())
        return dbFailure(m_db, tx.error());
    QSqlQuery q = m_db.query();
    QString error;
    if (!m_db.exec(q,
                   QStringLiteral("UPDATE users SET password_hash = ?, failed_sign_ins = 0, locked_until = NULL "
                                  "WHERE name = ?"),
                   {hash, name}, &error))
        return dbFailure(m_db, error);
    if (q.numRowsAffected() != 1)
        return Outcome::notFound(QStringLiteral("there is no account named '%1'").arg(name));
    if (!tx.commit())
        return dbFailure(m_db, tx.error());
    return Outcome::success();
}

} // namespace coform
