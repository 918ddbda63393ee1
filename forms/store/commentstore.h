#pragma once

#include "store/session.h"
#include "store/storeresult.h"

#include <QDateTime>
#include <QMap>
#include <QVector>

namespace coform {

class Database;

struct Comment
{
    qint64 id = 0;
    QString author;
    QDateTime at;
    QString body;
};

/// A comment thread on an item (or on the whole template when `itemId` is empty). Threads belong to the item, not to a
/// version: an item's comments follow it into later versions.
struct CommentThread
{
    qint64 id = 0; ///< the id of its first comment
    QString templateId;
    QString itemId;  ///< empty: the whole template
    int version = 0; ///< the version being read when the thread began
    bool resolved = false;
    QString resolvedBy;
    QDateTime resolvedAt;
    /// Why the form was not changed as the thread asks (given when it was resolved, or when the version was published
    /// over it); empty when it was resolved without one. The "What changed" summary lists it under "Not changed, and
    /// why".
    QString resolvedReason;
    QVector<Comment> comments; ///< oldest first; the first started the thread
};

/// Comment threads: start, reply, resolve, reopen; unresolved counts for the template tree.
class CommentStore
{
public:
    CommentStore(Database &db, const Session &session);

    /// Starts a thread on an item (or the whole template for an empty itemId) of the latest version.
    Result<CommentThread> startThread(const QString &templateId, const QString &itemId, const QString &body);
    Result<CommentThread> reply(qint64 threadId, const QString &body);
    /// Marks a thread resolved; `reason` says why the form was not changed as it asks (empty: it was, or it no longer
    /// needs to be).
    Outcome resolve(qint64 threadId, const QString &reason = {});
    Outcome reopen(qint64 threadId);
    Result<CommentThread> thread(qint64 threadId) const;

    enum class Which { All, Unresolved };
    /// All the template's threads (on items and on the whole template), oldest first.
    Result<QVector<CommentThread>> threads(const QString &templateId, Which which = Which::All) const;
    /// The threads on one item ("" for those on the whole template), oldest first.
    Result<QVector<CommentThread>> threadsOnItem(const QString &templateId, const QString &itemId,
                                                 Which which = Which::All) const;
    /// Unresolved threads per item id ("" for the whole template), for the template tree.
    Result<QMap<QString, int>> unresolvedCounts(const QString &templateId) const;

private:
    Result<QVector<CommentThread>> readThreads(const QString &where, const QVariantList &values) const;
    Outcome setResolved(qint64 threadId, bool resolved, const QString &reason);

    Database &m_db;
    Session m_session;
};

} // namespace coform
