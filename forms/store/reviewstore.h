#pragma once

#include "model/answers.h"
#include "store/session.h"
#include "store/storeresult.h"

#include <QDateTime>
#include <QVector>

namespace coform {

class Database;

/// A filled review as stored: it points at the exact published template version it was filled with.
struct ReviewRecord
{
    qint64 id = 0;
    qint64 personId = 0;
    QString templateId;
    int version = 0;
    QString status; ///< "draft" for now; the reviews work adds more
    Answers answers;
    QString createdBy;
    QDateTime createdAt;
    QDateTime updatedAt;
};

/// Reviews (special category health data): admins and reviewers only; a coproducer is refused on every call with
/// "not permitted". Minimal for now: the reviews work extends it (answers per row, audit trail).
class ReviewStore
{
public:
    ReviewStore(Database &db, const Session &session);

    /// A new review of a person on a published template version.
    Result<ReviewRecord> create(qint64 personId, const QString &templateId, int version, const Answers &answers);
    Result<ReviewRecord> get(qint64 id) const;
    Result<QVector<ReviewRecord>> list() const;

private:
    Result<QVector<ReviewRecord>> read(const QString &where, const QVariantList &values) const;

    Database &m_db;
    Session m_session;
};

} // namespace coform
