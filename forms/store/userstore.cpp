#include "store/userstore.h"

#include "store/auditlog.h"
#include "store/commonpasswords.h"
#include "store/crypto/datakey.h"
#include "store/database.h"
#include "store/dbfailure.h"
#include "store/keyring.h"
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

Account accountFromRow(const QSqlQuery &q)
{
    // Columns: id, name, role, disabled, created_at, locked_until, must_change_password
    Account a;
    a.id = q.value(0).toLongLong();
    a.name = q.value(1).toString();
    a.role = roleFromName(q.value(2).toString()).value_or(Role::Coproducer);
    a.disabled = q.value(3).toInt() != 0;
    a.createdAt = Database::timeFromText(q.value(4).toString());
    a.lockedUntil = Database::timeFromText(q.value(5).toString());
    a.mustChangePassword = q.value(6).toInt() != 0;
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

QString UserStore::normalisedName(const QString &name)
{
    return name.normalized(QString::NormalizationForm_KC);
}

QString UserStore::nameKey(const QString &name)
{
    return normalisedName(name).toCaseFolded();
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
    if (password.trimmed().isEmpty())
        return QStringLiteral("a password cannot be only spaces");
    if (CommonPasswords::contains(password))
        return QStringLiteral("that password is one of the most common passwords, which are guessed first: choose "
                              "another");
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

Result<UserStore::StoredAccount> UserStore::findAccount(const QString &name) const
{
    // Accounts are few: every name is compared, so that a name that does not exist takes as long as one that does.
    QSqlQuery q = m_db.query();
    QString error;
    if (!m_db.exec(q, QStringLiteral("SELECT id, name, password_hash FROM users ORDER BY id"), {}, &error))
        return dbFailure(m_db, error);
    const QString key = nameKey(name);
    StoredAccount found;
    while (q.next()) {
        const QString stored = q.value(1).toString();
        const bool exact = stored == name;
        if (exact || (found.id == 0 && nameKey(stored) == key)) {
            found = {q.value(0).toLongLong(), stored, q.value(2).toString()};
            if (exact)
                break;
        }
    }
    return found;
}

Result<Account> UserStore::insertUser(const QString &typedName, Role role, const QString &password)
{
    const QString name = normalisedName(typedName);
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
    // PostgreSQL: two admins adding "ada" and "Ada" at once must not both find the name free.
    if (m_db.backend() == Database::Backend::Postgres
        && !m_db.exec(q, QStringLiteral("LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE"), {}, &error))
        return dbFailure(m_db, error);
    const Result<StoredAccount> same = findAccount(name);
    if (!same.ok())
        return same.outcome();
    if (same->id != 0)
        return Outcome::conflict(QStringLiteral("there is already an account named '%1'").arg(same->name));
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

Result<std::optional<Role>> UserStore::roleOf(qint64 id) const
{
    QSqlQuery q = m_db.query();
    QString error;
    if (!m_db.exec(q, QStringLiteral("SELECT role FROM users WHERE id = ?"), {id}, &error))
        return dbFailure(m_db, error);
    if (!q.next())
        return std::optional<Role>();
    return roleFromName(q.value(0).toString());
}

Result<Session> UserStore::createFirstAdmin(const QString &name, const QString &password, QString *recoveryKey)
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
    std::shared_ptr<DataKey> key;
    const Result<QString> recovery = KeyRing(m_db).createDataKey(account->id, password, &key);
    if (!recovery.ok())
        return recovery.outcome();
    QString error;
    if (!AuditLog::append(m_db, key.get(), account->id, AuditAddAccount, 0, 0,
                          QStringLiteral("account '%1' (%2)").arg(account->name, roleName(Role::Admin)), &error))
        return dbFailure(m_db, error);
    if (!tx.commit())
        return dbFailure(m_db, tx.error());
    if (recoveryKey)
        *recoveryKey = *recovery;
    return Session(account->id, account->name, account->role, key);
}

Result<Session> UserStore::signIn(const QString &name, const QString &password)
{
    const QString wrong = QStringLiteral("not permitted: wrong name or password");
    const Result<StoredAccount> found = findAccount(name);
    if (!found.ok())
        return found.outcome();
    const qint64 id = found->id;
    // An Argon2id string made like hashPassword's of a random password nobody knows: a name that does not exist
    // costs the same check as one that does.
    static const QString dummy = QStringLiteral(
        "$argon2id$v=19$m=65536,t=2,p=1$oJI8/d6y1L+49Tj2sIq+ew$4vC36IohCVN6T+sbB9PCKIMlPIO9h5yGVzxafSdT9xo");
    const bool passwordOk = verifyPassword(id != 0 ? found->hash : dummy, password) && id != 0;
    Transaction tx(m_db);
    if (!tx.isActive())
        return dbFailure(m_db, tx.error());
    const QDateTime now = m_db.now();
    const QString nowText = Database::timeText(now);
    QSqlQuery q = m_db.query();
    QString error;
    // One statement decides and counts: under concurrent attempts each one sees the count the one before it left
    // (SQLite: BEGIN IMMEDIATE; PostgreSQL: the row lock the UPDATE takes). While locked nothing is counted.
    const QString statement = passwordOk
                                  ? QStringLiteral("UPDATE users SET failed_sign_ins = CASE WHEN locked_until > ? THEN "
                                                   "failed_sign_ins ELSE 0 END WHERE id = ? "
                                                   "RETURNING failed_sign_ins, locked_until, disabled, role, name")
                                  : QStringLiteral("UPDATE users SET failed_sign_ins = CASE WHEN locked_until > ? THEN "
                                                   "failed_sign_ins ELSE failed_sign_ins + 1 END WHERE id = ? "
                                                   "RETURNING failed_sign_ins, locked_until, disabled, role, name");
    if (!m_db.exec(q, statement, {nowText, id}, &error))
        return dbFailure(m_db, error);
    if (!q.next()) {
        // No such account: nothing to count, but the attempt is audited as a row without an account. Nothing of the
        // typed name is kept, not even a hash of it: it is often a real name mistyped or a password typed in the
        // wrong field, and a hash of so short a text is undone by guessing.
        q.finish();
        if (!AuditLog::append(m_db, nullptr, 0, AuditSignInFailed, 0, 0, QStringLiteral("unknown name"), &error))
            return dbFailure(m_db, error);
        if (!tx.commit())
            return dbFailure(m_db, tx.error());
        return Outcome::notPermitted(wrong);
    }
    const int failed = q.value(0).toInt();
    const QDateTime lockedUntil = Database::timeFromText(q.value(1).toString());
    const bool disabled = q.value(2).toInt() != 0;
    const Role role = roleFromName(q.value(3).toString()).value_or(Role::Coproducer);
    const QString storedName = q.value(4).toString();
    q.finish();
    const bool locked = lockedUntil.isValid() && now < lockedUntil;
    Outcome refused;
    QString auditDetail;
    if (!passwordOk) {
        refused = Outcome::notPermitted(wrong);
        auditDetail = locked ? QStringLiteral("wrong password while locked") : QStringLiteral("wrong password");
        if (!locked && failed >= MaxFailedSignIns) {
            if (!m_db.exec(q, QStringLiteral("UPDATE users SET failed_sign_ins = 0, locked_until = ? WHERE id = ?"),
                           {Database::timeText(now.addSecs(LockMinutes * 60)), id}, &error))
                return dbFailure(m_db, error);
            refused = Outcome::notPermitted(
                QStringLiteral("%1; the account is now locked for %2 minutes").arg(wrong).arg(LockMinutes));
            auditDetail = QStringLiteral("wrong password; locked for %1 minutes").arg(LockMinutes);
        }
    } else if (locked) {
        const qint64 minutes = std::max<qint64>(1, (now.secsTo(lockedUntil) + 59) / 60);
        refused = Outcome::notPermitted(QStringLiteral("not permitted: the account '%1' is locked after %2 failed "
                                                       "sign-ins; try again in %3 minute(s)")
                                            .arg(storedName)
                                            .arg(MaxFailedSignIns)
                                            .arg(minutes));
        auditDetail = QStringLiteral("account locked");
    } else if (disabled) {
        refused = Outcome::notPermitted(QStringLiteral("not permitted: the account '%1' is disabled").arg(storedName));
        auditDetail = QStringLiteral("account disabled");
    } else if (lockedUntil.isValid()
               && !m_db.exec(q, QStringLiteral("UPDATE users SET locked_until = NULL WHERE id = ?"), {id}, &error)) {
        return dbFailure(m_db, error);
    }
    if (!refused.ok() && !AuditLog::append(m_db, nullptr, id, AuditSignInFailed, 0, 0, auditDetail, &error))
        return dbFailure(m_db, error);
    if (!tx.commit())
        return dbFailure(m_db, tx.error());
    if (!refused.ok())
        return refused;
    // Admins and reviewers open their wrap of the data key (after the transaction: it takes an Argon2id run).
    return Session(id, storedName, role, role == Role::Coproducer ? nullptr : KeyRing(m_db).unlock(id, password));
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
    QString error;
    if (role != Role::Coproducer) {
        const KeyRing keys(m_db);
        const Result<bool> encrypted = keys.hasDataKey();
        if (!encrypted.ok())
            return encrypted.outcome();
        if (*encrypted && !session.dataKey())
            return KeyRing::needKey(session);
        if (*encrypted && !keys.wrapFor(account->id, *session.dataKey(), password, &error))
            return dbFailure(m_db, error);
    }
    if (!AuditLog::append(m_db, session.dataKey(), session.userId(), AuditAddAccount, 0, 0,
                          QStringLiteral("account '%1' (%2)").arg(account->name, roleName(role)), &error))
        return dbFailure(m_db, error);
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
                   QStringLiteral("SELECT id, name, role, disabled, created_at, locked_until, must_change_password "
                                  "FROM users ORDER BY name"),
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
    Transaction tx(m_db);
    if (!tx.isActive())
        return dbFailure(m_db, tx.error());
    const Result<StoredAccount> account = findAccount(name);
    if (!account.ok())
        return account.outcome();
    if (account->id == 0)
        return Outcome::notFound(QStringLiteral("there is no account named '%1'").arg(name));
    if (disabled && account->id == session.userId())
        return Outcome::invalid(QStringLiteral("you cannot disable your own account"));
    QSqlQuery q = m_db.query();
    QString error;
    if (!m_db.exec(q, QStringLiteral("UPDATE users SET disabled = ? WHERE id = ?"), {disabled ? 1 : 0, account->id},
                   &error)
        || !AuditLog::append(m_db, session.dataKey(), session.userId(),
                             disabled ? AuditDisableAccount : AuditEnableAccount, 0, 0,
                             QStringLiteral("account '%1'").arg(account->name), &error))
        return dbFailure(m_db, error);
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
    const Action action = nameKey(name) == nameKey(session.userName()) ? Action::ReadTemplates : Action::ManageUsers;
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
    const Result<StoredAccount> account = findAccount(name);
    if (!account.ok())
        return account.outcome();
    if (account->id == 0)
        return Outcome::notFound(QStringLiteral("there is no account named '%1'").arg(name));
    QSqlQuery q = m_db.query();
    QString error;
    if (!m_db.exec(q,
                   QStringLiteral("UPDATE users SET password_hash = ?, failed_sign_ins = 0, locked_until = NULL "
                                  "WHERE id = ?"),
                   {hash, account->id}, &error))
        return dbFailure(m_db, error);
    const Result<std::optional<Role>> role = roleOf(account->id);
    if (!role.ok())
        return role.outcome();
    // A fresh wrap under the new password (which needs the key in this session); a coproducer holds none.
    const KeyRing keys(m_db);
    const bool staff = role->value_or(Role::Coproducer) != Role::Coproducer;
    const Result<bool> encrypted = keys.hasDataKey();
    if (!encrypted.ok())
        return encrypted.outcome();
    if (staff && *encrypted && !session.dataKey())
        return KeyRing::needKey(session);
    if (!(staff ? (!*encrypted || keys.wrapFor(account->id, *session.dataKey(), password, &error))
                : keys.clearWrap(account->id, &error))
        || !AuditLog::append(m_db, session.dataKey(), session.userId(), AuditChangePassword, 0, 0,
                             QStringLiteral("account '%1'").arg(account->name), &error))
        return dbFailure(m_db, error);
    if (!tx.commit())
        return dbFailure(m_db, tx.error());
    return Outcome::success();
}

Outcome UserStore::setRole(const Session &session, const QString &name, Role role)
{
    if (Outcome allowed = Permissions::check(m_db, session, Action::ManageUsers); !allowed.ok())
        return allowed;
    Transaction tx(m_db);
    if (!tx.isActive())
        return dbFailure(m_db, tx.error());
    const Result<StoredAccount> account = findAccount(name);
    if (!account.ok())
        return account.outcome();
    if (account->id == 0)
        return Outcome::notFound(QStringLiteral("there is no account named '%1'").arg(name));
    if (account->id == session.userId())
        return Outcome::invalid(QStringLiteral("you cannot change your own role"));
    QSqlQuery q = m_db.query();
    QString error;
    if (!m_db.exec(q, QStringLiteral("UPDATE users SET role = ? WHERE id = ?"), {roleName(role), account->id}, &error)
        || (role == Role::Coproducer && !KeyRing(m_db).clearWrap(account->id, &error))
        || !AuditLog::append(m_db, session.dataKey(), session.userId(), AuditChangeRole, 0, 0,
                             QStringLiteral("account '%1' is now %2").arg(account->name, roleName(role)), &error))
        return dbFailure(m_db, error);
    if (!tx.commit())
        return dbFailure(m_db, tx.error());
    return Outcome::success();
}

} // namespace coform
