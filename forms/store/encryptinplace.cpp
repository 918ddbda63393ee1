// KeyRing::encryptInPlace: a database an older Coform wrote (personal data in plain text) sealed in one transaction.
#include "store/auditlog.h"
#include "store/crypto/datakey.h"
#include "store/crypto/sealedrows.h"
#include "store/database.h"
#include "store/dbfailure.h"
#include "store/keyring.h"
#include "store/permissions.h"
#include "store/transaction.h"
#include "store/userstore.h"

#include <QVector>

namespace coform {

Result<Session> KeyRing::encryptInPlace(const Session &admin, const QString &password, QString *recoveryKey,
                                        const std::function<void(qint64, qint64)> &progress)
{
    if (Outcome allowed = Permissions::check(m_db, admin, Action::ManageUsers); !allowed.ok())
        return allowed;
    QSqlQuery q = m_db.query();
    QString error;
    if (!m_db.exec(q, QStringLiteral("SELECT password_hash FROM users WHERE id = ?"), {admin.userId()}, &error)
        || !q.next())
        return dbFailure(m_db, error);
    if (!UserStore::verifyPassword(q.value(0).toString(), password))
        return Outcome::notPermitted(QStringLiteral("not permitted: wrong password"));
    q.finish();
    {
        Transaction tx(m_db);
        if (!tx.isActive())
            return dbFailure(m_db, tx.error());
        const Result<bool> has = hasDataKey();
        if (!has.ok())
            return has.outcome();
        if (*has)
            return Outcome::conflict(QStringLiteral("the personal data in this database is encrypted already"));
        std::shared_ptr<DataKey> key;
        const Result<QString> recovery = createDataKey(admin.userId(), password, &key);
        if (!recovery.ok())
            return recovery.outcome();
        // Read everything first (one connection cannot page through a table while updating it everywhere).
        QVector<PersonRecord> people;
        if (!m_db.exec(q,
                       QStringLiteral("SELECT id, name, nhs_number, date_of_birth, communication_needs, "
                                      "preferred_format, representative_name, representative_contact FROM people "
                                      "ORDER BY id"),
                       {}, &error))
            return dbFailure(m_db, error);
        while (q.next()) {
            PersonRecord r;
            r.id = q.value(0).toLongLong();
            r.person = {q.value(1).toString(), q.value(2).toString(),
                        QDate::fromString(q.value(3).toString(), Qt::ISODate)};
            r.communicationNeeds = q.value(4).toString();
            r.preferredFormat = q.value(5).toString();
            r.representativeName = q.value(6).toString();
            r.representativeContact = q.value(7).toString();
            people.append(r);
        }
        QVector<QPair<qint64, QString>> reviews;
        if (!m_db.exec(q, QStringLiteral("SELECT id, answers FROM reviews ORDER BY id"), {}, &error))
            return dbFailure(m_db, error);
        while (q.next())
            reviews.append({q.value(0).toLongLong(), q.value(1).toString()});
        struct Answer
        {
            qint64 review;
            QString item;
            QString value;
        };
        QVector<Answer> answers;
        if (!m_db.exec(q,
                       QStringLiteral("SELECT review_id, item_id, value FROM review_answers WHERE value IS NOT NULL "
                                      "ORDER BY review_id, item_id"),
                       {}, &error))
            return dbFailure(m_db, error);
        while (q.next())
            answers.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString()});
        q.finish();
        const qint64 total = people.size() + reviews.size() + answers.size();
        qint64 done = 0;
        auto step = [&] {
            ++done;
            if (progress && (done % 500 == 0 || done == total))
                progress(done, total);
        };
        if (progress)
            progress(0, total);
        QSqlQuery update = m_db.query();
        if (!update.prepare(QStringLiteral("UPDATE people SET personal = ?, nhs_lookup = ?, name = '', "
                                           "search_name = '', nhs_number = '', date_of_birth = '', "
                                           "communication_needs = '', preferred_format = '', "
                                           "representative_name = '', representative_contact = '' WHERE id = ?")))
            return dbFailure(m_db, QStringLiteral("cannot prepare"));
        for (const PersonRecord &r : people) {
            update.bindValue(0, SealedRows::sealPerson(*key, r));
            update.bindValue(1, SealedRows::nhsLookup(*key, r.person.nhsNumber));
            update.bindValue(2, r.id);
            if (!update.exec())
                return dbFailure(m_db, QStringLiteral("cannot seal person %1").arg(r.id));
            step();
        }
        if (!update.prepare(QStringLiteral("UPDATE reviews SET answers = ? WHERE id = ?")))
            return dbFailure(m_db, QStringLiteral("cannot prepare"));
        for (const auto &[id, text] : reviews) {
            update.bindValue(0, key->seal(text.toUtf8(), SealedRows::reviewAnswersData(id)));
            update.bindValue(1, id);
            if (!update.exec())
                return dbFailure(m_db, QStringLiteral("cannot seal review %1").arg(id));
            step();
        }
        if (!update.prepare(QStringLiteral("UPDATE review_answers SET value = ? WHERE review_id = ? AND item_id = ?")))
            return dbFailure(m_db, QStringLiteral("cannot prepare"));
        for (const Answer &a : answers) {
            update.bindValue(0, key->seal(a.value.toUtf8(), SealedRows::answerData(a.review, a.item)));
            update.bindValue(1, a.review);
            update.bindValue(2, a.item);
            if (!update.exec())
                return dbFailure(m_db, QStringLiteral("cannot seal an answer of review %1").arg(a.review));
            step();
        }
        update.finish();
        if (!AuditLog::append(m_db, key.get(), admin.userId(), AuditEncrypt, 0, 0,
                              QStringLiteral("%1 people, %2 reviews and %3 answers sealed")
                                  .arg(people.size())
                                  .arg(reviews.size())
                                  .arg(answers.size()),
                              &error))
            return dbFailure(m_db, error);
        if (!tx.commit())
            return dbFailure(m_db, tx.error());
        *recoveryKey = *recovery;
        // The plain text is gone from the tables; now from the file's free pages and the WAL too.
        if (m_db.backend() == Database::Backend::Sqlite) {
            m_db.exec(q, QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"), {}, nullptr);
            m_db.exec(q, QStringLiteral("VACUUM"), {}, nullptr);
            m_db.exec(q, QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"), {}, nullptr);
        } else {
            // Old row versions stay in PostgreSQL's tables until vacuumed (needs the tables' owner).
            m_db.exec(q, QStringLiteral("VACUUM FULL people"), {}, nullptr);
            m_db.exec(q, QStringLiteral("VACUUM FULL reviews"), {}, nullptr);
            m_db.exec(q, QStringLiteral("VACUUM FULL review_answers"), {}, nullptr);
        }
        return Session(admin.userId(), admin.userName(), admin.role(), key);
    }
}

} // namespace coform
