#include "store/keyring.h"

#include "store/auditlog.h"
#include "store/crypto/datakey.h"
#include "store/crypto/sealedrows.h"
#include "store/database.h"
#include "store/dbfailure.h"
#include "store/peopleindex.h"
#include "store/permissions.h"
#include "store/transaction.h"
#include "store/userstore.h"

namespace coform {

namespace {

QByteArray wrapData(qint64 userId)
{
    return QByteArrayLiteral("users.key_wrap:") + QByteArray::number(userId);
}

const QByteArray recoveryData = QByteArrayLiteral("data_key.recovery_wrap");

} // namespace

Session::Session(qint64 userId, QString userName, Role role, std::shared_ptr<DataKey> key)
    : m_userId(userId)
    , m_userName(std::move(userName))
    , m_role(role)
    , m_key(std::move(key))
    , m_people(m_key ? std::make_shared<PeopleIndex>() : nullptr)
{}

PeopleIndex *Session::peopleIndex() const
{
    return dataKey() ? m_people.get() : nullptr;
}

const DataKey *Session::dataKey() const
{
    return m_key && !m_key->isWiped() ? m_key.get() : nullptr;
}

void Session::forgetKey() const
{
    if (m_key)
        m_key->wipe();
    if (m_people)
        m_people->wipe();
}

void Session::takeKeyFrom(const Session &signedInAgain) const
{
    if (m_key && signedInAgain.m_userId == m_userId && signedInAgain.dataKey())
        m_key->restoreFrom(*signedInAgain.m_key);
}

KeyRing::KeyRing(Database &db)
    : m_db(db)
{}

Result<bool> KeyRing::hasDataKey() const
{
    QSqlQuery q = m_db.query();
    QString error;
    if (!m_db.exec(q, QStringLiteral("SELECT count(*) FROM data_key"), {}, &error) || !q.next())
        return dbFailure(m_db, error);
    return q.value(0).toLongLong() > 0;
}

Outcome KeyRing::needKey(const Session &session)
{
    if (session.dataKey())
        return Outcome::success();
    return Outcome::notPermitted(
        QStringLiteral("not permitted: this session holds no key to the personal data (signed out, or the account "
                       "has no key yet: an admin gives it one by setting its password)"));
}

std::shared_ptr<DataKey> KeyRing::unlock(qint64 userId, const QString &password) const
{
    QSqlQuery q = m_db.query();
    if (!m_db.exec(q, QStringLiteral("SELECT key_salt, key_wrap FROM users WHERE id = ?"), {userId}, nullptr)
        || !q.next() || q.value(1).toString().isEmpty())
        return nullptr;
    const QString salt = q.value(0).toString();
    const QString wrapped = q.value(1).toString();
    q.finish();
    return KeyWrap::unwrap(KeyWrap::fromPassword(password, salt), wrapped, wrapData(userId));
}

bool KeyRing::wrapFor(qint64 userId, const DataKey &key, const QString &password, QString *error) const
{
    const QString salt = KeyWrap::newSalt();
    const QString wrapped = KeyWrap::wrap(KeyWrap::fromPassword(password, salt), key, wrapData(userId));
    if (wrapped.isEmpty()) {
        *error = QStringLiteral("the data key could not be wrapped (out of memory?)");
        return false;
    }
    QSqlQuery q = m_db.query();
    return m_db.exec(q, QStringLiteral("UPDATE users SET key_salt = ?, key_wrap = ? WHERE id = ?"),
                     {salt, wrapped, userId}, error);
}

bool KeyRing::clearWrap(qint64 userId, QString *error) const
{
    QSqlQuery q = m_db.query();
    return m_db.exec(q, QStringLiteral("UPDATE users SET key_salt = '', key_wrap = '' WHERE id = ?"), {userId}, error);
}

Result<QString> KeyRing::createDataKey(qint64 adminId, const QString &password, std::shared_ptr<DataKey> *key) const
{
    *key = DataKey::random();
    const QString recovery = KeyWrap::newRecoveryText();
    const QString salt = KeyWrap::newSalt();
    if (!*key || recovery.isEmpty())
        return Outcome::failed(QStringLiteral("no data key could be made (libsodium did not start)"));
    const QString recoveryWrap =
        KeyWrap::wrap(KeyWrap::fromRecoveryKey(KeyWrap::recoveryBytes(recovery), salt), **key, recoveryData);
    QSqlQuery q = m_db.query();
    QString error;
    const QString now = Database::timeText(m_db.now());
    if (recoveryWrap.isEmpty() || !m_db.exec(q, QStringLiteral("DELETE FROM data_key"), {}, &error)
        || !m_db.exec(q,
                      QStringLiteral("INSERT INTO data_key (id, recovery_salt, recovery_wrap, created_by, created_at, "
                                     "recovery_made_at) VALUES (1, ?, ?, ?, ?, ?)"),
                      {salt, recoveryWrap, adminId, now, now}, &error)
        || !wrapFor(adminId, **key, password, &error))
        return dbFailure(m_db, error.isEmpty() ? QStringLiteral("the data key could not be wrapped") : error);
    return recovery;
}

Result<QString> KeyRing::newRecoveryKey(const Session &session)
{
    if (Outcome allowed = Permissions::check(m_db, session, Action::ManageUsers); !allowed.ok())
        return allowed;
    if (Outcome keyed = needKey(session); !keyed.ok())
        return keyed;
    const QString recovery = KeyWrap::newRecoveryText();
    const QString salt = KeyWrap::newSalt();
    const QString recoveryWrap = KeyWrap::wrap(KeyWrap::fromRecoveryKey(KeyWrap::recoveryBytes(recovery), salt),
                                               *session.dataKey(), recoveryData);
    if (recoveryWrap.isEmpty())
        return Outcome::failed(QStringLiteral("no recovery key could be made (out of memory?)"));
    Transaction tx(m_db);
    if (!tx.isActive())
        return dbFailure(m_db, tx.error());
    QSqlQuery q = m_db.query();
    QString error;
    if (!m_db.exec(q, QStringLiteral("UPDATE data_key SET recovery_salt = ?, recovery_wrap = ?, recovery_made_at = ?"),
                   {salt, recoveryWrap, Database::timeText(m_db.now())}, &error))
        return dbFailure(m_db, error);
    if (q.numRowsAffected() != 1)
        return Outcome::conflict(QStringLiteral("this database has no data key yet: encrypt it first"));
    if (!AuditLog::append(m_db, session.dataKey(), session.userId(), AuditNewRecoveryKey, 0, 0,
                          QStringLiteral("the old recovery key no longer opens the data key"), &error))
        return dbFailure(m_db, error);
    if (!tx.commit())
        return dbFailure(m_db, tx.error());
    return recovery;
}

Result<Session> KeyRing::recover(const QString &adminName, const QString &recoveryKey, const QString &newPassword)
{
    const Outcome wrong = Outcome::notPermitted(
        QStringLiteral("not permitted: that recovery key does not open this database, or there is no admin of that "
                       "name"));
    if (const QString problem = UserStore::passwordProblem(newPassword); !problem.isEmpty())
        return Outcome::invalid(problem);
    const QString hash = UserStore::hashPassword(newPassword);
    if (hash.isEmpty())
        return Outcome::failed(QStringLiteral("the password could not be hashed (out of memory?)"));
    Transaction tx(m_db);
    if (!tx.isActive())
        return dbFailure(m_db, tx.error());
    QSqlQuery q = m_db.query();
    QString error;
    if (!m_db.exec(q, QStringLiteral("SELECT recovery_salt, recovery_wrap FROM data_key"), {}, &error))
        return dbFailure(m_db, error);
    if (!q.next())
        return wrong;
    const std::shared_ptr<DataKey> key =
        KeyWrap::unwrap(KeyWrap::fromRecoveryKey(KeyWrap::recoveryBytes(recoveryKey), q.value(0).toString()),
                        q.value(1).toString(), recoveryData);
    if (!m_db.exec(q, QStringLiteral("SELECT id, name, role, disabled FROM users ORDER BY id"), {}, &error))
        return dbFailure(m_db, error);
    qint64 id = 0;
    QString name;
    while (q.next()) {
        if (UserStore::nameKey(q.value(1).toString()) == UserStore::nameKey(adminName)
            && q.value(2).toString() == roleName(Role::Admin) && q.value(3).toInt() == 0) {
            id = q.value(0).toLongLong();
            name = q.value(1).toString();
        }
    }
    q.finish();
    if (!key || id == 0)
        return wrong;
    if (!m_db.exec(q,
                   QStringLiteral("UPDATE users SET password_hash = ?, failed_sign_ins = 0, locked_until = NULL "
                                  "WHERE id = ?"),
                   {hash, id}, &error)
        || !wrapFor(id, *key, newPassword, &error)
        || !AuditLog::append(m_db, key.get(), id, AuditRecoverAccount, 0, 0,
                             QStringLiteral("account '%1': new password set with the recovery key").arg(name), &error))
        return dbFailure(m_db, error);
    if (!tx.commit())
        return dbFailure(m_db, tx.error());
    return Session(id, name, Role::Admin, key);
}

} // namespace coform
