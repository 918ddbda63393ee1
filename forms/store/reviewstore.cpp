#include "store/reviewstore.h"

#include "format/templateformat.h"
#include "store/database.h"
#include "store/permissions.h"
#include "store/transaction.h"

namespace coform {

namespace {

Outcome dbFailure(const Database &db, const QString &error)
{
    return Outcome::failed(QStringLiteral("%1: %2").arg(db.location(), error));
}

} // namespace

ReviewStore::ReviewStore(Database &db, const Session &session)
    : m_db(db)
    , m_session(session)
{}

Result<ReviewRecord> ReviewStore::create(qint64 personId, const QString &templateId, int version,
                                         const Answers &answers)
{
    if (Outcome allowed = Permissions::check(m_db, m_session, Action::WriteReviews); !allowed.ok())
        return allowed;
    Transaction tx(m_db);
    if (!tx.isActive())
        return dbFailure(m_db, tx.error());
    QSqlQuery q = m_db.query();
    QString error;
    if (!m_db.exec(q, QStringLiteral("SELECT status FROM template_versions WHERE template_id = ? AND version = ?"),
                   {templateId, version}, &error))
        return dbFailure(m_db, error);
    if (!q.next())
        return Outcome::notFound(QStringLiteral("template '%1' has no version %2").arg(templateId).arg(version));
    if (q.value(0).toString() != QLatin1String("published"))
        return Outcome::conflict(QStringLiteral("template '%1' version %2 is %3: reviews use published versions")
                                     .arg(templateId)
                                     .arg(version)
                                     .arg(q.value(0).toString()));
    if (!m_db.exec(q, QStringLiteral("SELECT count(*) FROM people WHERE id = ?"), {personId}, &error) || !q.next())
        return dbFailure(m_db, error);
    if (q.value(0).toLongLong() == 0)
        return Outcome::notFound(QStringLiteral("there is no person %1").arg(personId));
    Answers stored = answers;
    stored.templateId = templateId;
    stored.version = version;
    const QString now = Database::timeText(m_db.now());
    if (!m_db.exec(
            q,
            QStringLiteral("INSERT INTO reviews (person_id, template_id, version, status, answers, created_by, "
                           "created_at, updated_at) VALUES (?, ?, ?, 'draft', ?, ?, ?, ?) RETURNING id"),
            {personId, templateId, version, QString::fromUtf8(writeAnswers(stored)), m_session.userId(), now, now},
            &error)
        || !q.next())
        return dbFailure(m_db, error);
    const qint64 id = q.value(0).toLongLong();
    q.finish();
    if (!tx.commit())
        return dbFailure(m_db, tx.error());
    return get(id);
}

Result<QVector<ReviewRecord>> ReviewStore::read(const QString &where, const QVariantList &values) const
{
    if (Outcome allowed = Permissions::check(m_db, m_session, Action::ReadReviews); !allowed.ok())
        return allowed;
    QSqlQuery q = m_db.query();
    QString error;
    if (!m_db.exec(q,
                   QStringLiteral("SELECT r.id, r.person_id, r.template_id, r.version, r.status, r.answers, u.name, "
                                  "r.created_at, r.updated_at FROM reviews r JOIN users u ON u.id = r.created_by %1 "
                                  "ORDER BY r.id")
                       .arg(where),
                   values, &error))
        return dbFailure(m_db, error);
    QVector<ReviewRecord> list;
    while (q.next()) {
        ReviewRecord r;
        r.id = q.value(0).toLongLong();
        r.personId = q.value(1).toLongLong();
        r.templateId = q.value(2).toString();
        r.version = q.value(3).toInt();
        r.status = q.value(4).toString();
        Problems problems;
        const auto answers =
            readAnswers(q.value(5).toString().toUtf8(), QStringLiteral("review %1").arg(r.id), &problems);
        if (!answers)
            return Outcome::failed(QStringLiteral("%1: review %2 cannot be read").arg(m_db.location()).arg(r.id));
        r.answers = *answers;
        r.createdBy = q.value(6).toString();
        r.createdAt = Database::timeFromText(q.value(7).toString());
        r.updatedAt = Database::timeFromText(q.value(8).toString());
        list.append(r);
    }
    return list;
}

Result<ReviewRecord> ReviewStore::get(qint64 id) const
{
    const Result<QVector<ReviewRecord>> list = read(QStringLiteral("WHERE r.id = ?"), {id});
    if (!list.ok())
        return list.outcome();
    if (list->isEmpty())
        return Outcome::notFound(QStringLiteral("there is no review %1").arg(id));
    return list->first();
}

Result<QVector<ReviewRecord>> ReviewStore::list() const
{
    return read({}, {});
}

} // namespace coform
