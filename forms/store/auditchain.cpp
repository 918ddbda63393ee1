// The audit trail's chain: each row's link is a hash over its content and the previous row's link (docs/security.md).
#include "store/auditlog.h"
#include "store/crypto/datakey.h"
#include "store/database.h"
#include "store/dbfailure.h"
#include "store/keyring.h"
#include "store/permissions.h"

#include <sodium.h>

namespace coform {

namespace {

/// The advisory lock PostgreSQL writers of the audit trail take (any fixed number; "audit" in letters).
constexpr qint64 ChainLock = 0x61756469;

QByteArray field(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    return QByteArray::number(utf8.size()) + ':' + utf8;
}

QByteArray content(const QString &at, qint64 userId, const QString &action, qint64 reviewId, qint64 personId,
                   const QString &detail, const QString &previous)
{
    return field(at) + field(QString::number(userId)) + field(action) + field(QString::number(reviewId))
           + field(QString::number(personId)) + field(detail) + field(previous);
}

/// "k" + hex of the keyed hash with the key, else "u" + hex of a plain BLAKE2b hash.
QString link(const DataKey *key, const QByteArray &message)
{
    if (key)
        return QLatin1Char('k') + QString::fromLatin1(key->chainHash(message).toHex());
    if (sodium_init() < 0)
        return {};
    unsigned char out[32];
    crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char *>(message.constData()),
                       quint64(message.size()), nullptr, 0);
    return QLatin1Char('u') + QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(out), sizeof out).toHex());
}

} // namespace

bool AuditLog::append(const Database &db, const DataKey *chainKey, qint64 userId, const char *action, qint64 reviewId,
                      qint64 personId, const QString &detail, QString *error)
{
    QSqlQuery q = db.query();
    if (db.backend() == Database::Backend::Postgres
        && !db.exec(q, QStringLiteral("SELECT pg_advisory_xact_lock(?)"), {ChainLock}, error))
        return false;
    if (!db.exec(q, QStringLiteral("SELECT chain FROM audit_log ORDER BY id DESC LIMIT 1"), {}, error))
        return false;
    const QString previous = q.next() ? q.value(0).toString() : QString();
    q.finish();
    const QString at = Database::timeText(db.now());
    const QString text = detail.isNull() ? QStringLiteral("") : detail;
    const QString chain =
        link(chainKey, content(at, std::max<qint64>(userId, 0), QString::fromLatin1(action),
                               std::max<qint64>(reviewId, 0), std::max<qint64>(personId, 0), text, previous));
    return db.exec(q,
                   QStringLiteral("INSERT INTO audit_log (at, user_id, action, review_id, person_id, detail, chain) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?)"),
                   {at, userId > 0 ? QVariant(userId) : QVariant(QMetaType(QMetaType::LongLong)),
                    QString::fromLatin1(action),
                    reviewId > 0 ? QVariant(reviewId) : QVariant(QMetaType(QMetaType::LongLong)),
                    personId > 0 ? QVariant(personId) : QVariant(QMetaType(QMetaType::LongLong)), text, chain},
                   error);
}

Result<AuditVerification> AuditLog::verify() const
{
    Role role = Role::Coproducer;
    if (Outcome allowed = Permissions::check(m_db, m_session, Action::ManageUsers, &role); !allowed.ok())
        return allowed;
    if (Outcome keyed = KeyRing::needKey(m_session); !keyed.ok())
        return keyed;
    const DataKey *key = m_session.dataKey();
    QSqlQuery q = m_db.query();
    q.setForwardOnly(true);
    QString error;
    if (!m_db.exec(q,
                   QStringLiteral("SELECT id, at, user_id, action, review_id, person_id, detail, chain FROM audit_log "
                                  "ORDER BY id"),
                   {}, &error))
        return dbFailure(m_db, error);
    AuditVerification v;
    QString previous;
    bool started = false;
    while (q.next()) {
        ++v.rows;
        const qint64 id = q.value(0).toLongLong();
        const QString chain = q.value(7).toString();
        if (chain.isEmpty()) {
            if (!started) {
                ++v.beforeChain;
                continue;
            }
            v.firstBroken = id;
            v.problem = QStringLiteral("it has no link in the chain, though rows before it have");
            break;
        }
        started = true;
        const QByteArray message =
            content(q.value(1).toString(), q.value(2).toLongLong(), q.value(3).toString(), q.value(4).toLongLong(),
                    q.value(5).toLongLong(), q.value(6).toString(), previous);
        const bool keyedRow = chain.startsWith(QLatin1Char('k'));
        if (chain != link(keyedRow ? key : nullptr, message)) {
            v.firstBroken = id;
            v.problem = QStringLiteral("its content or its place was changed (or a row just before it was removed)");
            break;
        }
        if (keyedRow) {
            ++v.keyed;
            v.unkeyedTail = 0;
        } else {
            ++v.unkeyedTail;
        }
        previous = chain;
    }
    return v;
}

QString AuditVerification::words() const
{
    QStringList lines;
    if (holds())
        lines << QStringLiteral("The audit trail's chain holds: %1 rows checked, none changed, none removed from "
                                "between others.")
                     .arg(rows);
    else
        lines << QStringLiteral("The audit trail was changed: row %1 does not hold (%2). Rows from there on cannot "
                                "be trusted.")
                     .arg(firstBroken)
                     .arg(problem);
    if (beforeChain > 0)
        lines << QStringLiteral("%1 rows were written before the chain began (by an older Coform): the chain cannot "
                                "tell whether they were changed.")
                     .arg(beforeChain);
    if (holds() && unkeyedTail > 0)
        lines << QStringLiteral("The last %1 rows (failed sign-ins) were written without the data key: their links "
                                "are plain hashes until the next row written by a signed-in admin or reviewer.")
                     .arg(unkeyedTail);
    return lines.join(QLatin1Char('\n'));
}

} // namespace coform
